/**
 * quarantine.jsonl in the output folder: one line per bad record (file, position, reason, detail),
 * never the record's content. Counts by reason feed the funnel.
 *
 * Every bad record is counted, but only the first `maxPerFileAndReason` of each reason in each file
 * are written one per line: a few kilobytes of gzip can hold millions of bad lines, and one line each
 * made a 400 MB file out of an 8 KB input. The rest are summed up in one line per file and reason
 * (`omitted`), written when the log closes, so the file still accounts for every record.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { QuarantineEntry } from '../conversation/quarantine.js';

/** Entries written per input file and reason before the rest are only counted. */
export const DEFAULT_MAX_ENTRIES_PER_FILE_AND_REASON = 1000;
/** A detail is a field path or a limit; anything longer is cut (a last guard against echoing input). */
const MAX_DETAIL_CHARS = 240;

export class QuarantineLog {
  private fd: number | null;
  private readonly byReason = new Map<string, number>();
  /** Per file, per reason: entries seen (written or not). */
  private readonly byFileAndReason = new Map<string, Map<string, number>>();
  count = 0;
  /** Entries counted but not written (over the per-file, per-reason cap). */
  omitted = 0;

  constructor(
    readonly file: string,
    private readonly maxPerFileAndReason = DEFAULT_MAX_ENTRIES_PER_FILE_AND_REASON,
  ) {
    this.fd = openSync(file, 'w');
  }

  add(entry: QuarantineEntry): void {
    this.count++;
    this.byReason.set(entry.reason, (this.byReason.get(entry.reason) ?? 0) + 1);
    let reasons = this.byFileAndReason.get(entry.file);
    if (!reasons) {
      reasons = new Map();
      this.byFileAndReason.set(entry.file, reasons);
    }
    const seen = (reasons.get(entry.reason) ?? 0) + 1;
    reasons.set(entry.reason, seen);
    if (seen > this.maxPerFileAndReason) {
      this.omitted++;
      return;
    }
    const { file, position, unit, reason } = entry;
    const detail =
      entry.detail.length > MAX_DETAIL_CHARS ? `${entry.detail.slice(0, MAX_DETAIL_CHARS)}…` : entry.detail;
    this.write({ file, [unit]: position, reason, detail });
  }

  reasons(): Record<string, number> {
    return Object.fromEntries([...this.byReason.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** Writes one line per file and reason whose entries were not all written, then closes. */
  close(): void {
    if (this.fd === null) return;
    for (const [file, reasons] of this.byFileAndReason) {
      for (const [reason, seen] of reasons) {
        const omitted = seen - this.maxPerFileAndReason;
        if (omitted <= 0) continue;
        this.write({
          file,
          reason,
          omitted,
          detail: `${omitted} more record(s) of this file quarantined for this reason: counted, not listed (the first ${this.maxPerFileAndReason} are)`,
        });
      }
    }
    closeSync(this.fd);
    this.fd = null;
  }

  private write(line: Record<string, unknown>): void {
    if (this.fd !== null) writeSync(this.fd, `${JSON.stringify(line)}\n`);
  }
}
