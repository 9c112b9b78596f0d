/**
 * The durable half of both run-store files (results, embeddings): an append-only file whose writes
 * are buffered and fsynced in ~1 MB steps, opened after the caller has read what is there and
 * found where the last complete record ends (a torn tail beyond it is cut off).
 */
import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

const FLUSH_BYTES = 1 << 20;

export class AppendLog {
  private fd: number | null;
  private pending: (string | Buffer)[] = [];
  private pendingBytes = 0;

  /** `validBytes`: where the last complete record ends; anything after it is cut. */
  constructor(
    readonly file: string,
    validBytes: number,
  ) {
    mkdirSync(dirname(file), { recursive: true });
    this.fd = openSync(file, 'a+');
    if (validBytes < fstatSync(this.fd).size) ftruncateSync(this.fd, validBytes);
  }

  /** Queues a record; durable after the next flush (automatic every ~1 MB). */
  append(record: string | Buffer): void {
    this.pending.push(record);
    this.pendingBytes += record.length;
    if (this.pendingBytes > FLUSH_BYTES) this.flush();
  }

  /** Writes what is queued and fsyncs, so a SIGKILL after this loses nothing appended. */
  flush(): void {
    if (this.fd === null || this.pending.length === 0) return;
    writeSync(this.fd, Buffer.concat(this.pending.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
    fsyncSync(this.fd);
    this.pending = [];
    this.pendingBytes = 0;
  }

  close(): void {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /** Closes and deletes the file (its records are sensitive). */
  remove(): void {
    this.close();
    rmSync(this.file, { force: true });
  }
}
