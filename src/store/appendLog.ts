/**
 * The durable half of the run-store files (results, embeddings, cluster names): an append-only file
 * whose writes are buffered and fsynced in ~1 MB steps, opened after the caller has read what is
 * there and found where the last complete record ends (a torn tail beyond it is cut off).
 *
 * Two strengths of "written": `write()` hands what is queued to the operating system (it survives a
 * kill -9 of this process, which is what a paid answer needs the moment it arrives), `flush()` also
 * fsyncs (it survives a power cut; done per batch, since an fsync per answer would cost more than
 * the answer on some disks).
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { makeDir } from '../util/makeDir.js';

const FLUSH_BYTES = 1 << 20;

export class AppendLog {
  private fd: number | null;
  private pending: (string | Buffer)[] = [];
  private pendingBytes = 0;
  private unsynced = false;

  /** `validBytes`: where the last complete record ends; anything after it is cut. */
  constructor(
    readonly file: string,
    validBytes: number,
  ) {
    makeDir(dirname(file));
    this.fd = openSync(file, 'a+');
    if (validBytes < fstatSync(this.fd).size) ftruncateSync(this.fd, validBytes);
  }

  /** Queues a record; durable after the next flush (automatic every ~1 MB). */
  append(record: string | Buffer): void {
    this.pending.push(record);
    this.pendingBytes += record.length;
    if (this.pendingBytes > FLUSH_BYTES) this.flush();
  }

  /** Writes what is queued (no fsync): a kill -9 of this process after this loses nothing appended. */
  write(): void {
    if (this.fd === null || this.pending.length === 0) return;
    writeSync(this.fd, Buffer.concat(this.pending.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
    this.pending = [];
    this.pendingBytes = 0;
    this.unsynced = true;
  }

  /** Writes what is queued and fsyncs, so not even a power cut after this loses anything appended. */
  flush(): void {
    this.write();
    if (this.fd === null || !this.unsynced) return;
    fsyncSync(this.fd);
    this.unsynced = false;
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
