/**
 * The embedding cache: one vector per sha256(embedder id + text), in the run folder, so a rerun or a
 * resumed run never pays for an embedding twice.
 *
 * Append-only binary log, for the same reasons as the run store (a record is written once and never
 * changed; a SIGKILL can at worst tear the last record, which `open` cuts off). Binary rather than
 * JSONL because a 1,536-float vector is 6 KB raw and ~20 KB as JSON text. Record layout:
 *   32 bytes  sha256 digest of `${embedderId}\0${text}`
 *    4 bytes  dim (uint32 LE)
 *  4×dim bytes float32 LE
 * Embeddings of concern summaries are derived from sensitive text: `purge()` deletes the file with
 * the run store once the report is written.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { AppendLog } from './appendLog.js';

/** A dimension above this is a corrupt record, not a model. */
const MAX_DIM = 1 << 16;

export interface EmbeddingCacheStats {
  loaded: number;
  written: number;
  /** Bytes of a torn or corrupt tail cut off on open. */
  truncatedBytes: number;
}

export class EmbeddingCache {
  private readonly vectors = new Map<string, Float32Array>();
  private log: AppendLog | null = null;
  readonly stats: EmbeddingCacheStats = { loaded: 0, written: 0, truncatedBytes: 0 };

  private constructor(readonly file: string) {}

  static key(embedderId: string, text: string): string {
    return createHash('sha256').update(`${embedderId}\u0000${text}`).digest('hex');
  }

  static open(file: string): EmbeddingCache {
    const cache = new EmbeddingCache(file);
    let valid = 0;
    if (existsSync(file)) {
      const buf = readFileSync(file);
      let pos = 0;
      while (pos + 36 <= buf.length) {
        const dim = buf.readUInt32LE(pos + 32);
        const end = pos + 36 + dim * 4;
        if (dim === 0 || dim > MAX_DIM || end > buf.length) break;
        const vec = new Float32Array(dim);
        for (let d = 0; d < dim; d++) vec[d] = buf.readFloatLE(pos + 36 + d * 4);
        cache.vectors.set(buf.toString('hex', pos, pos + 32), vec);
        pos = end;
      }
      valid = pos;
      cache.stats.truncatedBytes = buf.length - valid;
      cache.stats.loaded = cache.vectors.size;
    }
    cache.log = new AppendLog(file, valid);
    return cache;
  }

  get size(): number {
    return this.vectors.size;
  }

  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  /** Queues a vector; durable after the next `flush()` (automatic every ~1 MB). */
  put(key: string, vec: Float32Array): void {
    if (!/^[0-9a-f]{64}$/.test(key))
      throw new Error(`embedding cache: key must be a sha256 hex digest, got "${key}"`);
    if (vec.length === 0 || vec.length > MAX_DIM)
      throw new Error(`embedding cache: bad vector length ${vec.length}`);
    if (this.vectors.has(key)) return;
    const copy = Float32Array.from(vec);
    this.vectors.set(key, copy);
    const rec = Buffer.alloc(36 + copy.length * 4);
    rec.write(key, 0, 'hex');
    rec.writeUInt32LE(copy.length, 32);
    for (let d = 0; d < copy.length; d++) rec.writeFloatLE(copy[d], 36 + d * 4);
    this.log?.append(rec);
    this.stats.written++;
  }

  flush(): void {
    this.log?.flush();
  }

  close(): void {
    this.log?.close();
  }

  purge(): void {
    this.log?.remove();
    this.vectors.clear();
  }
}
