/**
 * Which format a file is in, and how its records are laid out (JSONL lines, one JSON array,
 * Parquet rows). Detection reads only the head of the file: the container from the first
 * non-blank byte, the format from the first records that parse.
 */
import { FORMAT_NAMES, type FormatName } from './formats.js';
import { InputError } from './quarantine.js';
import { isObject } from './readers/common.js';
import { singleObject } from './readers/document.js';
import { jsonArrayRecords } from './readers/jsonArray.js';
import { jsonlRecords } from './readers/lines.js';
import {
  type Container,
  DEFAULT_MAX_RECORD_BYTES,
  decodeRecord,
  formatBytes,
  type RecordBatches,
} from './readers/records.js';
import { FORMAT_LABELS } from './readers/registry.js';
import { type ByteSource, byteChunks, openSource, readHead, type SourceOptions } from './readers/source.js';

export interface FilePlan {
  file: string;
  gzip: boolean;
  container: Container;
  format: FormatName;
  /** Where the bytes come from; a pipe's bytes already read by detection are replayed from it. */
  source: ByteSource;
}

/** Records looked at before giving up on recognising a file. */
const SNIFF_RECORDS = 1000;

const LABEL_KEYS = ['label', 'emotions', 'sentiment_group', 'valence'];

/** The format a single record belongs to, from its distinctive keys; undefined if none fits. */
export function classifyRecord(v: unknown): FormatName | undefined {
  if (!isObject(v)) return undefined;
  if (v.mapping !== undefined && (v.current_node !== undefined || v.create_time !== undefined))
    return 'chatgpt';
  if (v.chat_messages !== undefined) return 'claude';
  if (Array.isArray(v.conversations)) return 'sharegpt';
  if (Array.isArray(v.conversation)) return 'wildchat';
  if (v.labels !== undefined) return 'labelled';
  if (typeof v.text === 'string' && LABEL_KEYS.some((k) => v[k] !== undefined)) return 'labelled';
  if (v.messages !== undefined) return 'openai';
  return undefined;
}

/** `seen`: what detection found instead (counts and kinds only, never content). */
export function unknownFormatError(file: string, seen?: string): InputError {
  const expected = FORMAT_NAMES.map((f) => FORMAT_LABELS[f]).join(', ');
  return new InputError(
    `${file}: unknown format${seen ? `: ${seen}` : ''} (expected one of: ${expected})`,
    file,
  );
}

export async function detectFormat(file: string): Promise<FormatName> {
  const plan = await planFile(file);
  plan.source.close();
  return plan.format;
}

/** What the records detection looked at were, for an "unknown format" message. */
class Sniffed {
  records = 0;
  notJson = 0;
  private readonly kinds = new Map<string, number>();

