/**
 * Fitting the offline engine's heads (content creation, pushback) from labelled conversations: which
 * files may be fitted on, the examples each head reads, and the fit itself. Shared by the training
 * tool (tools/train.ts, which writes data/offline/<head>.json) and the leave-one-source-out
 * evaluation (src/eval/), so both fit exactly the same way. Reads no files and no synthetic corpus:
 * callers pass the items and any extra examples in.
 */
import type { Conversation } from '../../conversation/model.js';
import { contentRuleHit } from './facets.js';
import { type Example, fitLinear } from './fit.js';
import { contentFeatures, DIM, type Head, type OfflineModels, pushbackFeatures } from './models.js';
import { pushbackCues } from './pushbackDecision.js';
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

export const FIT_SEED = 20250101;

/** Whether one labelled record may be fitted on: the licence of its file (and source) permits it. */
export function mayFit(file: string, _id: string): boolean {
  return (TRAIN_FILES as readonly string[]).includes(file);
}

/**
 * The fittable records in the order a fit reads them (the order of TRAIN_FILES, then the file's
 * own): the fit is seeded but order-dependent, so the training tool and the evaluation agree.
 */
export function fitOrder<T extends FitItem>(items: readonly T[]): T[] {
  const rank = (f: string) => (TRAIN_FILES as readonly string[]).indexOf(f);
  return items
    .filter((it) => mayFit(it.file, it.id))
    .map((it, i) => ({ it, i }))
    .sort((a, b) => rank(a.it.file) - rank(b.it.file) || a.i - b.i)
    .map((x) => x.it);
}

/** A labelled conversation, its id and the file it came from. */
export interface FitItem {
  file: string;
  id: string;
  conversation: Conversation;
  labels: Record<string, unknown>;
}

export type Examples = Record<Head, Example[]>;

export function emptyExamples(): Examples {
  return { content: [], pushback: [] };
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

/** Examples from labelled items; `keep` decides which items may be fitted on (licence, fold). */
export function dataExamples<T extends FitItem>(items: readonly T[], keep: (it: T) => boolean): Examples {
  const ex = emptyExamples();
  for (const it of items) {
    if (!keep(it)) continue;
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

/** Both heads fitted on `data` plus `extra` (the synthetic examples); `meta` is kept with the weights. */
export function fitHeads(data: Examples, extra: Examples, meta: Record<string, unknown>): OfflineModels {
  const all = (h: Head) => [...data[h], ...extra[h]];
  const options = (head: Head) => ({
    head,
    dim: DIM,
    classes: ['true'],
    seed: FIT_SEED,
    balance: true,
    l2: 1e-4,
    meta,
  });
  return {
    content: fitLinear(all('content'), options('content')),
    pushback: fitLinear(all('pushback'), options('pushback')),
  };
}
