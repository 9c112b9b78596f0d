/**
 * The offline embedder: deterministic, no download, no corpus statistics.
 *
 * Each text becomes a bag of stemmed content words and content-word bigrams, weighted 1 + ln(tf)
 * (bigrams at half weight), hashed, and projected to `dim` dimensions by a seeded sparse random
 * projection (Achlioptas / Li: each feature adds ±1 at a few hashed coordinates), then L2-normalised.
 * Inner products of the results approximate the cosine of the sparse bag-of-words vectors, which
 * is what topic clustering of short concern summaries needs. There is no IDF: a per-call IDF would
 * make a text's vector depend on its batch and break the cache; instead the cluster stage centres
 * the vectors of a group, which removes the direction every concern shares.
 */

import { contentWords } from '../text/words.js';
import type { Embedder } from './embedder.js';

export interface OfflineEmbedderOptions {
  dim?: number;
  seed?: number;
  /** Non-zero coordinates per feature (default 4). */
  nonZeros?: number;
}

export function createOfflineEmbedder(options: OfflineEmbedderOptions = {}): Embedder {
  const dim = options.dim ?? 256;
  const seed = options.seed ?? 0;
  const s = options.nonZeros ?? 4;
  if (!Number.isInteger(dim) || dim < 8)
    throw new Error(`offline embedder: dim must be an integer ≥ 8 (got ${dim})`);
  const scale = 1 / Math.sqrt(s);
  const embedOne = (text: string): Float32Array => {
    const words = contentWords(text);
    const tf = new Map<string, number>();
    for (let i = 0; i < words.length; i++) {
      tf.set(words[i], (tf.get(words[i]) ?? 0) + 1);
      if (i + 1 < words.length) {
        const bg = `${words[i]} ${words[i + 1]}`;
        tf.set(bg, (tf.get(bg) ?? 0) + 1);
      }
    }
    const acc = new Float64Array(dim);
    for (const [feature, count] of tf) {
      const weight = (1 + Math.log(count)) * (feature.includes(' ') ? 0.5 : 1) * scale;
      let h = fnv1a(feature, seed);
      for (let j = 0; j < s; j++) {
        h = xorshift32(h);
        const coord = h % dim;
        h = xorshift32(h);
        acc[coord] += h & 1 ? weight : -weight;
      }
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += acc[d] * acc[d];
    const out = new Float32Array(dim);
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm);
      for (let d = 0; d < dim; d++) out[d] = acc[d] * inv;
    }
    return out;
  };
  return {
    id: `offline-hash-v1:dim=${dim}:nz=${s}:seed=${seed}`,
    dim,
    embed: async (texts) => texts.map(embedOne),
  };
}

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed | 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h === 0 ? 0x9e3779b9 : h;
}

function xorshift32(x: number): number {
  let y = x >>> 0;
  y ^= y << 13;
  y >>>= 0;
  y ^= y >>> 17;
  y ^= y << 5;
  return y >>> 0;
}
