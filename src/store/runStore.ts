/**
 * The run store: per-conversation results keyed by `resultKey` (content + prompt version + model +
 * parameters), so a run resumes after a crash and never pays twice.
 *
 * Why an append-only JSONL log rather than SQLite/DuckDB: a result is written once and never
 * updated, so an append-only log is the whole job. A SIGKILL can at worst leave a torn last line,
 * which `open` skips (and truncates); every complete line is a complete result. It needs no native
 * module (better-sqlite3 compiles for ~85 s on every install) and appends at disk speed. The store
 * is generic: its user decides what is worth storing (the pipeline never stores a failed answer, so
 * a rerun retries it) and checks every stored value on open (a value of the wrong shape is skipped
 * and counted, so it is asked again rather than trusted).
 *
 * The store holds sensitive per-conversation results (concern summaries): it stays in the run
 * folder and `purge()` deletes it once the report is written.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { AppendLog } from './appendLog.js';

export interface RunStoreStats {
  /** Results found on open (from an earlier, possibly killed, run). */
  loaded: number;
  /** Results appended in this process. */
  written: number;
  /** Torn or unparsable lines skipped on open. */
  skippedLines: number;
  /** Lines that parsed but did not hold a valid result (wrong shape): skipped, so asked again. */
  invalidResults: number;
}

export interface RunStoreOptions<T> {
  /**
   * false keeps only the keys of new results in memory (for million-row runs, where the caller
   * already holds what it needs).
   */
  retainWritten?: boolean;
  /** Checks a stored value on open: the value to use, or undefined when it is not a valid result. */
  parse?: (value: unknown) => T | undefined;
}

export class RunStore<T = unknown> {
  private readonly results = new Map<string, T>();
  private log: AppendLog | null = null;
  readonly stats: RunStoreStats = { loaded: 0, written: 0, skippedLines: 0, invalidResults: 0 };

  private readonly writtenKeys = new Set<string>();

  private constructor(
    readonly file: string,
    private readonly retainWritten: boolean,
  ) {}

  /** Opens (or creates) the store at `file`, loading every complete, valid result already there. */
  static open<T = unknown>(file: string, options: RunStoreOptions<T> = {}): RunStore<T> {
    const store = new RunStore<T>(file, options.retainWritten ?? true);
    const parse = options.parse ?? ((v: unknown) => v as T);
    let validBytes = 0;
    if (existsSync(file)) {
      let offset = 0;
      for (const { line, end } of completeLines(file)) {
        offset = end;
        try {
          const rec = JSON.parse(line) as { k: unknown; r: unknown };
          validBytes = end;
          const value = typeof rec?.k === 'string' ? parse(rec.r) : undefined;
          if (value !== undefined) store.results.set(rec.k as string, value);
          else store.stats.invalidResults++;
        } catch {
          store.stats.skippedLines++;
        }
      }
      if (offset < statSync(file).size) store.stats.skippedLines++; // torn tail: no newline
      store.stats.loaded = store.results.size;
    }
    // A torn tail is cut so the next append starts on a fresh line.
    store.log = new AppendLog(file, validBytes);
    return store;
  }

  get size(): number {
    return this.results.size + this.writtenKeys.size;
  }

  has(key: string): boolean {
    return this.results.has(key) || this.writtenKeys.has(key);
  }

  get(key: string): T | undefined {
    return this.results.get(key);
  }

  /** Queues a result; it is durable after the next `flush()` (called automatically every ~1 MB). */
  put(key: string, result: T): void {
    if (this.has(key)) return;
    if (this.retainWritten) this.results.set(key, result);
    else this.writtenKeys.add(key);
    this.log?.append(`${JSON.stringify({ k: key, r: result })}\n`);
    this.stats.written++;
  }

  /**
   * Queues a result and hands it to the operating system at once: a kill -9 of this process right
   * after loses nothing (what an answer that was just paid for needs). `flush()` still fsyncs.
   */
  putNow(key: string, result: T): void {
    this.put(key, result);
    this.log?.write();
  }

  /** Writes queued results and fsyncs, so a SIGKILL after this loses nothing written. */
  flush(): void {
    this.log?.flush();
  }

  close(): void {
    this.log?.close();
  }

  /** Deletes the store file: per-conversation results are sensitive. */
  purge(): void {
    this.log?.remove();
    this.results.clear();
    this.writtenKeys.clear();
  }
}

/** Every newline-terminated line of `file` with the byte offset after it, read 4 MB at a time. */
function* completeLines(file: string): Generator<{ line: string; end: number }> {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(4 << 20);
    let carry = Buffer.alloc(0);
    let consumed = 0; // file offset of carry[0]
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      const buf = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n);
      let start = 0;
      for (let nl = buf.indexOf(10); nl !== -1; nl = buf.indexOf(10, start)) {
        yield { line: buf.toString('utf8', start, nl), end: consumed + nl + 1 };
        start = nl + 1;
      }
      carry = Buffer.from(buf.subarray(start));
      consumed += start;
    }
  } finally {
    closeSync(fd);
  }
}
