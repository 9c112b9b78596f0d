/**
 * Which embedder, namer and auditor the topic stage uses for a run: offline by default; with an
 * LLM engine its client names clusters and audits the names (the deterministic gates run either
 * way); with an embeddings endpoint, vectors come from it and are cached in the run store.
 */
import { join } from 'node:path';
import { withEmbeddingCache } from '../cluster/embedder.js';
import { createLlmNamer } from '../cluster/llmNamer.js';
import { createOfflineClusterDeps } from '../cluster/offlineDeps.js';
import { createOpenAiEmbedder } from '../cluster/openaiEmbedder.js';
import type { ClusterDeps } from '../cluster/topics.js';
import type { FacetEngine } from '../facets/engine.js';
import type { LlmClient } from '../facets/llm/client.js';
import { defaultRetryDeps, retryingClient } from '../facets/llm/retry.js';
import { createLlmAuditor } from '../privacy/audit.js';
import { EmbeddingCache } from '../store/embeddingCache.js';

export interface ClusterDepsOptions {
  seed: number;
  /** An OpenAI-compatible /v1/embeddings endpoint; offline hashing embeddings when absent. */
  embeddings?: { baseUrl: string; model: string };
  /** Run store folder (embedding cache goes here); no cache when absent. */
  storeDir?: string;
}

export function clusterDepsFor(engine: FacetEngine, options: ClusterDepsOptions): ClusterDeps {
  const deps = createOfflineClusterDeps(options.seed);
  const client = (engine as { client?: LlmClient }).client;
  if (client) {
    const retrying = retryingClient(client, undefined, defaultRetryDeps(options.seed));
    deps.namer = createLlmNamer(retrying);
    deps.auditor = createLlmAuditor(retrying);
  }
  if (options.embeddings) {
    const remote = createOpenAiEmbedder({
      baseUrl: options.embeddings.baseUrl,
      model: options.embeddings.model,
    });
    deps.embedder = options.storeDir
      ? withEmbeddingCache(remote, EmbeddingCache.open(join(options.storeDir, 'embeddings.bin')))
      : remote;
  }
  return deps;
}
