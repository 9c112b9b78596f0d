/**
 * `npm run eval synthetic`: the offline engine scored on the synthetic corpus, whose ground truth is
 * known exactly (as Clio was checked on synthetic data). Two corpora: the default mix (mostly task
 * use, ~3 % affective) and an affective-rich one, so per-category figures rest on enough cases.
 *
 * These figures are an upper bound on real-data accuracy: the corpus is written from templates, and
 * an engine whose lexicons were tuned on those templates can look better here than on real logs.
 * The dev-data section is the honest measure.
 */
import type { Conversation } from '../conversation/model.js';
import { createEngine } from '../facets/createEngine.js';
import type { Facets } from '../facets/schema.js';
import { changeDirection, sentimentChangeOf } from '../facets/sentimentChange.js';
import { fmt, formatValidationReport, type LabelledItem, validateFacets } from '../facets/validate.js';
import { generateConversations, type SynthOptions, type SynthRecord } from '../synth/generate.js';
import { truthLabels } from '../synth/writeCorpus.js';
import type { EvalSection } from './evalSection.js';

const CORPORA: { name: string; options: SynthOptions }[] = [
  { name: 'default mix (n=20,000, seed 7)', options: { n: 20_000, seed: 7 } },
  {
    name: 'affective-rich (n=5,000, seed 8, 30 % affective, 5 % Chinese)',
    options: { n: 5_000, seed: 8, affectiveShare: 0.3, chineseShare: 0.05 },
  },
  {
    // The support facets (issue 17): templates labelled by hand plus planted crisis statements and
    // validated plans (src/synth/supportTruth.ts). The only data behind those figures: no dev set
    // carries referral, crisis or stance labels.
    name: 'support-planted (n=5,000, seed 9, 30 % affective, 15 % crisis and 15 % validation scenes)',
    options: {
      n: 5_000,
      seed: 9,
      affectiveShare: 0.3,
      support: { crisisShare: 0.15, validationShare: 0.15 },
    },
  },
];
const BATCH = 500;

async function facetsFor(records: readonly SynthRecord[]): Promise<{ facets: Facets[]; ms: number }> {
  const engine = await createEngine('offline');
  const started = performance.now();
  const facets: Facets[] = [];
  try {
    for (let i = 0; i < records.length; i += BATCH) {
      const batch: Conversation[] = records.slice(i, i + BATCH).map((r) => r.conversation);
      for (const res of await engine.extractFacets(batch)) facets.push(res.facets);
    }
  } finally {
    await engine.close?.();
  }
  return { facets, ms: performance.now() - started };
}

/** Pushback reason accuracy among conversations with true pushback that the engine also flagged. */
function reasonAccuracy(records: readonly SynthRecord[], facets: readonly Facets[]): string {
  let both = 0;
  let same = 0;
  records.forEach((r, i) => {
    if (!r.truth.pushback || !facets[i].pushback) return;
    both++;
    if (facets[i].pushbackReason === r.truth.pushbackReason) same++;
  });
  return `pushback reason: ${both === 0 ? '—' : fmt(same / both)} agree on ${both} conversations flagged by both`;
}

/** Does the predicted sentiment change point the way the generated arc does (>= 6 user messages)? */
function arcAgreement(records: readonly SynthRecord[], facets: readonly Facets[]): string {
  const byArc = new Map<string, { n: number; ok: number }>();
  records.forEach((r, i) => {
    const delta = sentimentChangeOf(facets[i].sentiment);
    if (delta === null || facets[i].status.kind === 'error') return;
    const arc = r.truth.sentimentArc;
    const expected = arc === 'improving' ? 'better' : arc === 'worsening' ? 'worse' : 'same';
    const ok = changeDirection(delta) === expected;
    const b = byArc.get(arc) ?? { n: 0, ok: 0 };
    b.n++;
    if (ok) b.ok++;
    byArc.set(arc, b);
  });
  const parts = ['improving', 'flat', 'worsening'].map((a) => {
    const b = byArc.get(a);
    return `${a} ${b ? `${fmt(b.ok / b.n)} (n=${b.n})` : '—'}`;
  });
  return `sentiment change direction vs generated arc (>= 6 user messages): ${parts.join(', ')}`;
}

export const syntheticSection: EvalSection = {
  name: 'synthetic',
  description: 'offline engine vs the synthetic corpus ground truth (an optimistic bound; see dev-data)',
  async run() {
    const out: string[] = [];
    for (const corpus of CORPORA) {
      const records = [...generateConversations(corpus.options)];
      const { facets, ms } = await facetsFor(records);
      const items: LabelledItem[] = records.map((r) => ({
        conversation: r.conversation,
        labels: truthLabels(r.truth),
      }));
      const report = validateFacets(items, facets);
      out.push(
        `-- ${corpus.name}: ${records.length} conversations in ${(ms / 1000).toFixed(1)} s ` +
          `(${Math.round(records.length / (ms / 1000))} conversations/s)`,
        formatValidationReport(report),
        reasonAccuracy(records, facets),
        arcAgreement(records, facets),
        '',
      );
    }
    return out.join('\n');
  },
};
