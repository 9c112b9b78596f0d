/** The input formats affectlens reads; each has one reader in ./readers/. */
export const FORMAT_NAMES = ['openai', 'sharegpt', 'wildchat', 'claude', 'chatgpt', 'labelled'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

import type { Conversation } from './model.js';
import type { QuarantineEntry } from './quarantine.js';

/** One item of a read: a valid conversation or a quarantined record. */
export type ReadItem =
  | { kind: 'conversation'; conversation: Conversation; format: FormatName }
  | { kind: 'quarantined'; entry: QuarantineEntry; format: FormatName | 'unknown' };

export interface ReadOptions {
  /** 'auto' (default) detects per file. */
  format?: FormatName | 'auto';
  /** Stop at the first bad record (throws StrictModeError). */
  strict?: boolean;
  /** Messages longer than this are quarantined (default 1,000,000 characters). */
  maxMessageChars?: number;
  /** A JSONL line or array element over this many bytes is quarantined undecoded (default 64 MiB). */
  maxRecordBytes?: number;
  /**
   * Called with every chunk of a file's bytes as stored on disk (still compressed for .gz), in
   * order, as it is read: for progress and for hashing the input without reading it twice.
   * Parquet files are read by DuckDB and do not report chunks.
   */
  onRawChunk?: (file: string, chunk: Buffer) => void;
  /** A named pipe that stays silent this long before its first byte is an error (default 30 s). */
  waitForWriterMs?: number;
}
