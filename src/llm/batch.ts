/**
 * Provider batch APIs (half price, answers within 24 h), with resume: every submitted batch id and
 * the request ids it holds are appended to a log in `stateDir` before waiting, so a restarted run collects
 * the batches it already paid for instead of submitting them again. Records are kept (results stay
 * downloadable for weeks), so even a run killed after collecting but before storing pays nothing twice.
 *
 * The one gap left by "save the id once it comes back" is a submission whose id never came back (a
 * kill mid-request, a lost response that the retry would resubmit). So each submission is written
 * down first as a pending intent with a tag; a retry or a restarted run asks the provider for a
 * batch made by that submission (`findSubmitted`) before submitting again.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  readSync,
  statSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDir } from '../util/makeDir.js';
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
  /** Creates the batch; `tag` identifies this submission where the provider can store it. */
  submit(items: readonly BatchItem[], tag: string): Promise<string>;
  /**
   * The id of a batch this submission created, looked up at the provider, or null. Batches whose
   * ids are in `known` are already accounted for and never returned.
   */
  findSubmitted(intent: SubmissionQuery, known: ReadonlySet<string>): Promise<string | null>;
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

/** How far a provider's clock may run behind ours when matching a batch to its submission. */
export const CLOCK_SKEW_MS = 10 * 60_000;
/** Metadata key under which providers that keep metadata store the submission's tag. */
export const SUBMISSION_TAG_KEY = 'affectlens_submission';

/** What a provider can match a lost submission on. */
export interface SubmissionQuery {
  tag: string;
  /** Requests in the batch. */
  count: number;
  /** When the submission started (ms since the epoch); the batch cannot be older. */
  since: number;
}

/** A submission written down before it is sent; replaced by its BatchRecord once the id is known. */
interface PendingSubmission {
  tag: string;
  provider: string;
  model: string;
  startedAt: string;
  customIds: string[];
}

/** The state file format of earlier versions (`batches-<provider>.json`), still read. */
interface LegacyStateFile {
  version: 1;
  batches: BatchRecord[];
  pending?: PendingSubmission[];
}

/** One line of the batch log. */
type BatchLogLine =
  | ({ type: 'intent' } & PendingSubmission)
  | ({ type: 'batch'; tag?: string } & BatchRecord)
  | { type: 'abandoned'; tag: string };

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

/** The batch log of a state folder: `batches-<provider>.jsonl`. */
export function batchLogFile(stateDir: string, provider: string): string {
  return join(stateDir, `batches-${provider}.jsonl`);
}

/** Batches and unresolved submissions recorded in a state folder (for tests and tools). */
export function readBatchState(
  stateDir: string,
  provider: string,
): { batches: BatchRecord[]; pending: PendingSubmission[] } {
  const state = new BatchState(stateDir, provider);
  return { batches: [...state.batches], pending: [...state.pending] };
}

/**
 * The batch submissions of one provider, as an append-only log: one line per intent to submit, one
 * per batch created (with its request ids), one per intent that never reached the provider. Lines
 * are only ever added (written and fsynced one at a time), so batches in flight at once can never
 * overwrite each other's records, and a kill can at worst tear the last line (cut on the next read).
 *
 * The log is the one truth, whoever wrote it: every call catches up with the lines added since it
 * last looked (a view per file and process, read incrementally, so a million-conversation run does
 * not reread its whole log for every batch), and finds which batch holds a request by an index
 * rather than by scanning every batch.
 */
export class BatchState {
  readonly file: string;
  private readonly view: LogView;

  constructor(stateDir: string, provider: string) {
    this.file = batchLogFile(stateDir, provider);
    this.view = LogView.of(this.file, join(stateDir, `batches-${provider}.json`));
    this.view.catchUp();
  }

  /** Reads the lines added to the log since it was last read. */
  reload(): void {
    this.view.catchUp();
  }

  get batches(): readonly BatchRecord[] {
    return this.view.records;
  }

  get pending(): readonly PendingSubmission[] {
    return [...this.view.intents.values()];
  }

  knownIds(): Set<string> {
    return new Set(this.view.byId.keys());
  }

