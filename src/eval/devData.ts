/**
 * `npm run eval dev-data`: every labelled dev file scored as a source of its own, the real human–AI
 * reference set included, for the offline engine, a keyword baseline and VADER (sentiment only).
 *
 * It is built so it cannot flatter the engine: what is fitted (the content-creation and pushback
 * heads) is always scored on a source the heads were not fitted on (leave-one-source-out, see
 * heldOut.ts); the shipped heads' own figures are printed beside them, marked where they are
 * in-sample. Then the targets, per source rows and the pooled table. Skipped cleanly when the
 * folder is absent.
 */
import type { Conversation } from '../conversation/model.js';
import { createVaderBaseline, keywordBaselineFacets } from '../facets/baselines.js';
import { TRAIN_FILES } from '../facets/offline/training.js';
import type { Facets } from '../facets/schema.js';
import { fmt, type LabelledItem } from '../facets/validate.js';
import type { EvalSection } from './evalSection.js';
import { runHeldOut } from './heldOut.js';
import { type Figure, type FigureKey, figure, figures } from './scores.js';
import { devDataDir, loadSources, REFERENCE_FILE, type Source } from './sources.js';
import { type RecordedFigure, writeOfflineValidation, writeShippedCalibration } from './validationFile.js';

type Engine = { name: string; run: (c: Conversation) => Facets; sentimentOnly: boolean };

/** The dev sets the earlier targets were set on: English support chats and task prompts. */
const isSupportOrTask = (file: string) =>
  file !== REFERENCE_FILE && !file.startsWith('zh_') && !file.endsWith('_messages.jsonl');
const isChinese = (file: string) => file.startsWith('zh_');
const isSst = (file: string) => file.startsWith('sst5');

interface Target {
  scope: string;
  key: FigureKey;
  /** Which sources the figure pools. */
  files: (file: string) => boolean;
  target?: number;
  /** Also written to validation.json (what reports quote), with this wording. */
  record?: { facet: string; metric: string };
}

const REF = 'reference (real chats)';
const LOSO = 'leave-one-source-out';
const onlyReference = (f: string) => f === REFERENCE_FILE;
const all = () => true;

/** Target rows of one scope: [figure, target, facet, metric wording] each. */
function scoped(
  scope: string,
  files: (file: string) => boolean,
  measuredOn: string,
  rows: readonly (readonly [FigureKey, number | undefined, string, string])[],
): Target[] {
  return rows.map(([key, target, facet, metric]) => ({
    scope,
    key,
    files,
    target,
    record: { facet, metric: `${metric}, ${measuredOn}` },
  }));
}

const TARGETS: Target[] = [
  ...scoped(REF, onlyReference, 'real assistant conversations (reference set)', [
    ['affective P', 0.8, 'affective', 'precision'],
    ['affective R', undefined, 'affective', 'recall'],
    ['affective F1', 0.75, 'affective', 'F1'],
    ['content F1', 0.85, 'content creation', 'F1'],
    ['pushback F1', 0.75, 'pushback', 'F1'],
    ['pushback reason acc', undefined, 'pushback reason', 'accuracy where both call pushback'],
    ['sentiment acc', 0.75, 'sentiment', '5-class accuracy per user message'],
    ['sentiment kappa', undefined, 'sentiment', "5-class Cohen's kappa"],
    ['category macro-F1', undefined, 'categories', 'macro-F1'],
  ]),
  ...scoped(LOSO, all, 'every labelled dev source pooled, heads fitted without the scored source', [
    ['category macro-F1', 0.7, 'categories', 'macro-F1'],
    ['pushback F1', 0.8, 'pushback', 'F1'],
    ['content F1', undefined, 'content creation', 'F1'],
    ['affective F1', undefined, 'affective', 'F1'],
  ]),
  {
    scope: 'dev support/task sets',
    key: 'affective F1',
    files: isSupportOrTask,
    target: 0.9,
    record: { facet: 'affective', metric: 'F1, English support chats and task prompts (dev)' },
  },
  {
    scope: 'dev SST-5',
    key: 'sentiment acc',
    files: isSst,
    target: 0.45,
    record: { facet: 'sentiment', metric: '5-class accuracy, SST-5 sentences (dev)' },
  },
  {
    scope: 'dev Chinese sets',
    key: 'affective F1',
    files: isChinese,
    target: 0.85,
    record: { facet: 'affective', metric: 'F1, Chinese support dialogues vs Chinese tasks (dev)' },
  },
];

function pad(s: string, w: number, right = false): string {
  return right ? s.padStart(w) : s.padEnd(w);
}

function pooled(sources: readonly Source[], results: readonly Facets[][], keep: (file: string) => boolean) {
  const items: LabelledItem[] = [];
  const res: Facets[] = [];
  sources.forEach((s, i) => {
    if (!keep(s.file)) return;
    items.push(...s.items);
    res.push(...results[i]);
  });
  return figures(items, res);
}

const cell = (f?: Figure) => (f === undefined ? 'n/a' : fmt(f.value));

