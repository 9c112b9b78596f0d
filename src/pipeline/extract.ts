/**
 * Conversations → facets, through the run store: batches go to the engine while reading continues
 * (a bounded number in flight, results taken back in input order); stored results are reused (never
 * paid twice), and what comes back ok is stored before the next batch is taken.
 */
import type { Conversation } from '../conversation/model.js';
import type { FacetEngine, FacetResult } from '../facets/engine.js';
import { resultKey } from '../facets/resultKey.js';
import { FacetsSchema } from '../facets/schema.js';
import type { Usage } from '../llm/usage.js';
import { zeroUsage } from '../llm/usage.js';
import { RunStore } from '../store/runStore.js';
import type { ConversationExtras } from './conversationExtras.js';

export interface ExtractOutcome {
  results: FacetResult[];
  /** How many came from the store (paid for, or computed, by an earlier run). */
  reused: number;
  /** How many repeated the content of another conversation in the same batch (answered once). */
  duplicates: number;
  /** How many the engine answered now. */
  computed: number;
}

/** What the run store keeps of one answer. */
export interface StoredResult {
  facets: FacetResult['facets'];
  usage: Usage;
  engine: string;
  model: string;
  promptVersion: string;
}

/** Opens the run store's results, checking every stored answer against the facet schema. */
export function openResultStore(
  file: string,
  options: { retainWritten?: boolean } = {},
): RunStore<StoredResult> {
  return RunStore.open<StoredResult>(file, { ...options, parse: parseStoredResult });
}

function parseStoredResult(value: unknown): StoredResult | undefined {
  const v = value as Partial<StoredResult> | null;
  if (typeof v !== 'object' || v === null || !FacetsSchema.safeParse(v.facets).success) return undefined;
  if (v.facets?.status.kind === 'error') return undefined;
  return v as StoredResult;
}

export interface ExtractOptions {
  /** Conversations per engine call (default: the engine's own batch size). */
  batchSize?: number;
  /** Batches handed to the engine before waiting for the oldest (default 2). */
  batchesInFlight?: number;
  /** Hand each conversation back with its result (for the decisions export's evidence). */
  keepConversations?: boolean;
  /** What the analyses need besides the facets, taken from each conversation before it is let go. */
  extrasOf?: (conversation: Conversation) => ConversationExtras;
}

/**
 * Who a result belongs to: the conversation itself is not kept while its batch is in flight, unless
 * `keepConversations` asks for it.
 */
export type ConversationRef = Pick<Conversation, 'id' | 'userId'> & {
  conversation?: Conversation;
  /** The caller's tag for the conversation (a cascade: its position in the input). */
  tag?: number;
  /** What `extrasOf` took from the conversation. */
  extras?: ConversationExtras;
};

/**
 * Extracts facets for every conversation of `conversations`, calling `onResults` once per batch in
 * input order. Returns how many results came from the store.
 */
export async function extractAll(
  conversations: AsyncIterable<Conversation>,
  engine: FacetEngine,
  store: RunStore<StoredResult> | null,
  options: ExtractOptions,
  onResults: (refs: readonly ConversationRef[], results: readonly FacetResult[]) => void,
  tagOf?: (conversation: Conversation) => number,
): Promise<{ reused: number }> {
  const batchSize = options.batchSize ?? engine.batchSize;
  const maxInFlight = Math.max(1, options.batchesInFlight ?? 2);
  // In flight, only the ids are kept: the messages can be collected as soon as the engine is done
  // with them (the worker pool copies them at once), instead of surviving until the answers are in.
  const inFlight: { refs: ConversationRef[]; outcome: Promise<ExtractOutcome> }[] = [];
  let reused = 0;
  let batch: Conversation[] = [];
  const takeOldest = async () => {
    const { refs, outcome } = inFlight.shift()!;
    const out = await outcome;
    reused += out.reused;
    onResults(refs, out.results);
  };
  const flush = async () => {
    if (batch.length > 0) {
      const outcome = extractFacetsWithStore(batch, engine, store);
      // Awaited in order below; this only keeps a failure during an earlier wait from going unhandled.
      outcome.catch(() => {});
      const keep = options.keepConversations === true;
      inFlight.push({
        refs: batch.map((c) => ({
          id: c.id,
          userId: c.userId,
          ...(keep ? { conversation: c } : {}),
          ...(tagOf ? { tag: tagOf(c) } : {}),
          ...(options.extrasOf ? { extras: options.extrasOf(c) } : {}),
        })),
        outcome,
      });
      batch = [];
    }
    while (inFlight.length >= maxInFlight) await takeOldest();
  };
  for await (const conv of conversations) {
    batch.push(conv);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  while (inFlight.length > 0) await takeOldest();
  return { reused };
}

export async function extractFacetsWithStore(
  conversations: readonly Conversation[],
  engine: FacetEngine,
  /** null: no store (an engine that recomputes faster than it could read results back). */
  store: RunStore<StoredResult> | null,
): Promise<ExtractOutcome> {
  if (store === null) {
    // Not awaited here, so this frame does not hold the conversations until the answers come back.
    const computed = conversations.length;
    return engine
      .extractFacets(conversations)
      .then((results) => ({ results, reused: 0, duplicates: 0, computed }));
  }
  const keys = conversations.map((c) => resultKey(c, engine));
  const results: (FacetResult | undefined)[] = new Array(conversations.length);
  const todo: number[] = [];
  // Identical content within one batch is asked once.
  const firstIndexOfKey = new Map<string, number>();
  let reused = 0;
  keys.forEach((k, i) => {
    const hit = store.get(k);
    if (hit) {
      results[i] = { facets: hit.facets, usage: zeroUsage() };
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
      // A failed answer is never stored: a rerun asks again.
      if (r.facets.status.kind === 'error') return;
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
      results[i] = { facets: first.facets, usage: zeroUsage() };
    }
  });
  return { results: results as FacetResult[], reused, duplicates, computed: todo.length };
}
