/**
 * Conversations → facets, through the run store: batches go to the engine while reading continues
 * (a bounded number in flight, results taken back in input order); stored results are reused (never
 * paid twice). An answer that comes back ok is stored the moment it arrives (for engines that report
 * answers one by one, the LLM engines), so a kill re-pays only the calls in flight; the batch's end
 * fsyncs them. A conversation whose content is being asked in another batch in flight waits for
 * that answer instead of paying for it again.
 */
import type { Conversation } from '../conversation/model.js';
import type { FacetEngine, FacetResult } from '../facets/engine.js';
import { resultKey } from '../facets/resultKey.js';
import { errorFacets, FacetsSchema } from '../facets/schema.js';
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
  const asked = new AskedKeys();
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
      const outcome = extractFacetsWithStore(batch, engine, store, asked);
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

/**
 * Result keys being asked right now, across the batches in flight: a batch that meets one waits
 * for that answer instead of asking (and paying) again.
 */
export class AskedKeys {
  private readonly waiting = new Map<
    string,
    { answer: Promise<FacetResult>; settle: (r: FacetResult) => void }
  >();

  /** The answer another batch is getting for `key`, if one is. */
  pending(key: string): Promise<FacetResult> | undefined {
    return this.waiting.get(key)?.answer;
  }

  claim(key: string): void {
    let settle!: (r: FacetResult) => void;
    const answer = new Promise<FacetResult>((resolve) => {
      settle = resolve;
    });
    this.waiting.set(key, { answer, settle });
  }

  settle(key: string, result: FacetResult): void {
    const w = this.waiting.get(key);
    if (!w) return;
    this.waiting.delete(key);
    w.settle(result);
  }

  /** A batch that failed as a whole: whoever waits on its keys gets an error result, never a hang. */
  abandon(keys: Iterable<string>, error: unknown): void {
    const reason = `the batch asking the same content failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    for (const key of keys) this.settle(key, { facets: errorFacets(0, reason), usage: zeroUsage() });
  }
}

export async function extractFacetsWithStore(
  conversations: readonly Conversation[],
  engine: FacetEngine,
  /** null: no store (an engine that recomputes faster than it could read results back). */
  store: RunStore<StoredResult> | null,
  asked: AskedKeys = new AskedKeys(),
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
  // Identical content within one batch is asked once; content another batch is asking is waited for.
  const firstIndexOfKey = new Map<string, number>();
  const elsewhere: { i: number; answer: Promise<FacetResult> }[] = [];
  let reused = 0;
  keys.forEach((k, i) => {
    const hit = store.get(k);
    if (hit) {
      results[i] = { facets: hit.facets, usage: zeroUsage() };
      reused++;
      return;
    }
    if (firstIndexOfKey.has(k)) return;
    const other = asked.pending(k);
    if (other) {
      elsewhere.push({ i, answer: other });
      return;
    }
    firstIndexOfKey.set(k, i);
    asked.claim(k);
    todo.push(i);
  });
  const duplicates = conversations.length - todo.length - reused;
  if (todo.length > 0) {
    const settled = new Set<number>();
    // An answer reported on its own is written at once (before the next one is awaited); the rest
    // of a batch (engines that answer a batch whole) is queued and written with the batch's fsync.
    const keep = (j: number, r: FacetResult, now: boolean) => {
      if (settled.has(j)) return;
      settled.add(j);
      const i = todo[j];
      // A failed answer is never stored: a rerun asks again.
      if (r.facets.status.kind !== 'error') {
        const stored: StoredResult = {
          facets: r.facets,
          usage: r.usage,
          engine: engine.name,
          model: engine.model,
          promptVersion: engine.promptVersion,
        };
        if (now) store.putNow(keys[i], stored);
        else store.put(keys[i], stored);
      }
      asked.settle(keys[i], r);
    };
    let answered: FacetResult[];
    try {
      answered = await engine.extractFacets(
        todo.map((i) => conversations[i]),
        (j, r) => keep(j, r, true),
      );
    } catch (err) {
      asked.abandon(
        todo.map((i) => keys[i]),
        err,
      );
      throw err;
    } finally {
      store.flush();
    }
    todo.forEach((i, j) => {
      results[i] = answered[j];
      keep(j, answered[j], false);
    });
    store.flush();
  }
  for (const { i, answer } of elsewhere) {
    const r = await answer;
    results[i] = { facets: r.facets, usage: zeroUsage() };
  }
  keys.forEach((k, i) => {
    if (!results[i]) {
      const first = results[firstIndexOfKey.get(k)!]!;
      results[i] = { facets: first.facets, usage: zeroUsage() };
    }
  });
  return { results: results as FacetResult[], reused, duplicates, computed: todo.length };
}
