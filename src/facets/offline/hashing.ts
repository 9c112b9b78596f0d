/**
 * Hashed text features for the offline engine's small linear models: word unigrams and bigrams plus
 * character bigrams of non-Latin runs (Chinese, Japanese, Cyrillic...), each hashed to a bucket.
 * Only bucket numbers are ever stored, so no vocabulary (and no text) ends up in the weights files.
 */
import { tokenise } from './text.js';

/** FNV-1a over the UTF-16 code units of `s`, seeded by `seed` so namespaces do not collide. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

const NON_LATIN_RUN =
  /[\u0370-\u03ff\u0400-\u04ff\u0600-\u06ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+/g;

export interface FeatureOptions {
  /** Number of buckets; a power of two. */
  dim: number;
  /** Characters read from the text; longer texts are cut (speed, and openings carry the signal). */
  maxChars: number;
  /** Namespace mixed into every hash, so one text can feed several slots of one vector. */
  namespace?: string;
}

/** Hashes of the few constant strings hashed on every call (namespaces, cue names). */
const constantHashes = new Map<string, number>();
const cueHashes = new Map<string, number>();

function constantHash(s: string): number {
  let h = constantHashes.get(s);
  if (h === undefined) {
    h = fnv1a(s);
    constantHashes.set(s, h);
  }
  return h;
}

/**
 * Bucket indices of one normalised text (repeats kept: a bucket's count is its multiplicity).
 * Pushed onto `out` so callers can concatenate several texts into one vector. `tokens` may carry
 * `tokenise(normalised)` when the caller has it already (used when the text is not cut).
 */
export function hashedFeatures(
  normalised: string,
  options: FeatureOptions,
  out: number[] = [],
  tokens?: readonly string[],
): number[] {
  const cut = normalised.length > options.maxChars;
  const text = cut ? normalised.slice(0, options.maxChars) : normalised;
  const mask = options.dim - 1;
  const seed = constantHash(options.namespace ?? '');
  const toks = tokens !== undefined && !cut ? tokens : tokenise(text);
  // Bigrams mix the two unigram hashes instead of hashing a joined string (no allocation).
  let prev = 0x2545f491;
  for (const t of toks) {
    const h = fnv1a(t, seed);
    out.push(h & mask);
    out.push(((Math.imul(prev ^ 0x5bd1e995, 0x01000193) ^ h) >>> 0) & mask);
    prev = h;
  }
  NON_LATIN_RUN.lastIndex = 0;
  for (let m = NON_LATIN_RUN.exec(text); m !== null; m = NON_LATIN_RUN.exec(text)) {
    const run = m[0];
    for (let i = 0; i < run.length; i++) out.push(fnv1a(run.slice(i, i + 2), seed ^ 0x9e3779b9) & mask);
  }
  return out;
}

/** A named binary cue (a rule that fired), as one more bucket. */
export function cueFeature(name: string, dim: number): number {
  let h = cueHashes.get(name);
  if (h === undefined) {
    h = fnv1a(`#cue:${name}`);
    cueHashes.set(name, h);
  }
  return h & (dim - 1);
}
