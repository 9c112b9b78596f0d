/**
 * The partial state a shard writes (`analyze --shard i/N --out PART_DIR`) and a merge reads: a folder
 *
 *   PART_DIR/state.json        the header below (written last: a folder without it is unfinished)
 *   PART_DIR/accumulator.json  the shard's analyses as saved state, with accumulator.bin and
 *   PART_DIR/accumulator.bin   candidates.jsonl (accumulatorFiles.ts): what the merge absorbs
 *   PART_DIR/candidates.jsonl
 *   PART_DIR/records.jsonl     one line per conversation of the shard: [position, AnalysisRecord]
 *   PART_DIR/quarantine.jsonl  the run's quarantine (every shard reads the whole input, so it is
 *                              the same in every shard; the merge copies shard 0's)
 *
 * Format version PARTIAL_STATE_VERSION; README "Beyond one machine" documents it. The merge absorbs
 * the shards' accumulator states (AnalysisAccumulator.absorb): counts add up, per-user sets unite
 * (the partition is by user), and what depends on the order records arrive in (the topic candidates,
 * the affective users, the sentiment changes a seeded bootstrap resamples) carries each item's
 * position among all selected conversations and is merged by it — so the merged accumulator is the
 * one a single pass would have built, and the report equals the single run's
 * (test/analysis/mergeable.test.ts, test/shard/). The merge's work then grows with the shards'
 * users and affective conversations, not with their records.
 *
 * The records stay in the state as the analyses' input: when the states cannot be merged exactly
 * (more than MAX_SEGMENTS segment values across shards, where which values get their own segment
 * depends on the whole log's order), the merge folds them in position order instead, as version 1 did.
 * They are a few hundred bytes per conversation (no message text: facets, the concern summary, ids).
 *
 * JSONL rather than Parquet: the merge streams it in order with nothing but Node, a line is the record
 * the analyses take (no schema mapping to keep in step), and gzip-free lines keep the sha256 check
 * cheap. The records hold the PII-free concern summaries and user/conversation ids: keep partial
 * states as private as the run store.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AnalysisRecord } from '../analysis/record.js';
import type { Calibration } from '../estimate/calibrated.js';
import type { Usage } from '../llm/usage.js';
import type { Thresholds } from '../privacy/thresholds.js';
import type { Provenance } from '../report/reportInput.js';
import type { AccumulatorFiles } from './accumulatorFiles.js';
import { HashedLineWriter } from './hashedLines.js';
import { type ShardSpec, shardName } from './shardKey.js';

export const PARTIAL_STATE_FORMAT = 'affectlens-partial-state';
/** Bumped whenever the header or the record lines change shape: a merge refuses other versions. */
export const PARTIAL_STATE_VERSION = 2;

export const STATE_FILE = 'state.json';
export const RECORDS_FILE = 'records.jsonl';
export const QUARANTINE_FILE = 'quarantine.jsonl';

/** Everything that must be the same in every shard for the merge to equal one run. */
export interface PartialSettings {
  affectlensVersion: string;
  seed: number;
  thresholds: Thresholds;
  engine: { name: string; model: string; promptVersion: string; parameters: Record<string, unknown> };
  period: string;
  segmentBy: string | null;
  limit: number | null;
  sample: number | null;
  read: { format: string; strict: boolean; keepGoing: boolean };
  calibration: Calibration | null;
  validation: Provenance['validation'] | null;
}

export interface PartialState {
  format: typeof PARTIAL_STATE_FORMAT;
  formatVersion: number;
  shard: ShardSpec;
  settings: PartialSettings;
  /** The input files as read (the same in every shard: each reads the whole input). */
  inputs: Provenance['inputs'];
  /** Counts of the whole input (each shard reads all of it and partitions the valid conversations). */
  counts: {
    read: number;
    quarantined: number;
    quarantineReasons: Record<string, number>;
    duplicateIds: number;
    quarantineOmitted: number;
  };
  /** This shard's records. */
  records: { file: typeof RECORDS_FILE; count: number; sha256: string };
  /** This shard's analyses as saved state (accumulatorFiles.ts). */
  accumulator: AccumulatorFiles;
  /** This shard's engine usage (summed by the merge), answers reused from its run store, invalid stored lines. */
  usage: Required<Usage>;
  reused: number;
  invalidStored: number;
}

