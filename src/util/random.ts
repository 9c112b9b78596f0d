/**
 * Seeded randomness for everything that samples (k-means++, bootstrap, synthetic corpus, --sample).
 * mulberry32: tiny, fast, good enough for resampling; identical across platforms.
 */
export type Rng = () => number;

export function createRng(seed: number): Rng {
  let a = hashSeed(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives an independent stream for a named sub-task, so adding a stage never shifts another's draws. */
export function deriveSeed(seed: number, label: string): number {
  let h = hashSeed(seed) ^ 0x9e3779b9;
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Integer in [0, n). */
export function randInt(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[randInt(rng, items.length)];
}

function hashSeed(seed: number): number {
  let x = Math.floor(seed) ^ 0x5bd1e995;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A uniform number in [0, 1) fixed by (seed, i): the i-th item's place in a seeded random order. */
export function uniformHash(seed: number, i: number): number {
  let h = Math.imul(hashSeed(seed) ^ Math.imul(i >>> 0, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul((h ^ (i / 4294967296)) | 0, 0x27d4eb2f);
  h ^= h >>> 15;
  return (h >>> 0) / 4294967296;
}
