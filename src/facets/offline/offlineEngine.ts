/**
 * The offline engine: lexicons and rules shipped in the repository, no network, no model
 * download, deterministic. Its accuracy is measured by `npm run eval dev-data`.
 */
import type { Conversation } from '../../conversation/model.js';
import type { FacetEngine, FacetResult } from '../engine.js';
import { errorFacets } from '../schema.js';
import { offlineFacets } from './facets.js';
import { shippedModels } from './models.js';
import { offlineEvidence } from './offlineEvidence.js';
import { offlineRulesVersion } from './rulesVersion.js';
import { shippedAccuracy } from './shippedAccuracy.js';

/**
 * Loads the shipped weights up front, so a missing or corrupt file stops the run with one line
 * naming it instead of turning every conversation into an error.
 */
export function createOfflineEngine(): FacetEngine {
  shippedModels();
  // Part of the result cache key: derived from the rules and weights themselves (rulesVersion.ts).
  const version = offlineRulesVersion();
  return {
    name: 'offline',
    model: `offline-${version}`,
    promptVersion: version,
    parameters: {},
    // A batch waits on the main thread until it is full, and a few thousand parsed conversations
    // alive at once make every young-generation GC copy them: small batches.
    batchSize: 256,
    // Recomputing is faster than reading a stored answer back.
    storesResults: false,
    costOf: () => 0,
    accuracy: () => shippedAccuracy(version),
    evidence: (conversation, facets) => offlineEvidence(version, conversation, facets),
    async extractFacets(conversations: readonly Conversation[]): Promise<FacetResult[]> {
      return conversations.map(offlineResult);
    },
  };
}

/** One conversation's result; a rule that throws fails that conversation, not the run. */
export function offlineResult(conv: Pick<Conversation, 'messages'>): FacetResult {
  try {
    return { facets: offlineFacets(conv as Conversation), usage: { inputTokens: 0, outputTokens: 0 } };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const n = conv.messages.filter((m) => m.role === 'user').length;
    return {
      facets: errorFacets(n, `offline engine: ${reason}`),
      usage: { inputTokens: 0, outputTokens: 0 },
    };
  }
}
