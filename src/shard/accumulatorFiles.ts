/**
 * A shard's analyses as saved state (AnalysisAccumulator.state): what `merge` absorbs instead of
 * folding every record again. Three files in the partial state folder:
 *
 *   accumulator.json    the analyses' state as JSON, every long array of numbers or strings replaced
 *                       by {"$bin": k}: the k-th segment of accumulator.bin
 *   accumulator.bin     those arrays, one after the other: int32 or float64 (little-endian) numbers,
 *                       or strings as JSON arrays of at most CHUNK strings, one per line
 *   candidates.jsonl    the topic candidates (affective and long conversations), one per line
 *
 * The long arrays are the per-user tallies (user keys are indices into one key table, itself a
 * string segment): binary keeps them compact and quick to read, and no JSON text ever holds them
 * whole, so a state is not bounded by the longest string V8 can make. sha256 of each file is in the
 * header (state.json); a merge checks them before absorbing anything.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AccumulatorState, TopicCandidate } from '../analysis/accumulate.js';
import { HashedLineWriter } from './hashedLines.js';

export const ACCUMULATOR_FILE = 'accumulator.json';
export const ACCUMULATOR_BIN = 'accumulator.bin';
export const CANDIDATES_FILE = 'candidates.jsonl';

/** Arrays at least this long go to the binary file. */
const BINARY_MIN = 256;
/** Strings per line of a string segment. */
const CHUNK = 10_000;

type SegmentKind = 'i32' | 'f64' | 'str';

interface Segment {
  kind: SegmentKind;
  /** Byte offset and length in accumulator.bin. */
  offset: number;
  bytes: number;
  count: number;
}

/** What the header records about the saved state. */
export interface AccumulatorFiles {
  json: { file: typeof ACCUMULATOR_FILE; sha256: string };
  bin: { file: typeof ACCUMULATOR_BIN; sha256: string; bytes: number };
  candidates: { file: typeof CANDIDATES_FILE; sha256: string; count: number };
}

/** The state as a merge reads it back: the analyses' parts, the key table, the candidates. */
export interface SavedAccumulator {
  state: AccumulatorState;
  keys: string[];
}

class BinWriter {
  readonly segments: Segment[] = [];
  private offset = 0;
  private readonly hash = createHash('sha256');

  constructor(private readonly fd: number) {}

  private write(buf: Buffer | Uint8Array): void {
    this.hash.update(buf);
    writeSync(this.fd, buf);
    this.offset += buf.byteLength;
  }

  numbers(xs: readonly number[]): number {
    const int = xs.every((x) => Number.isInteger(x) && x >= -(2 ** 31) && x < 2 ** 31);
    const arr = int ? Int32Array.from(xs) : Float64Array.from(xs);
    return this.push(int ? 'i32' : 'f64', xs.length, () => this.write(new Uint8Array(arr.buffer)));
  }

  strings(xs: readonly string[]): number {
    return this.push('str', xs.length, () => {
      for (let i = 0; i < xs.length; i += CHUNK)
        this.write(Buffer.from(`${JSON.stringify(xs.slice(i, i + CHUNK))}\n`));
    });
  }

  private push(kind: SegmentKind, count: number, body: () => void): number {
    const offset = this.offset;
    body();
    this.segments.push({ kind, offset, bytes: this.offset - offset, count });
    return this.segments.length - 1;
  }

  digest(): { sha256: string; bytes: number } {
    return { sha256: this.hash.digest('hex'), bytes: this.offset };
  }
}

/** Replaces long arrays of numbers or strings by references to binary segments. */
function encode(value: unknown, bin: BinWriter): unknown {
  if (Array.isArray(value)) {
    if (value.length >= BINARY_MIN) {
      if (value.every((x) => typeof x === 'number')) return { $bin: bin.numbers(value) };
      if (value.every((x) => typeof x === 'string')) return { $bin: bin.strings(value) };
    }
    return value.map((x) => encode(x, bin));
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encode(v, bin);
    return out;
  }
  return value;
}

function decode(value: unknown, segments: readonly Segment[], buf: Buffer): unknown {
  if (Array.isArray(value)) return value.map((x) => decode(x, segments, buf));
  if (value !== null && typeof value === 'object') {
    const ref = (value as { $bin?: unknown }).$bin;
    if (typeof ref === 'number') return readSegment(segments[ref], buf);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decode(v, segments, buf);
    return out;
  }
  return value;
}