export async function devDataReport(dir = devDataDir()): Promise<string> {
  const sources = await loadSources(dir);
  if (!sources) return `dev-data: skipped (no folder at ${dir}; set AFFECTLENS_DEV_DATA)`;
  const vader = createVaderBaseline();
  const baselines: Engine[] = [{ name: 'keyword', run: keywordBaselineFacets, sentimentOnly: false }];
  if (vader) baselines.push({ name: 'VADER', run: vader, sentimentOnly: true });

  const started = performance.now();
  const held = runHeldOut(sources);
  const base = baselines.map((e) => sources.map((s) => s.items.map((it) => e.run(it.conversation))));
  const seconds = (performance.now() - started) / 1000;

  const lines: string[] = [];
  const total = sources.reduce((a, s) => a + s.items.length, 0);
  const quarantined = sources.reduce((a, s) => a + s.quarantined, 0);
  lines.push(
    `dev data: ${dir} — ${sources.length} files, ${total} labelled items (${quarantined} records quarantined), ${seconds.toFixed(1)} s`,
    `fitted heads (content creation, pushback): fitted on the fittable records of ${TRAIN_FILES.join(', ')} plus the synthetic corpus;`,
    `  every "held-out" figure below comes from heads fitted WITHOUT the scored source (and without any record it shares).`,
    held.shippedMatchesFit
      ? '  The shipped weights are what a fit on all fittable records gives.'
      : '  WARNING: the shipped weights differ from a fit on the same records: retrain (node dist-tools/train.js).',
    '',
    'targets (offline engine, held-out heads):',
    `${pad('scope', 24)}${pad('metric', 22)}${pad('n', 7, true)}${pad('value', 9, true)}${pad('target', 9, true)}`,
  );
  const recorded: RecordedFigure[] = [];
  for (const t of TARGETS) {
    const f = figure(pooled(sources, held.heldOut, t.files), t.key);
    const verdict =
      t.target === undefined || f === undefined
        ? ''
        : f.value >= t.target
          ? 'met'
          : `MISSED by ${fmt(t.target - f.value)}`;
    lines.push(
      `${pad(t.scope, 24)}${pad(t.key, 22)}${pad(f ? String(f.n) : '', 7, true)}${pad(cell(f), 9, true)}${pad(t.target === undefined ? '' : fmt(t.target, 2), 9, true)}  ${verdict}`,
    );
    if (f && t.record) recorded.push({ ...t.record, value: f.value, n: f.n, scope: t.scope });
  }

  lines.push(
    '',
    'per source ("held-out": heads fitted without this source; "shipped": the shipped heads, * where they were fitted on this source):',
    `${pad('file', 28)}${pad('metric', 22)}${pad('n', 7, true)}${pad('held-out', 10, true)}${pad('shipped', 10, true)}${baselines.map((e) => pad(e.name, 10, true)).join('')}`,
  );
  sources.forEach((s, i) => {
    const h = figures(s.items, held.heldOut[i]);
    const sh = figures(s.items, held.shipped[i]);
    const b = base.map((r) => figures(s.items, r[i]));
    if (h.length === 0) {
      lines.push(`${pad(s.file, 28)}${pad('(no scored labels)', 22)}${pad(String(s.items.length), 7, true)}`);
      return;
    }
    const inSample = held.leftOut[i] > 0 ? '*' : ' ';
    for (const f of h) {
      const shipped = figure(sh, f.key);
      const cells = baselines.map((e, k) =>
        e.sentimentOnly && !/sentiment|polarity|valence|change/.test(f.key) ? '—' : cell(figure(b[k], f.key)),
      );
      lines.push(
        `${pad(s.file, 28)}${pad(f.key, 22)}${pad(String(f.n), 7, true)}${pad(fmt(f.value), 10, true)}${pad(`${cell(shipped)}${inSample}`, 10, true)}${cells.map((c) => pad(c, 10, true)).join('')}`,
      );
    }
  });

  lines.push(
    '',
    'referral, crisis, stance (issue 17): no file here carries those labels, so they are not scored on real',
    'data; see `npm run eval synthetic` (support-planted corpus) and docs/codebook-additions.md §8-10.',
  );
  lines.push('', 'every labelled file pooled:');
  lines.push(
    `${pad('metric', 22)}${pad('n', 7, true)}${pad('held-out', 10, true)}${pad('shipped', 10, true)}${baselines.map((e) => pad(e.name, 10, true)).join('')}`,
  );
  const pooledHeld = pooled(sources, held.heldOut, all);
  const pooledShipped = pooled(sources, held.shipped, all);
  const pooledBase = base.map((r) => pooled(sources, r, all));
  for (const f of pooledHeld) {
    const cells = baselines.map((e, k) =>
      e.sentimentOnly && !/sentiment|polarity|valence|change/.test(f.key)
        ? '—'
        : cell(figure(pooledBase[k], f.key)),
    );
    lines.push(
      `${pad(f.key, 22)}${pad(String(f.n), 7, true)}${pad(fmt(f.value), 10, true)}${pad(cell(figure(pooledShipped, f.key)), 10, true)}${cells.map((c) => pad(c, 10, true)).join('')}`,
    );
  }

  const inSample = sources.flatMap((s, i) =>
    held.leftOut[i] > 0
      ? figures(s.items, held.shipped[i]).map((f) => ({
          file: s.file,
          metric: f.key,
          value: f.value,
          n: f.n,
        }))
      : [],
  );
  const written = writeOfflineValidation({
    figures: recorded,
    inSample,
    files: sources.length,
    items: total,
  });
  lines.push('', `offline figures for reports written to ${written}`);
  const cal = writeShippedCalibration(sources, held.heldOut);
  lines.push(
    `calibration counts for offline runs (${cal.conversations} permissively licensed labelled conversations in ${cal.domains} kinds of traffic: ` +
      `affective ${cal.positives} positive) written to ${cal.file}`,
  );
  return lines.join('\n');
}

export const devDataSection: EvalSection = {
  name: 'dev-data',
  description:
    'offline engine per source (reference set included), leave-one-source-out for the fitted heads, vs keyword baseline and VADER',
  run: () => devDataReport(),
};
