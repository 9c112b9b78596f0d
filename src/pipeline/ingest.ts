/**
 * Log files → the conversations to analyse: reads every file batch by batch, sends bad records to
 * quarantine, keeps the counts that must reconcile (read = selected + excluded + quarantined), applies
 * `--limit` and `--sample`, and hashes the input bytes as they pass (for the provenance).
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { FormatName, ReadOptions } from '../conversation/formats.js';
import type { Conversation } from '../conversation/model.js';
import { InputError, type QuarantineEntry } from '../conversation/quarantine.js';
import { readConversationBatches } from '../conversation/read.js';
import { FORMAT_LABELS } from '../conversation/readers/registry.js';
import { createRng, deriveSeed } from '../util/random.js';

/** Where quarantined records go: the run's quarantine.jsonl, or only a count (a second read of the same input). */
export interface QuarantineSink {
  add(entry: QuarantineEntry): void;
  readonly count: number;
}

/** Counts quarantined records without writing them (a re-read of input already quarantined once). */
export class QuarantineCount implements QuarantineSink {
  count = 0;
  add(): void {
    this.count++;
  }
}

export interface IngestOptions {
  read?: ReadOptions;
  /**
   * Analyse only the first N valid conversations: reading stops there, so the rest of the input is
   * neither read nor counted (the funnel describes what was read).
   */
  limit?: number;
  /** Analyse a seeded uniform sample of N valid conversations (reservoir sampling). */
  sample?: number;
  seed: number;
  /**
   * Analyse what can be read even when most records of a file look like another format than the one
   * it is read as (default: stop with one line naming the file and the format it looks like).
   */
  keepGoing?: boolean;
}

/** What reading saw; filled in while the selected conversations are consumed. */
export class IngestTally {
  read = 0;
  /** Valid, but left out by --sample. */
  excluded = 0;
  bytesRead = 0;
  readonly totalBytes: number;
  readonly formats = new Map<string, FormatName>();
  readonly digests = new InputDigests();
  /** Conversations whose id was already read in this run (ids the reader made up are never counted). */
  readonly ids = new IdRepeats();

  constructor(
    readonly files: readonly string[],
    readonly quarantine: QuarantineSink,
  ) {
    this.totalBytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
  }
}

/** The conversations to analyse, in input order (a sample: in input order too). */
export async function* selectConversations(
  tally: IngestTally,
  options: IngestOptions,
): AsyncGenerator<Conversation> {
  const sampler =
    options.sample !== undefined ? new Reservoir<Conversation>(options.sample, options.seed) : null;
  const shapes = options.keepGoing ? null : new WrongFormatCheck();
  let selected = 0;
  const readOptions: ReadOptions = {
    ...options.read,
    onRawChunk: (file, chunk) => {
      tally.bytesRead += chunk.length;
      tally.digests.add(file, chunk);
    },
  };
  const full = () => options.limit !== undefined && selected >= options.limit;
  reading: for await (const items of readConversationBatches(tally.files as string[], readOptions)) {
    for (const item of items) {
      // --limit: stop at the N-th conversation; what comes after it is not read at all.
      if (full()) break reading;
      tally.read++;
      if (item.kind === 'quarantined') {
        shapes?.see(item.entry.file, item.format, item.entry);
        tally.quarantine.add(item.entry);
        continue;
      }
      const conv = item.conversation;
      shapes?.see(conv.source.file, item.format);
      if (!tally.formats.has(conv.source.file)) tally.formats.set(conv.source.file, item.format);
      tally.ids.add(conv);
      selected++;
      if (!sampler) yield conv;
      else if (sampler.offer(conv)) tally.excluded++; // one conversation (new or evicted) left the sample
    }
  }
  shapes?.finish();
  if (sampler) yield* sampler.items();
}

const FORMAT_BY_LABEL = new Map(
  (Object.entries(FORMAT_LABELS) as [FormatName, string][]).map(([f, label]) => [label, f]),
);

/** The format a `wrong_format` quarantine entry says the record looks like. */
function looksLike(entry: QuarantineEntry): FormatName | undefined {
  if (entry.reason !== 'wrong_format') return undefined;
  const m = /looks like (.+?), but /.exec(entry.detail);
  return m ? FORMAT_BY_LABEL.get(m[1]) : undefined;
}

/**
 * Stops a run whose file is mostly of another format than it is read as (a wrong `--format`, or a
 * file whose first records misled detection): analysing the few records that happen to fit would
 * give an empty, misleading report. Counted per file, in the order records are read; checked when
 * a file ends (or reading stops).
 */