  /** The newest recorded batch of this provider and model that holds request `customId`. */
  batchOf(provider: string, model: string, customId: string): string | undefined {
    return this.view.holder.get(holderKey(provider, model, customId));
  }

  add(record: BatchRecord): void {
    if (this.view.byId.has(record.id)) return;
    this.append({ type: 'batch', ...record });
  }

  intend(p: PendingSubmission): void {
    this.append({ type: 'intent', ...p });
  }

  /** The pending submission became batch `id` (or, with null, never reached the provider). */
  resolve(tag: string, id: string | null): void {
    this.view.catchUp();
    const p = this.view.intents.get(tag);
    if (!p) return;
    if (id === null) {
      this.append({ type: 'abandoned', tag });
      return;
    }
    const { tag: _tag, startedAt, ...rest } = p;
    this.append({ type: 'batch', tag, id, submittedAt: startedAt, ...rest });
  }

  /** One line, written and fsynced before the call returns, then folded into the view. */
  private append(line: BatchLogLine): void {
    this.view.catchUp();
    makeDir(dirname(this.file));
    const fd = openSync(this.file, 'a');
    try {
      writeSync(fd, `${JSON.stringify(line)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.view.catchUp();
  }
}

function holderKey(provider: string, model: string, customId: string): string {
  return `${provider}\u0000${model}\u0000${customId}`;
}

/** What one log holds, folded line by line as they are read. */
class LogView {
  private static readonly open = new Map<string, LogView>();
  readonly records: BatchRecord[] = [];
  readonly byId = new Map<string, BatchRecord>();
  /** Request → the newest batch that holds it (a request resubmitted after a failure: the later one). */
  readonly holder = new Map<string, string>();
  readonly intents = new Map<string, PendingSubmission>();
  /** Bytes of the log folded so far. */
  private offset = 0;

  private constructor(
    private readonly file: string,
    private readonly legacyFile: string,
  ) {}

  static of(file: string, legacyFile: string): LogView {
    let view = LogView.open.get(file);
    if (!view) {
      view = new LogView(file, legacyFile);
      view.readLegacy();
      LogView.open.set(file, view);
    }
    return view;
  }

  /** Forgets what was folded (the log was deleted or replaced behind this process's back). */
  private reset(): void {
    this.records.length = 0;
    this.byId.clear();
    this.holder.clear();
    this.intents.clear();
    this.offset = 0;
    this.readLegacy();
  }

  private readLegacy(): void {
    const legacyFile = this.legacyFile;
    if (!existsSync(legacyFile)) return;
    let legacy: LegacyStateFile;
    try {
      legacy = JSON.parse(readFileSync(legacyFile, 'utf8')) as LegacyStateFile;
    } catch {
      throw new Error(`${legacyFile}: not valid JSON; delete it to start the batches afresh`);
    }
    for (const b of Array.isArray(legacy.batches) ? legacy.batches : []) this.fold({ type: 'batch', ...b });
    for (const p of legacy.pending ?? []) this.fold({ type: 'intent', ...p });
  }

  /** Folds the complete lines written since the last call; a torn last line is cut. */
  catchUp(): void {
    const size = existsSync(this.file) ? statSync(this.file).size : 0;
    if (size < this.offset) this.reset();
    if (size <= this.offset) return;
    const buf = Buffer.alloc(size - this.offset);
    const fd = openSync(this.file, 'r');
    try {
      readSync(fd, buf, 0, buf.length, this.offset);
    } finally {
      closeSync(fd);
    }
    const end = buf.lastIndexOf(0x0a) + 1;
    // Lines are written whole by one process at a time (the store's lock): a line without its
    // newline is what a kill mid-write left, and the next line must start clean.
    if (end < buf.length) truncateSync(this.file, this.offset + end);
    for (const raw of buf.toString('utf8', 0, end).split('\n')) {
      if (raw.trim() === '') continue;
      try {
        this.fold(JSON.parse(raw) as BatchLogLine);
      } catch {
        // A damaged line costs its own record only.
      }
    }
    this.offset += end;
  }

  private fold(line: BatchLogLine): void {
    if (line.type === 'intent') this.intents.set(line.tag, withoutType(line));
    else if (line.type === 'abandoned') this.intents.delete(line.tag);
    else if (line.type === 'batch') {
      const { type: _type, tag, ...record } = line;
      if (tag !== undefined) this.intents.delete(tag);
      if (this.byId.has(record.id) || !Array.isArray(record.customIds)) return;
      this.records.push(record);
      this.byId.set(record.id, record);
      for (const cid of record.customIds)
        this.holder.set(holderKey(record.provider, record.model, cid), record.id);
    }
  }
}

function withoutType<T extends { type: string }>(line: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = line;
  return rest;
}

/**
 * What this process is doing with each state log right now: submissions on their way (never taken
 * for a killed run's) and submissions of a killed run being looked up (looked up once, however many
 * batches run at the same time).
 */
const underway = new Map<string, { submitting: Set<string>; recovering: Map<string, Promise<void>> }>();

function underwayFor(file: string) {
  let u = underway.get(file);
  if (!u) {
    u = { submitting: new Set(), recovering: new Map() };
    underway.set(file, u);
  }
  return u;
}

/** Stable for one submission, distinct across submissions (the start time is part of it). */
function submissionTag(customIds: readonly string[], startedAt: string): string {
  const h = createHash('sha256').update(startedAt);
  for (const id of customIds) h.update(`\n${id}`);
  return `al-${h.digest('hex').slice(0, 24)}`;
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
  const now = underwayFor(state.file);
  const query = (p: PendingSubmission): SubmissionQuery => ({
    tag: p.tag,
    count: p.customIds.length,
    since: Date.parse(p.startedAt),
  });
  // Submissions a killed (or failed) run made without learning their ids: adopt them, or forget them
  // if the provider never got them (their items are then submitted afresh below). One lookup per
  // submission, shared by the batches that run at the same time.
  for (const p of state.pending) {
    if (p.provider !== provider.provider || p.model !== provider.model) continue;
    if (now.submitting.has(p.tag)) continue;
    let recovery = now.recovering.get(p.tag);
    if (!recovery) {
      recovery = (async () => {
        const id = await deps.retrying(() => provider.findSubmitted(query(p), state.knownIds()));
        state.resolve(p.tag, id);
        deps.log(
          id
            ? `${provider.provider} batch: found ${id}, submitted by an interrupted run`
            : `${provider.provider} batch: an interrupted submission never reached the provider; submitting again`,
        );
      })().finally(() => now.recovering.delete(p.tag));
      now.recovering.set(p.tag, recovery);
    }
    await recovery;
  }
  state.reload();
  const wanted = new Map<string, BatchItem>();
  for (const it of items) if (!wanted.has(it.customId)) wanted.set(it.customId, it);

  // Each request to the newest batch that holds it: one resubmitted after a failure lives in the later batch.
  const assigned = new Map<string, string[]>();
  const taken = new Set<string>();
  for (const id of wanted.keys()) {
    const batch = state.batchOf(provider.provider, provider.model, id);
    if (batch === undefined) continue;
    taken.add(id);
    const list = assigned.get(batch);
    if (list) list.push(id);
    else assigned.set(batch, [id]);
  }
  const resumed = assigned.size;
  const fresh = [...wanted.values()].filter((it) => !taken.has(it.customId));
  for (let i = 0; i < fresh.length; i += provider.maxItemsPerBatch) {
    const chunk = fresh.slice(i, i + provider.maxItemsPerBatch);
    const customIds = chunk.map((c) => c.customId);
    const startedAt = new Date(deps.now()).toISOString();
    const pending: PendingSubmission = {
      tag: submissionTag(customIds, startedAt),
      provider: provider.provider,
      model: provider.model,
      startedAt,
      customIds,
    };
    state.intend(pending);
    now.submitting.add(pending.tag);
    let attempts = 0;
    let id: string;
    try {
      id = await deps.retrying(async () => {
        // A failed attempt may still have created the batch (the response was lost): look first.
        if (attempts++ > 0) {
          const found = await provider.findSubmitted(query(pending), state.knownIds());
          if (found) return found;
        }
        return provider.submit(chunk, pending.tag);
      });
    } finally {
      // Given up on: the intent stays in the log, for the next run (or call) to look up.
      now.submitting.delete(pending.tag);
    }
    state.resolve(pending.tag, id);
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
