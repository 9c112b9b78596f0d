/**
 * Fits the offline engine's heads and writes data/offline/<head>.json (numbers only).
 *
 *   npx tsc -p . && node dist/facets/offline/train.js [--data ../shared/data/dev] [--out data/offline] [--cv]
 *
 * Trains only on sources whose licence allows it (see TRAIN_FILES and data/ATTRIBUTION.md) plus the
 * project's own synthetic corpus (src/synth, seed 101, never the seeds the synthetic eval uses).
 * `--cv` adds an honest estimate: a seeded 5-fold split of every training file, each fold scored
 * by heads fitted on the other four, then the same dev metrics as `npm run eval dev-data`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Conversation } from '../../conversation/model.js';
import { readConversations } from '../../conversation/read.js';
import { generateConversations } from '../../synth/generate.js';
import { PUSHBACK_SCENES } from '../../synth/pushbackScenes.js';
import type { Facets } from '../schema.js';
import { fmt, type LabelledItem, validateFacets } from '../validate.js';
import { contentRuleHit, offlineFacets } from './facets.js';
import { type Example, fitLinear } from './fit.js';
import { fnv1a } from './hashing.js';
import { serialiseLinearModel } from './linear.js';
import { contentFeatures, DIM, HEADS, type OfflineModels, pushbackFeatures } from './models.js';
import { pushbackCues } from './pushback.js';
import { normalise } from './text.js';

/** Dev files whose licence permits fitting (MIT, CC BY 4.0, Apache-2.0). XSTest is left out: only its prompts are CC BY 4.0. */
export const TRAIN_FILES = [
  'counsel_chat.jsonl', // MIT
  'chatgpt_refusals.jsonl', // MIT
  'humaneval.jsonl', // MIT
  'mtbench_vicuna.jsonl', // Apache-2.0
  'self_instruct.jsonl', // Apache-2.0
  'arena_hard.jsonl', // Apache-2.0 (prompts only are read for fitting)
] as const;

const SEED = 20250101;
const FOLDS = 5;
const SYNTH = { n: 4000, seed: 101, affectiveShare: 0.35, contentCreationShare: 0.2, chineseShare: 0.05 };

interface Item extends LabelledItem {
  file: string;
  id: string;
  fold: number;
}

export async function loadDir(dir: string, files?: readonly string[]): Promise<Item[]> {
  const { readdirSync } = await import('node:fs');
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
        fold: fnv1a(`${SEED}:${it.conversation.id}`) % FOLDS,
        conversation: it.conversation,
        labels: typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : {},
      });
    }
  }
  return out;
}

const userTexts = (c: Conversation) =>
  c.messages.filter((m) => m.role === 'user').map((m) => normalise(m.content));

/** First assistant reply and the user turn before it. */
function firstExchange(c: Conversation): { user: string; reply: string } | undefined {
  let user = '';
  for (const m of c.messages) {
    if (m.role === 'user') user = normalise(m.content);
    else if (m.role === 'assistant' && m.content.trim().length > 0)
      return { user, reply: normalise(m.content) };
  }
  return undefined;
}

type Examples = Record<(typeof HEADS)[number], Example[]>;

function emptyExamples(): Examples {
  return { content: [], pushback: [] };
}

/** Examples from the licensed dev files; `skipFold` leaves one fold out. */
export function dataExamples(items: readonly Item[], skipFold?: number): Examples {
  const ex = emptyExamples();
  for (const it of items) {
    if (it.fold === skipFold || !(TRAIN_FILES as readonly string[]).includes(it.file)) continue;
    const l = it.labels;
    const users = userTexts(it.conversation);
    if (typeof l.content_creation === 'boolean' && users.length > 0)
      ex.content.push({
        features: contentFeatures(users[0], contentRuleHit(users)),
        label: l.content_creation ? 1 : 0,
      });
    if (typeof l.pushback === 'boolean') {
      const x = firstExchange(it.conversation);
      if (x)
        ex.pushback.push({
          features: pushbackFeatures(x.reply, x.user, pushbackCues(x.reply, x.user)),
          label: l.pushback ? 1 : 0,
        });
    }
  }
  return ex;
}

/** Examples from the project's own synthetic generator (authored templates). */
export function synthExamples(): Examples {
  const ex = emptyExamples();
  const sceneReplies = new Set<string>();
  for (const s of Object.values(PUSHBACK_SCENES)) for (const a of s.assistant) sceneReplies.add(normalise(a));
  for (const r of generateConversations(SYNTH)) {
    const c = r.conversation;
    const users = userTexts(c);
    if (users.length === 0) continue;
    ex.content.push({
      features: contentFeatures(users[0], contentRuleHit(users)),
      label: r.truth.contentCreation ? 1 : 0,
      weight: 0.5,
    });
    let user = '';
    let replies = 0;
    for (const m of c.messages) {
      if (m.role === 'user') user = normalise(m.content);
      else if (replies++ < 3) {
        const reply = normalise(m.content);
        ex.pushback.push({
          features: pushbackFeatures(reply, user, pushbackCues(reply, user)),
          label: sceneReplies.has(reply) ? 1 : 0,
          weight: 0.3,
        });
      }
    }
  }
  return ex;
}

export function fitHeads(data: Examples, synth: Examples, tag: string): OfflineModels {
  const all = (h: keyof Examples) => [...data[h], ...synth[h]];
  const sources = { licensed: [...TRAIN_FILES], synthetic: SYNTH, fit: tag };
  return {
    content: fitLinear(all('content'), {
      head: 'content',
      dim: DIM,
      classes: ['true'],
      seed: SEED,
      balance: true,
      l2: 1e-4,
      meta: sources,
    }),
    pushback: fitLinear(all('pushback'), {
      head: 'pushback',
      dim: DIM,
      classes: ['true'],
      seed: SEED,
      balance: true,
      l2: 1e-4,
      meta: sources,
    }),
  };
}

export interface Metrics {
  affectiveF1?: number;
  categoryMacroF1?: number;
  contentF1?: number;
  pushbackF1?: number;
  sst5Accuracy?: number;
}

export function headlineMetrics(items: readonly Item[], results: readonly Facets[]): Metrics {
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

export async function main(argv: string[]): Promise<void> {
  const arg = (name: string, dflt: string) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] ? argv[i + 1] : dflt;
  };
  const dir = arg('--data', join(process.cwd(), '..', 'shared', 'data', 'dev'));
  const out = arg('--out', join(process.cwd(), 'data', 'offline'));
  const t0 = Date.now();
  const train = await loadDir(dir, TRAIN_FILES);
  const synth = synthExamples();
  const full = fitHeads(dataExamples(train), synth, 'all folds');
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
    const models = fitHeads(dataExamples(train, k), synth, `without fold ${k}`);
    items.forEach((it, i) => {
      if (it.fold === k && (TRAIN_FILES as readonly string[]).includes(it.file))
        cv[i] = offlineFacets(it.conversation, { models });
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
