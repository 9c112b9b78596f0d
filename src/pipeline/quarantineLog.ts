/**
 * quarantine.jsonl in the output folder: one line per bad record (file, position, reason, detail),
 * never the record's content. Counts by reason feed the funnel.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { QuarantineEntry } from '../conversation/quarantine.js';

export class QuarantineLog {
  private readonly fd: number;
  private readonly byReason = new Map<string, number>();
  count = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  add(entry: QuarantineEntry): void {
    this.count++;
    this.byReason.set(entry.reason, (this.byReason.get(entry.reason) ?? 0) + 1);
    const { file, position, unit, reason, detail } = entry;
    writeSync(this.fd, `${JSON.stringify({ file, [unit]: position, reason, detail })}\n`);
  }

  reasons(): Record<string, number> {
    return Object.fromEntries([...this.byReason.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  close(): void {
    closeSync(this.fd);
  }
}
