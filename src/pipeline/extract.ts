/**
 * Conversations → facets, through the run store: stored results are reused (never paid twice),
 * the rest go to the engine in one batch, and what comes back ok is stored before returning.
 */
import type { Conversation } from '../conversation/model.js';
import type { FacetEngine, FacetResult } from '../facets/engine.js';
import { resultKey } from '../store/key.js';
import type { RunStore } from '../store/runStore.js';

export interface ExtractOutcome {
  results: FacetResult[];
  /** How many came from the store (paid for, or computed, by an earlier run). */
  reused: number;
  /** How many repeated the content of another conversation in the same batch (answered once). */
  duplicates: number;
  /** How many the engine answered now. */
  computed: number;
}

export async function extractFacetsWithStore(
  conversations: readonly Conversation[],
  engine: FacetEngine,
  /** null: no store (the offline engine recomputes faster than it could read results back). */
  store: RunStore | null,
): Promise<ExtractOutcome> {
  if (store === null) {
    // Not awaited here, so this frame does not hold the conversations until the answers come back.
    const computed = conversations.length;
    return engine
      .extractFacets(conversations)
      .then((results) => ({ results, reused: 0, duplicates: 0, computed }));
  }
  const parts = {
    engine: engine.name,
    model: engine.model,
    promptVersion: engine.promptVersion,
    parameters: engine.parameters,
  };
  const keys = conversations.map((c) => resultKey(c, parts));
  const results: (FacetResult | undefined)[] = new Array(conversations.length);
  const todo: number[] = [];
  // Identical content within one batch is asked once.
  const firstIndexOfKey = new Map<string, number>();
  let reused = 0;
  keys.forEach((k, i) => {
    const hit = store.get(k);
    if (hit) {
      results[i] = { facets: hit.facets, usage: { inputTokens: 0, outputTokens: 0 } };
      reused++;
    } else if (!firstIndexOfKey.has(k)) {
      firstIndexOfKey.set(k, i);
      todo.push(i);
    }
  });
  const duplicates = conversations.length - todo.length - reused;
  if (todo.length > 0) {
    const answered = await engine.extractFacets(todo.map((i) => conversations[i]));
    todo.forEach((i, j) => {
      const r = answered[j];
      results[i] = r;
      store.put(keys[i], {
        facets: r.facets,
        usage: r.usage,
        engine: engine.name,
        model: engine.model,
        promptVersion: engine.promptVersion,
      });
    });
    store.flush();
  }
  keys.forEach((k, i) => {
    if (!results[i]) {
      const first = results[firstIndexOfKey.get(k)!]!;
      results[i] = { facets: first.facets, usage: { inputTokens: 0, outputTokens: 0 } };
    }
  });
  return { results: results as FacetResult[], reused, duplicates, computed: todo.length };
}
