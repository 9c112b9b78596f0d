/**
 * A file written line by line with its sha256 taken on the way: what the partial state's records and
 * saved analyses are checked against when a merge reads them back. Lines are buffered and written in
 * blocks; close() fsyncs, so a header that names the hash is written only after the data is on disk.
 */
import { createHash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';

export class HashedLineWriter {
  private readonly fd: number;
  private readonly hash = createHash('sha256');
  private pending: string[] = [];
  /** Lines added so far. */
  count = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }

  /** Adds one piece of text (a line with its newline, or a whole document). */
  add(text: string): void {
    this.pending.push(text);
    this.count++;
    if (this.pending.length >= 1024) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const chunk = this.pending.join('');
    this.pending = [];
    this.hash.update(chunk);
    writeSync(this.fd, chunk);
  }

  /** Flushes, fsyncs and closes; returns the file's sha256 and how many pieces it holds. */
  close(): { sha256: string; count: number } {
    try {
      this.flush();
      fsyncSync(this.fd);
    } finally {
      closeSync(this.fd);
    }
    return { sha256: this.hash.digest('hex'), count: this.count };
  }
}
