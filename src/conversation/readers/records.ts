/**
 * The unit every container yields: one record's bytes (a JSONL line, a JSON-array element) or an
 * already-decoded Parquet row, with its position; or the reason it could not be taken at all.
 * Readers turn records into conversations; containers know nothing of formats.
 */
import { isUtf8 } from 'node:buffer';

export interface Problem {
  reason: QuarantineReason;
  /** Names the field or the limit; never conversation content. */
  detail: string;
}

export const QUARANTINE_REASONS = [
  'malformed_json',
  'missing_field',
  'wrong_shape',
  'empty_conversation',
  'no_user_message',
  'invalid_utf8',
  'message_too_large',
  'wrong_format',
  'unknown_role',
  'trailing_content',
  'reader_error',
] as const;
export type QuarantineReason = (typeof QUARANTINE_REASONS)[number];

export interface RawRecord {
  position: number;
  bytes?: Uint8Array;
  /** Set by containers that decode themselves (Parquet rows). */
  value?: unknown;
  problem?: Problem;
}

export type Container = 'jsonl' | 'array' | 'document' | 'parquet';

/** Records stream in batches (one per input chunk) so the per-record cost stays a plain loop. */
export type RecordBatches = AsyncGenerator<RawRecord[], void, undefined>;

/** A JSONL line or array element over this many bytes is quarantined without being decoded. */
export const DEFAULT_MAX_RECORD_BYTES = 64 * 2 ** 20;
export const DEFAULT_MAX_MESSAGE_CHARS = 1_000_000;

export type Decoded = { ok: true; value: unknown } | { ok: false; problem: Problem };

/** UTF-8 check and JSON parse of one record; the error never quotes the bytes. */
export function decodeRecord(record: RawRecord): Decoded {
  if (record.problem) return { ok: false, problem: record.problem };
  if (record.value !== undefined) return { ok: true, value: record.value };
  const bytes = record.bytes ?? new Uint8Array(0);
  // isUtf8 (simdutf) then a plain decode: Node 20's fatal TextDecoder takes a slower ICU path
  // that cost as much as JSON.parse itself on JSONL.
  if (!isUtf8(bytes)) {
    return { ok: false, problem: { reason: 'invalid_utf8', detail: 'bytes are not valid UTF-8' } };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    // V8's message quotes the input; keep only the offset.
    const at = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    const detail = at ? `not valid JSON (error at character ${at[1]})` : 'not valid JSON';
    return { ok: false, problem: { reason: 'malformed_json', detail } };
  }
}

/** The bytes without a leading UTF-8 byte order mark (some Windows tools write one). */
export function withoutBom(bytes: Buffer): Buffer {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

export function formatBytes(n: number): string {
  return n >= 2 ** 20 ? `${(n / 2 ** 20).toFixed(1)} MiB` : `${n} bytes`;
}