/** Writes a shard's records as they come (in position order) into `dir`/records.jsonl. */
export class RecordsWriter {
  private readonly out: HashedLineWriter;
  private last = -1;

  constructor(readonly dir: string) {
    this.out = new HashedLineWriter(join(dir, RECORDS_FILE));
  }

  get count(): number {
    return this.out.count;
  }

  add(position: number, record: AnalysisRecord): void {
    if (position <= this.last) throw new Error(`shard records out of order: ${position} after ${this.last}`);
    this.last = position;
    this.out.add(`${JSON.stringify([position, record])}\n`);
  }

  /** Flushes, fsyncs and closes; returns the records' line for the header. */
  close(): PartialState['records'] {
    const { sha256, count } = this.out.close();
    return { file: RECORDS_FILE, count, sha256 };
  }
}

export function writeStateHeader(dir: string, state: PartialState): void {
  writeFileSync(join(dir, STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
}

/** A partial state problem: names the folder and what is wrong. */
export class PartialStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PartialStateError';
  }
}

/** Reads and checks one folder's header. */
export function readStateHeader(dir: string): PartialState {
  const file = join(dir, STATE_FILE);
  if (!existsSync(file))
    throw new PartialStateError(
      `${dir}: no ${STATE_FILE} (not a partial state, or its shard did not finish: run analyze --shard again)`,
    );
  let state: PartialState;
  try {
    state = JSON.parse(readFileSync(file, 'utf8')) as PartialState;
  } catch (err) {
    throw new PartialStateError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  if (state?.format !== PARTIAL_STATE_FORMAT)
    throw new PartialStateError(
      `${file}: not an affectlens partial state (format is not ${PARTIAL_STATE_FORMAT})`,
    );
  if (state.formatVersion !== PARTIAL_STATE_VERSION)
    throw new PartialStateError(
      `${file}: partial state format version ${state.formatVersion}, this affectlens reads version ${PARTIAL_STATE_VERSION} (write the shards again with this version)`,
    );
  return state;
}

/** Checks a shard's records file against its header's sha256 before anything is folded from it. */
export async function verifyRecords(dir: string, state: PartialState): Promise<void> {
  const file = join(dir, RECORDS_FILE);
  if (!existsSync(file)) throw new PartialStateError(`${file}: missing (shard ${shardName(state.shard)})`);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  if (hash.digest('hex') !== state.records.sha256)
    throw new PartialStateError(
      `${file}: its sha256 differs from the one in ${STATE_FILE} (a damaged or mixed partial state: write shard ${shardName(state.shard)} again)`,
    );
}

/** A shard's records in position order, checked against the header's count and sha256 at the end. */
export async function* readRecords(
  dir: string,
  state: PartialState,
): AsyncGenerator<[number, AnalysisRecord]> {
  const file = join(dir, RECORDS_FILE);
  if (!existsSync(file)) throw new PartialStateError(`${file}: missing (shard ${shardName(state.shard)})`);
  const hash = createHash('sha256');
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  let last = -1;
  for await (const line of lines) {
    hash.update(`${line}\n`);
    n++;
    let entry: [number, AnalysisRecord];
    try {
      entry = JSON.parse(line) as [number, AnalysisRecord];
    } catch {
      throw new PartialStateError(
        `${file}:${n}: not valid JSON (a damaged partial state: write the shard again)`,
      );
    }
    if (!Array.isArray(entry) || !Number.isInteger(entry[0]) || entry[0] <= last)
      throw new PartialStateError(`${file}:${n}: position missing or out of order`);
    last = entry[0];
    yield entry;
  }
  if (n !== state.records.count || hash.digest('hex') !== state.records.sha256)
    throw new PartialStateError(
      `${file}: ${n} records, the header says ${state.records.count}, or its sha256 differs (a damaged or mixed partial state: write the shard again)`,
    );
}
