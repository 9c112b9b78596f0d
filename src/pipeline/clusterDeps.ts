/**
 * Which embedder, namer and auditor the topic stage uses for a run: offline by default; with an
 * engine that has a model client, that client names clusters and audits the names (the deterministic
 * gates run either way); with an embeddings endpoint, vectors come from it and are cached in the run
 * store. With a run store, every name and audit rating the model was paid for is stored under its
 * own key as it comes back, so a rerun (or a run resumed after a kill) asks none of them again.
 */

import { createHash } from 'node:crypto';
import type { ClusterDeps } from '../cluster/clusterTopics.js';
import { withEmbeddingCache } from '../cluster/embedder.js';
import { clusterNamePrompt, createLlmNamer } from '../cluster/llmNamer.js';
import type { ClusterName, ClusterNamer } from '../cluster/namer.js';
import { createOfflineClusterDeps } from '../cluster/offlineDeps.js';
import { createOpenAiEmbedder } from '../cluster/openaiEmbedder.js';
import type { FacetEngine } from '../facets/engine.js';
import { defaultRetryDeps, retryingClient } from '../llm/retry.js';
import { type AuditRating, createLlmAuditor, type PrivacyAuditor } from '../privacy/audit.js';
import { loadPrompt, promptSetIdentity } from '../prompts/load.js';
import { PROMPT_FILES } from '../prompts/registry.js';
import { EmbeddingCache } from '../store/embeddingCache.js';
import type { StorePaths } from '../store/paths.js';
import { RunStore } from '../store/runStore.js';

export interface ClusterDepsOptions {
  seed: number;
  /** An OpenAI-compatible /v1/embeddings endpoint; offline hashing embeddings when absent. */
  embeddings?: { baseUrl: string; model: string };
  /** The run store (the embedding cache goes there); no cache when absent. */
  store?: StorePaths;
  /** Where paid cluster names and audit ratings are kept (see openNameStore); none when absent. */
  names?: RunStore<StoredName>;
  /** The report's language: what the LLM namer writes names in (default English). */
  reportLang?: string;
}

/** What the name store keeps under a key: a proposed name, or an audit rating. */
export type StoredName = ClusterName | { rating: AuditRating };

/** Opens the store of paid names and ratings, checking every stored value on open. */
export function openNameStore(file: string): RunStore<StoredName> {
  return RunStore.open<StoredName>(file, { parse: parseStoredName });
}

function parseStoredName(v: unknown): StoredName | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.name === 'string' && typeof o.description === 'string')
    return { name: o.name, description: o.description };
  if (typeof o.rating === 'number' && Number.isInteger(o.rating) && o.rating >= 1 && o.rating <= 5)
    return { rating: o.rating as AuditRating };
  return undefined;
}

export function clusterDepsFor(
  engine: Pick<FacetEngine, 'llm'> & Partial<Pick<FacetEngine, 'parameters'>>,
  options: ClusterDepsOptions,
): ClusterDeps {
  const deps = createOfflineClusterDeps(options.seed);
  if (engine.llm) {
    const retrying = retryingClient(engine.llm, undefined, defaultRetryDeps(options.seed));
    deps.namer = createLlmNamer(retrying, { language: options.reportLang });
    deps.auditor = createLlmAuditor(retrying);
    if (options.names) {
      // The prompts' texts and the engine's answer-changing settings are part of every key: an
      // edited prompt or another temperature asks again.
      const salt = JSON.stringify([
        promptSetIdentity([clusterNamePrompt(options.reportLang)]).hash,
        promptSetIdentity([loadPrompt(PROMPT_FILES['privacy-audit'])]).hash,
        engine.parameters ?? {},
      ]);
      deps.namer = withStoredNames(deps.namer, options.names, salt);
      deps.auditor = withStoredRatings(deps.auditor, options.names, salt);
    }
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

function keyOf(kind: 'name' | 'audit', parts: unknown[]): string {
  return `${kind}:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}

/** A namer that asks `namer` only for clusters (exactly this input) it has not named before. */
export function withStoredNames(namer: ClusterNamer, store: RunStore<StoredName>, salt = ''): ClusterNamer {
  return {
    id: namer.id,
    async name(input) {
      const key = keyOf('name', [namer.id, salt, input]);
      const hit = store.get(key);
      if (hit && 'name' in hit) return hit;
      const named = await namer.name(input);
      // No usable name is not stored: a later run asks again.
      if (named) store.putNow(key, { name: named.name, description: named.description });
      return named;
    },
  };
}

/**
 * An auditor that asks `auditor` only for texts it has not rated before. Keyed by the text and its
 * kind only: that is all an LLM auditor sends (it never sees the members' concerns).
 */
export function withStoredRatings(
  auditor: PrivacyAuditor,
  store: RunStore<StoredName>,
  salt = '',
): PrivacyAuditor {
  return {
    id: auditor.id,
    description: auditor.description,
    async rate(text, ctx) {
      const key = keyOf('audit', [auditor.id, salt, ctx.kind, text]);
      const hit = store.get(key);
      if (hit && 'rating' in hit) return hit.rating;
      const rating = await auditor.rate(text, ctx);
      store.putNow(key, { rating });
      return rating;
    },
  };
}