function readSegment(s: Segment | undefined, buf: Buffer): number[] | string[] {
  if (!s || s.offset + s.bytes > buf.length) throw new Error('a binary segment lies outside the file');
  if (s.kind === 'str') {
    const out: string[] = [];
    for (const line of buf.toString('utf8', s.offset, s.offset + s.bytes).split('\n'))
      if (line !== '') for (const x of JSON.parse(line) as string[]) out.push(x);
    if (out.length !== s.count)
      throw new Error(`a string segment holds ${out.length} strings, not ${s.count}`);
    return out;
  }
  // Copy out of the file's buffer: its byte offset need not be aligned for a typed array.
  const bytes = buf.subarray(s.offset, s.offset + s.bytes);
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const arr = s.kind === 'i32' ? new Int32Array(copy.buffer) : new Float64Array(copy.buffer);
  if (arr.length !== s.count) throw new Error(`a number segment holds ${arr.length} numbers, not ${s.count}`);
  return Array.from(arr);
}

function writeFileHashed(file: string, chunks: Iterable<string>): { sha256: string; count: number } {
  const out = new HashedLineWriter(file);
  try {
    for (const c of chunks) out.add(c);
  } catch (err) {
    out.close();
    throw err;
  }
  return out.close();
}

/** Writes a shard's analyses into `dir`; returns what the header records about them. */
export function writeAccumulator(dir: string, saved: SavedAccumulator): AccumulatorFiles {
  const fd = openSync(join(dir, ACCUMULATOR_BIN), 'w');
  let doc: string;
  let bin: { sha256: string; bytes: number };
  try {
    const writer = new BinWriter(fd);
    const root = encode({ parts: saved.state.parts, keys: saved.keys }, writer);
    bin = writer.digest();
    doc = `${JSON.stringify({ segments: writer.segments, root })}\n`;
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const json = writeFileHashed(join(dir, ACCUMULATOR_FILE), [doc]);
  const candidates = writeFileHashed(
    join(dir, CANDIDATES_FILE),
    (function* () {
      for (const c of saved.state.candidates) yield `${JSON.stringify(c)}\n`;
    })(),
  );
  return {
    json: { file: ACCUMULATOR_FILE, sha256: json.sha256 },
    bin: { file: ACCUMULATOR_BIN, ...bin },
    candidates: { file: CANDIDATES_FILE, sha256: candidates.sha256, count: candidates.count },
  };
}

/** Why a saved state cannot be read: names the file. */
export class AccumulatorFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccumulatorFileError';
  }
}

function readChecked(dir: string, name: string, sha256: string): Buffer {
  const file = join(dir, name);
  if (!existsSync(file)) throw new AccumulatorFileError(`${file}: missing`);
  const buf = readFileSync(file);
  if (createHash('sha256').update(buf).digest('hex') !== sha256)
    throw new AccumulatorFileError(
      `${file}: its sha256 differs from the one in the header (a damaged or mixed partial state: write the shard again)`,
    );
  return buf;
}

/** Reads a shard's analyses back, checking every file against the header's sha256. */
export function readAccumulator(dir: string, files: AccumulatorFiles): SavedAccumulator {
  const json = readChecked(dir, files.json.file, files.json.sha256);
  const bin = readChecked(dir, files.bin.file, files.bin.sha256);
  const lines = readChecked(dir, files.candidates.file, files.candidates.sha256);
  let root: { parts: Record<string, unknown>; keys: string[] };
  try {
    const doc = JSON.parse(json.toString('utf8')) as { segments: Segment[]; root: unknown };
    root = decode(doc.root, doc.segments, bin) as typeof root;
  } catch (err) {
    throw new AccumulatorFileError(`${join(dir, files.json.file)}: ${(err as Error).message}`);
  }
  const candidates: TopicCandidate[] = [];
  // Line by line from the bytes: the file as one string could pass V8's longest string.
  let start = 0;
  while (start < lines.length) {
    const end = lines.indexOf(10, start);
    const stop = end < 0 ? lines.length : end;
    candidates.push(JSON.parse(lines.toString('utf8', start, stop)) as TopicCandidate);
    start = stop + 1;
  }
  if (candidates.length !== files.candidates.count)
    throw new AccumulatorFileError(
      `${join(dir, files.candidates.file)}: ${candidates.length} candidates, the header says ${files.candidates.count}`,
    );
  return { state: { parts: root.parts, candidates }, keys: root.keys };
}
