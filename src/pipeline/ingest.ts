/**
 * Log files → the conversations to analyse: reads every file batch by batch, sends bad records to
 * quarantine, keeps the counts that must reconcile (read = selected + excluded + quarantined), applies
 * `--limit` and `--sample`, and hashes the input bytes as they pass (for the provenance).
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import type { FormatName, ReadOptions } from '../conversation/formats.js';
import type { Conversation } from '../conversation/model.js';
import type { QuarantineEntry } from '../conversation/quarantine.js';
import { readConversationBatches } from '../conversation/read.js';
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
  /** Analyse only the first N valid conversations (the rest are counted as excluded). */
  limit?: number;
  /** Analyse a seeded uniform sample of N valid conversations (reservoir sampling). */
  sample?: number;
  seed: number;
}

/** What reading saw; filled in while the selected conversations are consumed. */
export class IngestTally {
  read = 0;
  /** Valid, but left out by --limit or --sample. */
  excluded = 0;
  bytesRead = 0;
  readonly totalBytes: number;
  readonly formats = new Map<string, FormatName>();
  readonly digests = new InputDigests();

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
  let selected = 0;
  const readOptions: ReadOptions = {
    ...options.read,
    onRawChunk: (file, chunk) => {
      tally.bytesRead += chunk.length;
      tally.digests.add(file, chunk);
    },
  };
  for await (const items of readConversationBatches(tally.files as string[], readOptions)) {
    for (const item of items) {
      tally.read++;
      if (item.kind === 'quarantined') {
        tally.quarantine.add(item.entry);
        continue;
      }
      const conv = item.conversation;
      if (!tally.formats.has(conv.source.file)) tally.formats.set(conv.source.file, item.format);
      if (options.limit !== undefined && selected >= options.limit) {
        tally.excluded++;
        continue;
      }
      selected++;
      if (!sampler) yield conv;
      else if (sampler.offer(conv)) tally.excluded++; // one conversation (new or evicted) left the sample
    }
  }
  if (sampler) yield* sampler.items();
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
    if (seen && seen.bytes === statSync(file).size)
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
