/**
 * Bad records never vanish: each one becomes a QuarantineEntry (file, position, reason; never the
 * content) and is counted, so read = analysed + excluded + quarantined always holds.
 */
export interface QuarantineEntry {
  file: string;
  /** 1-based line for line formats, 0-based index for arrays and Parquet rows. */
  position: number;
  unit: 'line' | 'index';
  /** Machine-readable reason code, e.g. 'malformed_json', 'missing_field', 'no_user_message'. */
  reason: string;
  /** Human-readable detail naming the field; never conversation content. */
  detail: string;
}

/** Thrown when a whole file is unreadable or of an unknown format; message is one line. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly file?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** Thrown under --strict at the first bad record. */
export class StrictModeError extends Error {
  constructor(readonly entry: QuarantineEntry) {
    super(`${entry.file}:${entry.unit} ${entry.position}: ${entry.reason}: ${entry.detail}`);
    this.name = 'StrictModeError';
  }
}

export function formatQuarantineEntry(e: QuarantineEntry): string {
  return `${e.file} ${e.unit} ${e.position}: ${e.reason} (${e.detail})`;
}
