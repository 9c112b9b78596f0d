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
  type RecordBatches,
} from './readers/records.js';
import { FORMAT_LABELS } from './readers/registry.js';
import { byteChunks, readHead } from './readers/source.js';

export interface FilePlan {
  file: string;
  gzip: boolean;
  container: Container;
  format: FormatName;
}

/** Records looked at before giving up on recognising a file. */
const SNIFF_RECORDS = 20;

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

export function unknownFormatError(file: string): InputError {
  const expected = FORMAT_NAMES.map((f) => FORMAT_LABELS[f]).join(', ');
  return new InputError(`${file}: unknown format (expected one of: ${expected})`, file);
}

export async function detectFormat(file: string): Promise<FormatName> {
  return (await planFile(file)).format;
}

/** Container and format of one file; `forced` skips format detection but not the container. */
export async function planFile(file: string, forced?: FormatName): Promise<FilePlan> {
  const head = await readHead(file);
  if (!head.gzip && isParquet(head.rawHead)) {
    return { file, gzip: false, container: 'parquet', format: forced ?? 'wildchat' };
  }
  const chunks = byteChunks(file, head.gzip);
  const peeked: Buffer[] = [];
  let first: number | undefined;
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
      const doc = await singleObject(firstLine(Buffer.concat(peeked)), () => wholeFile(file, head.gzip));
      if (doc !== undefined) {
        // Already parsed whole: classify it here rather than replay and parse the file again.
        const format = forced ?? classifyRecord(doc);
        if (!format) throw unknownFormatError(file);
        return { file, gzip: head.gzip, container: 'document', format };
      }
    }
    const container: Container = first === 0x5b ? 'array' : 'jsonl';
    if (forced) return { file, gzip: head.gzip, container, format: forced };
    const replay = replayChunks(peeked, chunks);
    const records: RecordBatches =
      container === 'array'
        ? jsonArrayRecords(replay, DEFAULT_MAX_RECORD_BYTES, file)
        : jsonlRecords(replay, DEFAULT_MAX_RECORD_BYTES);
    let looked = 0;
    try {
      for await (const batch of records) {
        for (const record of batch) {
          const decoded = decodeRecord(record);
          const format = decoded.ok ? classifyRecord(decoded.value) : undefined;
          if (format) return { file, gzip: head.gzip, container, format };
          if (++looked >= SNIFF_RECORDS) throw unknownFormatError(file);
        }
      }
    } finally {
      await records.return();
    }
    throw unknownFormatError(file);
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

/** The whole (decompressed) file, or null past the record limit: only read to tell a document apart. */
async function wholeFile(file: string, gzip: boolean): Promise<Buffer | null> {
  const pieces: Buffer[] = [];
  let size = 0;
  for await (const chunk of byteChunks(file, gzip)) {
    size += chunk.length;
    if (size > DEFAULT_MAX_RECORD_BYTES) return null;
    pieces.push(chunk);
  }
  return Buffer.concat(pieces);
}

async function* replayChunks(peeked: Buffer[], rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield* peeked;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}