export class WrongFormatCheck {
  private file: string | undefined;
  private format: FormatName | 'unknown' | undefined;
  private records = 0;
  private readonly looks = new Map<FormatName, number>();

  see(file: string, format: FormatName | 'unknown', entry?: QuarantineEntry): void {
    if (file !== this.file) {
      this.finish();
      this.file = file;
      this.records = 0;
      this.looks.clear();
    }
    this.format = format;
    this.records++;
    const other = entry && looksLike(entry);
    if (other) this.looks.set(other, (this.looks.get(other) ?? 0) + 1);
  }

  /** Throws when more than half of the current file's records looked like one other format. */
  finish(): void {
    if (this.file === undefined || this.format === undefined || this.format === 'unknown') return;
    let wrong = 0;
    let likely: FormatName | undefined;
    for (const [f, n] of this.looks) {
      wrong += n;
      if (likely === undefined || n > (this.looks.get(likely) ?? 0)) likely = f;
    }
    if (likely === undefined || wrong * 2 <= this.records) return;
    const count = (n: number) => n.toLocaleString('en-US');
    throw new InputError(
      `${this.file}: ${count(wrong)} of ${count(this.records)} records look like ${FORMAT_LABELS[likely]}, not ${FORMAT_LABELS[this.format]}; ` +
        `run with --format ${likely} (or without --format), or add --keep-going to analyse the rest anyway`,
      this.file,
    );
  }
}

/** SHA-256 and size of each input, fed by the reader; a file it did not stream is hashed on its own. */
export class InputDigests {
  private readonly byFile = new Map<string, { hash: Hash; bytes: number }>();

  add(file: string, chunk: Buffer): void {
    let d = this.byFile.get(file);
    if (!d) {
      d = { hash: createHash('sha256'), bytes: 0 };
      this.byFile.set(file, d);
    }
    d.hash.update(chunk);
    d.bytes += chunk.length;
  }

  async of(file: string): Promise<{ sha256: string; bytes: number }> {
    const seen = this.byFile.get(file);
    // A pipe's size is 0 and it cannot be read again: what streamed past is all there is.
    if (seen && (seen.bytes === statSync(file).size || !statSync(file).isFile()))
      return { sha256: seen.hash.copy().digest('hex'), bytes: seen.bytes };
    // Parquet (read by DuckDB), or a file that was not read to the end.
    const h = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(file)) {
      h.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    return { sha256: h.digest('hex'), bytes };
  }
}

/**
 * Counts conversations whose id repeats one read earlier. Ids are kept as 52-bit hashes (a million
 * ids cost ~30 MB rather than the ids themselves); a false repeat needs two of n ids to collide,
 * about n^2 / 2^53 (1e-4 at a million). Ids the reader made up (`<file>:<position>`, for records
 * without one) are unique by construction and skipped.
 */
export class IdRepeats {
  private readonly seen = new Set<number>();
  repeats = 0;

  add(conv: Pick<Conversation, 'id' | 'source'>): void {
    if (conv.id === `${basename(conv.source.file)}:${conv.source.position}`) return;
    const h = hash52(conv.id);
    if (this.seen.has(h)) this.repeats++;
    else this.seen.add(h);
  }
}

/** Two FNV-1a-style hashes (different offsets and multipliers) of the UTF-16 code units, mixed, 26 bits of each. */
function hash52(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x2f8b5c3d;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (fmix32(a) >>> 6) * 2 ** 26 + (fmix32(b ^ s.length) >>> 6);
}

/** MurmurHash3's finaliser: every input bit reaches every output bit. */
function fmix32(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Seeded reservoir sampling (Algorithm R); items() returns the sample in input order. */
export class Reservoir<T> {
  private readonly kept: { order: number; item: T }[] = [];
  private seen = 0;
  private readonly rng;

  constructor(
    private readonly size: number,
    seed: number,
  ) {
    this.rng = createRng(deriveSeed(seed, 'sample'));
  }

  /** Returns true when an item left the sample (the offered one or an evicted one). */
  offer(item: T): boolean {
    const order = this.seen++;
    if (this.kept.length < this.size) {
      this.kept.push({ order, item });
      return false;
    }
    const j = Math.floor(this.rng() * this.seen);
    if (j < this.size) this.kept[j] = { order, item };
    return true;
  }

  items(): T[] {
    return [...this.kept].sort((a, b) => a.order - b.order).map((k) => k.item);
  }
}