  add(kind: string): void {
    this.records++;
    this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  /** `whole`: every record of the file was looked at (else only the first ones). */
  describe(unit: string, whole: boolean): string {
    if (this.records === 0) return `no ${unit} holds a record`;
    const parts = [...this.kinds].map(([kind, n]) => `${n} ${kind}`).join(', ');
    const which = whole
      ? this.records === 1
        ? `its one ${unit} is not`
        : `none of its ${this.records} ${unit}s is`
      : `none of the first ${this.records} ${unit}s is`;
    return `${which} a conversation of a known format (${parts})`;
  }
}

function sniffKind(decoded: ReturnType<typeof decodeRecord>): string {
  if (!decoded.ok) {
    return decoded.problem.reason === 'message_too_large'
      ? 'over the record size limit'
      : decoded.problem.reason === 'invalid_utf8'
        ? 'not UTF-8'
        : 'not valid JSON';
  }
  const v = decoded.value;
  if (!isObject(v)) return Array.isArray(v) ? 'JSON arrays' : 'JSON values that are not objects';
  return 'JSON objects without the fields of any format';
}

/**
 * Container and format of one file; `forced` skips format detection but not the container. The
 * plan's source must be read (readPlannedFile) or closed.
 */
export async function planFile(
  file: string,
  forced?: FormatName,
  options: SourceOptions = {},
): Promise<FilePlan> {
  const source = await openSource(file, options);
  try {
    return await planSource(source, forced);
  } catch (err) {
    source.close();
    throw err;
  }
}

async function planSource(source: ByteSource, forced?: FormatName): Promise<FilePlan> {
  const file = source.file;
  const head = await readHead(source);
  if (!head.gzip && isParquet(head.rawHead)) {
    if (!source.seekable)
      throw new InputError(`${file}: Parquet cannot be read from a pipe (save it to a file first)`, file);
    return { file, gzip: false, container: 'parquet', format: forced ?? 'wildchat', source };
  }
  const chunks = byteChunks(source, head.gzip);
  const peeked: Buffer[] = [];
  let first: number | undefined;
  let oversizeDocument: number | undefined;
  try {
    // Not for-await: breaking out of it would close the stream we still want to replay.
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      const chunk = next.value;
      peeked.push(chunk);
      first = firstNonBlank(chunk);
      if (first !== undefined) {
        if (head.gzip && isParquet(Buffer.concat(peeked).subarray(0, 4))) {
          throw new InputError(`${file}: gzipped Parquet is not supported (gunzip it first)`, file);
        }
        break;
      }
    }
    if (first === undefined) throw new InputError(`${file}: file is empty`, file);
    if (first === 0x7b) {
      let whole: { bytes: Buffer | null; size: number } | undefined;
      const doc = await singleObject(firstLine(Buffer.concat(peeked)), async () => {
        whole = await wholeFile(source, head.gzip);
        return whole.bytes;
      });
      if (doc !== undefined) {
        // Already parsed whole: classify it here rather than replay and parse the file again.
        const format = forced ?? classifyRecord(doc);
        if (!format) throw unknownFormatError(file, 'one JSON object without the fields of any format');
        return { file, gzip: head.gzip, container: 'document', format, source };
      }
      if (whole && whole.bytes === null) oversizeDocument = whole.size;
    }
    const container: Container = first === 0x5b ? 'array' : 'jsonl';
    if (forced) return { file, gzip: head.gzip, container, format: forced, source };
    const replay = replayChunks(peeked, chunks);
    const records: RecordBatches =
      container === 'array'
        ? jsonArrayRecords(replay, DEFAULT_MAX_RECORD_BYTES, file)
        : jsonlRecords(replay, DEFAULT_MAX_RECORD_BYTES);
    const sniffed = new Sniffed();
    const unit = container === 'array' ? 'element' : 'line';
    const unknown = (whole: boolean) => {
      if (oversizeDocument !== undefined && sniffed.records > 0 && sniffed.records === sniffed.notJson)
        return unknownFormatError(
          file,
          `it starts like one pretty-printed JSON object, but its first line is not JSON on its own and the file (${formatBytes(oversizeDocument)} or more) is over the ${formatBytes(DEFAULT_MAX_RECORD_BYTES)} limit for a single document; write one conversation per line (JSONL) instead`,
        );
      return unknownFormatError(file, sniffed.describe(unit, whole));
    };
    try {
      for await (const batch of records) {
        for (const record of batch) {
          const decoded = decodeRecord(record);
          const format = decoded.ok ? classifyRecord(decoded.value) : undefined;
          if (format) return { file, gzip: head.gzip, container, format, source };
          sniffed.add(sniffKind(decoded));
          if (!decoded.ok && decoded.problem.reason === 'malformed_json') sniffed.notJson++;
          if (sniffed.records >= SNIFF_RECORDS) throw unknown(false);
        }
      }
    } finally {
      await records.return();
    }
    throw unknown(true);
  } finally {
    await chunks.return();
  }
}

function isParquet(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.toString('latin1', 0, 4) === 'PAR1';
}

function firstNonBlank(chunk: Buffer): number | undefined {
  for (let i = 0; i < chunk.length; i++) {
    const c = chunk[i];
    // Skip whitespace and a UTF-8 byte-order mark.
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0xef && c !== 0xbb && c !== 0xbf)
      return c;
  }
  return undefined;
}

/** The first non-blank line of the head (the whole head when it holds no newline). */
function firstLine(head: Buffer): Buffer {
  let start = 0;
  while (start < head.length && head[start] !== 0x7b) start++;
  const nl = head.indexOf(0x0a, start);
  return head.subarray(start, nl < 0 ? head.length : nl);
}

/**
 * The whole (decompressed) file, or null past the record limit (with the size read so far): only
 * read to tell a document apart.
 */
async function wholeFile(source: ByteSource, gzip: boolean): Promise<{ bytes: Buffer | null; size: number }> {
  const pieces: Buffer[] = [];
  let size = 0;
  for await (const chunk of byteChunks(source, gzip)) {
    size += chunk.length;
    if (size > DEFAULT_MAX_RECORD_BYTES) return { bytes: null, size };
    pieces.push(chunk);
  }
  return { bytes: Buffer.concat(pieces), size };
}

async function* replayChunks(peeked: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* peeked;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
