/**
 * The one interface every text embedder implements (offline hashing, any OpenAI-compatible
 * `/v1/embeddings` server), and the cache wrapper that sits in front of any of them.
 */
import { EmbeddingCache } from '../store/embeddingCache.js';

export interface Embedder {
  /** Model identity; part of the cache key, so two models never share a cached vector. */
  readonly id: string;
  /** Vector length (for a remote model, known after the first call; 0 before). */
  readonly dim: number;
  /** One vector per text, in order. */
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** Serves vectors from `cache` and embeds only the texts it has not seen (each distinct text once). */
export function withEmbeddingCache(embedder: Embedder, cache: EmbeddingCache): Embedder {
  return {
    get id() {
      return embedder.id;
    },
    get dim() {
      return embedder.dim;
    },
    async embed(texts: string[]): Promise<Float32Array[]> {
      const keys = texts.map((t) => EmbeddingCache.key(embedder.id, t));
      const missing = new Map<string, string>();
      keys.forEach((k, i) => {
        if (!cache.get(k) && !missing.has(k)) missing.set(k, texts[i]);
      });
      if (missing.size > 0) {
        const vecs = await embedder.embed([...missing.values()]);
        let i = 0;
        for (const k of missing.keys()) cache.put(k, vecs[i++]);
        cache.flush();
      }
      return keys.map((k) => cache.get(k)!);
    },
  };
}
