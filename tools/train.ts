/**
 * Fits the offline engine's heads and writes data/offline/<head>.json (numbers only).
 *
 *   npm run build && node dist-tools/train.js [--data ../shared/data/dev] [--out data/offline] [--cv] [--no-write]
 *
 * Trains only on sources whose licence allows it (TRAIN_FILES in src/facets/offline/training.ts, and
 * data/ATTRIBUTION.md) plus the project's own synthetic corpus (src/eval/synthHeadExamples.ts, seed 101,
 * never the seeds the synthetic eval uses). `--cv` adds an in-sample check: a seeded 5-fold split of
 * every training file, each fold scored by heads fitted on the other four, then the same dev metrics
 * as `npm run eval dev-data` (whose leave-one-source-out rows are the out-of-source estimate).
 *
 * A build tool, not part of the library: it imports the compiled library from dist/ (built first by
 * `npm run build`, which also compiles this folder to dist-tools/ with tools/tsconfig.json).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readConversations } from '../dist/conversation/read.js';
import { HEAD_SYNTH, synthExamples } from '../dist/eval/synthHeadExamples.js';
import { offlineFacets } from '../dist/facets/offline/facets.js';
import { fnv1a } from '../dist/facets/offline/hashing.js';
import { serialiseLinearModel } from '../dist/facets/offline/linear.js';
import { HEADS } from '../dist/facets/offline/models.js';
import {
  dataExamples,
  FIT_SEED,
  type FitItem,
  fitHeads,
  mayFit,
  TRAIN_FILES,
} from '../dist/facets/offline/training.js';
import type { Facets } from '../dist/facets/schema.js';
import { fmt, validateFacets } from '../dist/facets/validate.js';

const FOLDS = 5;

interface Item extends FitItem {
  fold: number;
}

async function loadDir(dir: string, files?: readonly string[]): Promise<Item[]> {
  const names =
    files ??
    readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  const out: Item[] = [];
  for (const file of names) {
    const path = join(dir, file);
    if (!existsSync(path)) throw new Error(`training data: ${path} not found`);
    for await (const it of readConversations([path], { format: 'labelled' })) {
      if (it.kind === 'quarantined') continue;
      const labels = it.conversation.metadata.labels;
      out.push({
        file,
        id: it.conversation.id,
        fold: fnv1a(`${FIT_SEED}:${it.conversation.id}`) % FOLDS,
        conversation: it.conversation,
        labels: typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : {},
      });
    }
  }
  return out;
}

/** The metadata kept with the weights: what they were fitted on. */
const fitMeta = (tag: string) => ({ licensed: [...TRAIN_FILES], synthetic: HEAD_SYNTH, fit: tag });

interface Metrics {
  affectiveF1?: number;
  categoryMacroF1?: number;
  contentF1?: number;
  pushbackF1?: number;
  sst5Accuracy?: number;
}

function headlineMetrics(items: readonly Item[], results: readonly Facets[]): Metrics {
  const all = validateFacets(items, results);
  const sstIdx = items.map((it, i) => (it.file.startsWith('sst5') ? i : -1)).filter((i) => i >= 0);
  const sst = validateFacets(
    sstIdx.map((i) => items[i]),
    sstIdx.map((i) => results[i]),
  );
  return {
    affectiveF1: all.affective?.f1,
    categoryMacroF1: all.categories?.macroF1,
    contentF1: all.contentCreation?.f1,
    pushbackF1: all.pushback?.f1,
    sst5Accuracy: sst.sentiment?.accuracy,
  };
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string, dflt: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
  };
  const dir = arg('--data', join(process.cwd(), '..', 'shared', 'data', 'dev'));
  const out = arg('--out', join(process.cwd(), 'data', 'offline'));
  const t0 = Date.now();
  const train = await loadDir(dir, TRAIN_FILES);
  const synth = synthExamples();
  const full = fitHeads(
    dataExamples(train, (it) => mayFit(it.file, it.id)),
    synth,
    fitMeta('all folds'),
  );
  if (!argv.includes('--no-write')) {
    mkdirSync(out, { recursive: true });
    for (const h of HEADS) {
      const file = join(out, `${h}.json`);
      writeFileSync(file, `${JSON.stringify(serialiseLinearModel(full[h]))}\n`);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
  process.stdout.write(`fitted in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  if (!argv.includes('--cv')) return;
  const items = await loadDir(dir);
  const fitted = items.map((it) => offlineFacets(it.conversation, { models: full }));
  const cv = fitted.slice();
  for (let k = 0; k < FOLDS; k++) {
    const models = fitHeads(
      dataExamples(train, (it) => mayFit(it.file, it.id) && it.fold !== k),
      synth,
      fitMeta(`without fold ${k}`),
    );
    items.forEach((it, i) => {
      if (it.fold === k && mayFit(it.file, it.id)) cv[i] = offlineFacets(it.conversation, { models });
    });
  }
  const a = headlineMetrics(items, fitted);
  const b = headlineMetrics(items, cv);
  const rows: [string, keyof Metrics][] = [
    ['affective F1', 'affectiveF1'],
    ['category macro-F1', 'categoryMacroF1'],
    ['content-creation F1', 'contentF1'],
    ['pushback F1', 'pushbackF1'],
    ['SST-5 accuracy', 'sst5Accuracy'],
  ];
  process.stdout.write(`\n${'metric'.padEnd(24)}${'fitted-all'.padStart(12)}${'5-fold CV'.padStart(12)}\n`);
  for (const [name, key] of rows) {
    const f = (v?: number) => (v === undefined ? 'n/a' : fmt(v)).padStart(12);
    process.stdout.write(`${name.padEnd(24)}${f(a[key])}${f(b[key])}\n`);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
