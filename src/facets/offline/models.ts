/**
 * The offline engine's fitted heads and the features each one reads. The weights ship in
 * data/offline/<head>.json (numbers only, see data/ATTRIBUTION.md) and are fitted by
 * src/facets/offline/train.ts. The feature functions live here, next to the loader, so training
 * and scoring cannot drift apart.
 */
import { fileURLToPath } from 'node:url';
import { cueFeature, hashedFeatures } from './hashing.js';
import { type LinearModel, linearLogits, loadLinearModel, sigmoid } from './linear.js';

/**
 * A category head (advice vs counselling vs coaching) was tried and dropped: fitted on CounselChat and
 * the coaching dialogues it lowered the 5-fold estimate of category macro-F1 (0.52 vs 0.535 for rules).
 */
/*
 * A 3-class sentiment head fitted on GoEmotions was dropped too: blended with the lexicon it moved
 * SST-5 accuracy only 0.314 -> 0.328 (cuts tuned on SST-5 itself) while reference-labelled chat
 * sentiment fell 0.596 -> 0.509.
 */
export const HEADS = ['content', 'pushback'] as const;
export type Head = (typeof HEADS)[number];

export type OfflineModels = Record<Head, LinearModel>;

/** Buckets per head: 2^18 keeps collisions rare for a few thousand training texts. */
export const DIM = 1 << 18;

export function modelDir(): string {
  return fileURLToPath(new URL('../../../data/offline/', import.meta.url));
}

export function modelPath(head: Head, dir = modelDir()): string {
  return `${dir.replace(/\/$/, '')}/${head}.json`;
}

let shipped: OfflineModels | undefined;

/** Loads every head from `dir`; a missing or corrupt file throws naming that file. */
export function loadOfflineModels(dir = modelDir()): OfflineModels {
  const out = {} as OfflineModels;
  for (const h of HEADS) {
    const m = loadLinearModel(modelPath(h, dir));
    if (m.head !== h)
      throw new Error(`offline model ${modelPath(h, dir)}: field "head" is "${m.head}", expected "${h}"`);
    out[h] = m;
  }
  return out;
}

/** The shipped heads, loaded once per process. */
export function shippedModels(): OfflineModels {
  shipped ??= loadOfflineModels();
  return shipped;
}

/**
 * First user request (content creation is decided on the opening request). `tokens`, here and below,
 * may carry `tokenise` of the text when the caller has it already.
 */
export function contentFeatures(firstUser: string, ruleHit: boolean, tokens?: readonly string[]): number[] {
  const f = hashedFeatures(firstUser, { dim: DIM, maxChars: 600, namespace: 'c' }, [], tokens);
  if (ruleHit) f.push(cueFeature('content-rule', DIM), cueFeature('content-rule', DIM));
  return f;
}

/** One assistant reply (its opening) with the user turn it answers and the rule cues that fired. */
export function pushbackFeatures(
  reply: string,
  user: string,
  cues: readonly string[],
  userTokens?: readonly string[],
): number[] {
  const f = hashedFeatures(reply, { dim: DIM, maxChars: 500, namespace: 'a' });
  hashedFeatures(user, { dim: DIM, maxChars: 200, namespace: 'u' }, f, userTokens);
  for (const c of cues) f.push(cueFeature(c, DIM), cueFeature(c, DIM));
  return f;
}

export function binaryProbability(model: LinearModel, features: readonly number[]): number {
  return sigmoid(linearLogits(model, features)[0]);
}
