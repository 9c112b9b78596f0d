/**
 * `npm run eval chinese`: the offline engine on Chinese conversations, per source and per facet.
 * Real data: zh_smilechat (CC0 support dialogues, affective = counseling) and zh_alpaca (task
 * conversations, evaluate only: no licence, nothing is fitted on it), each as a source of its own,
 * then the two pooled (affective: support vs tasks). Synthetic: the generator's Chinese share, whose
 * truth is exact (content creation, categories, per-message sentiment). Speed: the offline engine in
 * one thread on Chinese and on English text. Pushback has no Chinese label anywhere (no Chinese
 * refusal scenes in the generator, none in the dev data): its rate is printed, not its accuracy.
 */
import type { Conversation } from '../conversation/model.js';
import { offlineFacets } from '../facets/offline/facets.js';
import type { Facets } from '../facets/schema.js';
import { fmt, type LabelledItem } from '../facets/validate.js';
import { generateConversations } from '../synth/generate.js';
import { truthLabels } from '../synth/writeCorpus.js';
import type { EvalSection } from './evalSection.js';
import { type Figure, figures } from './scores.js';
import { devDataDir, loadSource, type Source } from './sources.js';

const ZH_FILES = ['zh_smilechat.jsonl', 'zh_alpaca.jsonl'];
const SYNTH = { n: 20_000, seed: 11, affectiveShare: 0.3, chineseShare: 1 } as const;

const rate = (k: number, n: number) => (n === 0 ? '—' : `${fmt(k / n)} (${k}/${n})`);
const figureLine = (fs: readonly Figure[]) => fs.map((f) => `${f.key} ${fmt(f.value)} (n=${f.n})`).join(', ');

/** What each facet says on one source: the rates, whatever the labels. */
function describe(results: readonly Facets[]): string[] {
  const n = results.length;
  const affective = results.filter((r) => r.categories.length > 0).length;
  const byCat = new Map<string, number>();
  for (const r of results) for (const c of r.categories) byCat.set(c, (byCat.get(c) ?? 0) + 1);
  const sentiment = new Map<number, number>();
  let messages = 0;
  for (const r of results)
    for (const v of r.sentiment) {
      sentiment.set(v, (sentiment.get(v) ?? 0) + 1);
      messages++;
    }
  const reasons = new Map<string, number>();
  for (const r of results)
    if (r.pushback)
      reasons.set(r.pushbackReason ?? 'none', (reasons.get(r.pushbackReason ?? 'none') ?? 0) + 1);
  const named = results.filter(
    (r) => r.concern.length > 0 && !r.concern.startsWith('general request'),
  ).length;
  return [
    `  affective ${rate(affective, n)}; categories: ${[...byCat].map(([c, k]) => `${c} ${k}`).join(', ') || '—'}`,
    `  content creation ${rate(results.filter((r) => r.contentCreation).length, n)}`,
    `  pushback ${rate(results.filter((r) => r.pushback).length, n)}${reasons.size > 0 ? ` (reasons: ${[...reasons].map(([k, v]) => `${k} ${v}`).join(', ')})` : ''}`,
    `  sentiment per user message (${messages}): ${[-1, -0.5, 0, 0.5, 1].map((v) => `${v}: ${fmt((sentiment.get(v) ?? 0) / Math.max(1, messages))}`).join(', ')}`,
    `  concern named from the topic vocabulary ${rate(named, n)}`,
  ];
}

function speed(convs: readonly Conversation[]): number {
  for (const c of convs.slice(0, 200)) offlineFacets(c);
  const started = performance.now();
  for (const c of convs) offlineFacets(c);
  return Math.round(convs.length / ((performance.now() - started) / 1000));
}

export async function chineseReport(dir = devDataDir()): Promise<string> {
  const out: string[] = [];
  const sources: Source[] = [];
  for (const f of ZH_FILES) {
    try {
      sources.push(await loadSource(dir, f));
    } catch {
      out.push(`${f}: skipped (not found in ${dir}; set AFFECTLENS_DEV_DATA)`);
    }
  }
  const pooledItems: LabelledItem[] = [];
  const pooledResults: Facets[] = [];
  for (const s of sources) {
    const results = s.items.map((it) => offlineFacets(it.conversation));
    pooledItems.push(...s.items);
    pooledResults.push(...results);
    out.push(`-- ${s.file}: ${s.items.length} conversations (${s.quarantined} quarantined)`);
    out.push(`  labelled figures: ${figureLine(figures(s.items, results)) || '—'}`);
    out.push(...describe(results));
  }
  if (sources.length === ZH_FILES.length)
    out.push(
      `-- pooled (support dialogues vs tasks, dev): ${figureLine(figures(pooledItems, pooledResults))}`,
      '   target: affective F1 >= 0.85',
    );

  const records = [...generateConversations(SYNTH)].filter((r) => r.truth.language === 'zh');
  const items: LabelledItem[] = records.map((r) => ({
    conversation: r.conversation,
    labels: truthLabels(r.truth),
  }));
  const results = records.map((r) => offlineFacets(r.conversation));
  out.push(
    '',
    `-- synthetic Chinese share (n=${SYNTH.n}, seed ${SYNTH.seed}, ${SYNTH.affectiveShare * 100} % affective, all topics with Chinese templates): ${records.length} Chinese conversations`,
    `  ${figureLine(figures(items, results))}`,
    '  target: content F1 >= 0.85 (an optimistic bound: the corpus is written from templates)',
  );

  const zhConvs = [
    ...sources.flatMap((s) => s.items.map((it) => it.conversation)),
    ...records.map((r) => r.conversation),
  ];
  const en = [...generateConversations({ n: 5_000, seed: 11, affectiveShare: 0.3 })].map(
    (r) => r.conversation,
  );
  out.push(
    '',
    `-- speed, offline engine in this thread (no worker pool): Chinese ${speed(zhConvs)} conversations/s (${zhConvs.length}, real and synthetic), English ${speed(en)} conversations/s (${en.length} synthetic); target >= 3,000 on Chinese`,
  );
  return out.join('\n');
}

export const chineseSection: EvalSection = {
  name: 'chinese',
  description: 'offline engine on Chinese: per dev source, the synthetic Chinese share, speed beside English',
  run: () => chineseReport(),
};
