/**
 * Provider batch APIs (half price, answers within 24 h), with resume: every submitted batch id and
 * the request ids it holds are written to `stateDir` before waiting, so a restarted run collects
 * the batches it already paid for instead of submitting them again. Records are kept (results stay
 * downloadable for weeks), so even a run killed after collecting but before storing pays nothing twice.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonRequest, JsonResponse } from './client.js';

export interface BatchItem {
  /** Stable across runs: derived from the result key ([a-zA-Z0-9_-], at most 64 characters). */
  customId: string;
  request: JsonRequest;
}

export type BatchPoll = { state: 'running' } | { state: 'ended' } | { state: 'failed'; reason: string };

/** What a provider's batch API must offer; one implementation per provider. */
export interface BatchProvider {
  readonly provider: 'anthropic' | 'openai';
  readonly model: string;
  /** Largest number of requests in one batch. */
  readonly maxItemsPerBatch: number;
  submit(items: readonly BatchItem[]): Promise<string>;
  poll(batchId: string): Promise<BatchPoll>;
  /** Answer (or the error for that item: InvalidAnswerError for a bad answer) per custom id. */
  results(batchId: string): Promise<Map<string, JsonResponse | Error>>;
}

interface BatchRecord {
  id: string;
  provider: string;
  model: string;
  submittedAt: string;
  customIds: string[];
}

interface BatchStateFile {
  version: 1;
  batches: BatchRecord[];
}

/** Thrown when waiting for a batch took longer than allowed; a rerun picks the batch up again. */
export class BatchPendingError extends Error {
  constructor(readonly batchIds: string[]) {
    super(
      `batch ${batchIds.join(', ')} is still running at the provider; run the same command again later to collect it (nothing is submitted twice)`,
    );
    this.name = 'BatchPendingError';
  }
}

export interface BatchRunOptions {
  stateDir: string;
  pollIntervalMs: number;
  /** Give up waiting after this long (BatchPendingError); Infinity waits for good. */
  maxWaitMs: number;
}

export interface BatchRunDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  log: (line: string) => void;
  /** Wraps each provider call in the engine's retry policy. */
  retrying: <T>(fn: () => Promise<T>) => Promise<T>;
}

export class BatchState {
  private state: BatchStateFile;
  readonly file: string;

  constructor(stateDir: string, provider: string) {
    this.file = join(stateDir, `batches-${provider}.json`);
    this.state = { version: 1, batches: [] };
    if (existsSync(this.file)) {
      try {
        const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as BatchStateFile;
        if (Array.isArray(parsed.batches)) this.state = parsed;
      } catch {
        throw new Error(`${this.file}: not valid JSON; delete it to start the batches afresh`);
      }
    }
  }

  get batches(): readonly BatchRecord[] {
    return this.state.batches;
  }

  add(record: BatchRecord): void {
    this.state.batches.push(record);
    this.save();
  }

  /** Write-then-rename, so a kill mid-write leaves the previous state whole. */
  private save(): void {
    mkdirSync(join(this.file, '..'), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(this.state, null, 1)}\n`);
    renameSync(tmp, this.file);
  }
}

/**
 * Gets an answer for every item through the batch API: items already in a recorded batch are
 * collected from it, the rest are submitted. Items the batch could not answer (expired, errored,
 * failed batch) come back as errors, so the caller can ask them synchronously.
 */
export async function runBatches(
  items: readonly BatchItem[],
  provider: BatchProvider,
  options: BatchRunOptions,
  deps: BatchRunDeps,
): Promise<Map<string, JsonResponse | Error>> {
  const state = new BatchState(options.stateDir, provider.provider);
  const wanted = new Map<string, BatchItem>();
  for (const it of items) if (!wanted.has(it.customId)) wanted.set(it.customId, it);

  // Newest batch first: a request resubmitted after a failure lives in the later batch.
  const assigned = new Map<string, string[]>();
  const taken = new Set<string>();
  for (const rec of [...state.batches].reverse()) {
    if (rec.provider !== provider.provider || rec.model !== provider.model) continue;
    const mine = rec.customIds.filter((id) => wanted.has(id) && !taken.has(id));
    if (mine.length === 0) continue;
    for (const id of mine) taken.add(id);
    assigned.set(rec.id, mine);
  }
  const resumed = assigned.size;
  const fresh = [...wanted.values()].filter((it) => !taken.has(it.customId));
  for (let i = 0; i < fresh.length; i += provider.maxItemsPerBatch) {
    const chunk = fresh.slice(i, i + provider.maxItemsPerBatch);
    const id = await deps.retrying(() => provider.submit(chunk));
    const customIds = chunk.map((c) => c.customId);
    state.add({
      id,
      provider: provider.provider,
      model: provider.model,
      submittedAt: new Date(deps.now()).toISOString(),
      customIds,
    });
    assigned.set(id, customIds);
  }
  if (assigned.size > 0)
    deps.log(
      `${provider.provider} batch: ${assigned.size - resumed} submitted, ${resumed} resumed from ${state.file}`,
    );

  const out = new Map<string, JsonResponse | Error>();
  const started = deps.now();
  const pending = new Set(assigned.keys());
  while (pending.size > 0) {
    for (const id of [...pending]) {
      const ids = assigned.get(id)!;
      let results: Map<string, JsonResponse | Error>;
      try {
        const p = await deps.retrying(() => provider.poll(id));
        if (p.state === 'running') continue;
        if (p.state === 'failed') throw new Error(p.reason);
        results = await deps.retrying(() => provider.results(id));
      } catch (err) {
        // An expired or unknown batch (e.g. results past retention): its items go the synchronous way.
        pending.delete(id);
        const reason = `batch ${id} failed: ${(err as Error).message.split('\n')[0]}`;
        for (const cid of ids) out.set(cid, new Error(reason));
        continue;
      }
      pending.delete(id);
      for (const cid of ids)
        out.set(cid, results.get(cid) ?? new Error(`batch ${id} returned no result for this request`));
    }
    if (pending.size === 0) break;
    if (deps.now() - started >= options.maxWaitMs) throw new BatchPendingError([...pending]);
    await deps.sleep(options.pollIntervalMs);
  }
  return out;
}
