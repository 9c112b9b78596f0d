/**
 * Which embedder, namer and auditor the topic stage uses for a run: offline by default; with an
 * engine that has a model client, that client names clusters and audits the names (the deterministic
 * gates run either way); with an embeddings endpoint, vectors come from it and are cached in the run
 * store.
 */

import type { ClusterDeps } from '../cluster/clusterTopics.js';
import { withEmbeddingCache } from '../cluster/embedder.js';
import { createLlmNamer } from '../cluster/llmNamer.js';
import { createOfflineClusterDeps } from '../cluster/offlineDeps.js';
import { createOpenAiEmbedder } from '../cluster/openaiEmbedder.js';
import type { FacetEngine } from '../facets/engine.js';
import { defaultRetryDeps, retryingClient } from '../llm/retry.js';
import { createLlmAuditor } from '../privacy/audit.js';
import { EmbeddingCache } from '../store/embeddingCache.js';
import type { StorePaths } from '../store/paths.js';

export interface ClusterDepsOptions {
  seed: number;
  /** An OpenAI-compatible /v1/embeddings endpoint; offline hashing embeddings when absent. */
  embeddings?: { baseUrl: string; model: string };
  /** The run store (the embedding cache goes there); no cache when absent. */
  store?: StorePaths;
}

export function clusterDepsFor(engine: Pick<FacetEngine, 'llm'>, options: ClusterDepsOptions): ClusterDeps {
  const deps = createOfflineClusterDeps(options.seed);
  if (engine.llm) {
    const retrying = retryingClient(engine.llm, undefined, defaultRetryDeps(options.seed));
    deps.namer = createLlmNamer(retrying);
    deps.auditor = createLlmAuditor(retrying);
  }
  if (options.embeddings) {
    const remote = createOpenAiEmbedder({
      baseUrl: options.embeddings.baseUrl,
      model: options.embeddings.model,
    });
    deps.embedder = options.store
      ? withEmbeddingCache(remote, EmbeddingCache.open(options.store.embeddings))
      : remote;
  }
  return deps;
}
