/**
 * Opens a file as a stream of byte chunks, gunzipping transparently when the file starts with the
 * gzip magic (whatever its name), so `.jsonl.gz` and `.json.gz` read like their plain twins.
 *
 * Inputs that can be read only once (a named pipe, `<(zcat logs.gz)`, a character device) are read
 * as one stream: what format detection looks at is kept and replayed to the reader, never read
 * twice (a pipe has nothing left to give) and never read at an offset (a pipe cannot seek). A named
 * pipe is opened without blocking, so a pipe that no process writes to is an error after a while
 * instead of a run that hangs.
 */
import { constants, createReadStream, openSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Socket } from 'node:net';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../quarantine.js';

const CHUNK = 1 << 20;

/** How long a named pipe may stay silent before its first byte (default). */
export const DEFAULT_WAIT_FOR_WRITER_MS = 30_000;

export interface FileHead {
  gzip: boolean;
  /** The first bytes as stored on disk (still compressed when `gzip`). */
  rawHead: Buffer;
}

/** Where a file's raw bytes come from: reopened for every read, or one stream read once. */
export interface ByteSource {
  readonly file: string;
  /** False for a pipe or a device: its bytes are replayed, never read again. */
  readonly seekable: boolean;
  /** The first `n` bytes as stored (fewer when the input is shorter). */
  head(n: number): Promise<Buffer>;
  /**
   * The raw bytes from the start. `last`: the final read of this source; a once-only source stops
   * keeping what it reads (earlier reads were kept for it).
   */
  rawStream(last: boolean): Readable;
  close(): void;
}

export interface SourceOptions {
  /** A named pipe silent for this long before its first byte is an error (default 30 s). */
  waitForWriterMs?: number;
}

/** The file as a byte source; an unreadable path becomes a one-line InputError. */
export async function openSource(file: string, options: SourceOptions = {}): Promise<ByteSource> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (err) {
    throw new InputError(`${file}: cannot read (${errorCode(err)})`, file);
  }
  if (info.isDirectory()) throw new InputError(`${file}: is a directory, not a log file`, file);
  if (info.isFile()) return new FileSource(file);
  const waitMs = options.waitForWriterMs ?? DEFAULT_WAIT_FOR_WRITER_MS;
  if (info.isFIFO()) {
    // O_NONBLOCK: opening a pipe for reading otherwise waits, in a thread that cannot be
    // interrupted, until some process opens it for writing. The socket then waits in the event loop.
    let fd: number;
    try {
      // A plain descriptor (not a FileHandle, which would close it when collected): the socket owns it.
      fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (err) {
      throw new InputError(`${file}: cannot read (${errorCode(err)})`, file);
    }
    return new OnceSource(file, new Socket({ fd, readable: true, writable: false }), waitMs, 'pipe');
  }
  return new OnceSource(file, createReadStream(file, { highWaterMark: CHUNK }), waitMs, 'device');
}

/** Reads the first bytes of the file; an unreadable path becomes a one-line InputError. */
export async function readHead(source: ByteSource, n = 8): Promise<FileHead> {
  const rawHead = await source.head(n);
  return { gzip: rawHead.length >= 2 && rawHead[0] === 0x1f && rawHead[1] === 0x8b, rawHead };
}

class FileSource implements ByteSource {
  readonly seekable = true;
  constructor(readonly file: string) {}

  async head(n: number): Promise<Buffer> {
    let handle: Awaited<ReturnType<typeof open>> | undefined;
    try {
      handle = await open(this.file, 'r');
      const buf = Buffer.alloc(n);
      const { bytesRead } = await handle.read(buf, 0, n, 0);
      return buf.subarray(0, bytesRead);
    } catch (err) {
      throw new InputError(`${this.file}: cannot read (${errorCode(err)})`, this.file);
    } finally {
      await handle?.close();
    }
  }

  rawStream(): Readable {
    return createReadStream(this.file, { highWaterMark: CHUNK });
  }

  close(): void {}
}

/**
 * One stream, read once: every chunk taken from it is appended to `kept`, and every read walks
 * `kept` from the start, pulling more when it runs out; the last read lets go of each chunk once it
 * has passed it on. Pulls are serialised, so a read that was abandoned half-way (detection stops
 * early) can never take a chunk the next read would miss.
 */
class OnceSource implements ByteSource {
  readonly seekable = false;
  private readonly kept: (Buffer | null)[] = [];
  private keptBytes = 0;
  private readonly live: AsyncIterator<Buffer>;
  private ended = false;
  private started = false;
  private finalRead = false;
  private pulling: Promise<void> | null = null;

  constructor(
    readonly file: string,
    private readonly stream: Readable,
    private readonly waitMs: number,
    private readonly kind: 'pipe' | 'device',
  ) {
    this.live = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  }

  /** Appends the stream's next chunk to `kept` (or marks the end); one pull at a time. */
  private pull(): Promise<void> {
    this.pulling ??= this.pullOne().finally(() => {
      this.pulling = null;
    });
    return this.pulling;
  }

  private async pullOne(): Promise<void> {
    if (this.ended) return;
    let next: IteratorResult<Buffer>;
    try {
      next = this.started ? await this.live.next() : await this.firstChunk();
    } catch (err) {
      this.ended = true;
      if (err instanceof InputError) throw err;
      throw new InputError(`${this.file}: cannot read (${errorCode(err)})`, this.file);
    }
    this.started = true;
    if (next.done) this.ended = true;
    else {
      this.kept.push(next.value);
      this.keptBytes += next.value.length;
    }
  }

  private async firstChunk(): Promise<IteratorResult<Buffer>> {
    if (this.kind !== 'pipe' || !Number.isFinite(this.waitMs)) return this.live.next();
    let timer: NodeJS.Timeout | undefined;
    const silent = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.close();
        reject(
          new InputError(
            `${this.file}: nothing was written to this pipe in ${formatWait(this.waitMs)} (is the process that writes it running?)`,
            this.file,
          ),
        );
      }, this.waitMs);
    });
    try {
      return await Promise.race([this.live.next(), silent]);
    } finally {
      clearTimeout(timer);
    }
  }

  async head(n: number): Promise<Buffer> {
    while (this.keptBytes < n && !this.ended) await this.pull();
    const all = Buffer.concat(this.kept.filter((c): c is Buffer => c !== null));
    return all.subarray(0, Math.min(n, all.length));
  }

  rawStream(last: boolean): Readable {
    if (this.finalRead) throw new Error(`${this.file}: a pipe is read once; it was already read`);
    if (last) this.finalRead = true;
    const self = this;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let i = 0; ; i++) {
        while (i >= self.kept.length && !self.ended) await self.pull();
        if (i >= self.kept.length) return;
        const chunk = self.kept[i];
        if (chunk === null) throw new Error(`${self.file}: a pipe is read once; it was already read`);
        if (last) self.kept[i] = null;
        yield chunk;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  close(): void {
    this.stream.destroy();
  }
}

function formatWait(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

export interface ChunkOptions {
  /** Called with each chunk as stored (still compressed for .gz), in order, as it is read. */
  onRawChunk?: (file: string, chunk: Buffer) => void;
  /** The final read of the source (see ByteSource.rawStream). */
  last?: boolean;
}

/**
 * The file's content as byte chunks. Errors (a corrupt gzip stream, a vanished file) surface as
 * InputError naming the file, because a half-read file cannot be reconciled record by record.
 */
export async function* byteChunks(
  source: ByteSource,
  gzip: boolean,
  options: ChunkOptions = {},
): AsyncGenerator<Buffer, void, undefined> {
  const file = source.file;
  const raw = source.rawStream(options.last === true);
  // Bytes as stored on disk (compressed for .gz): progress compares them with file sizes.
  const onRawChunk = options.onRawChunk;
  if (onRawChunk) raw.on('data', (chunk) => onRawChunk(file, chunk as Buffer));
  const stream = gzip ? raw.pipe(createGunzip({ chunkSize: CHUNK })) : raw;
  if (gzip) raw.on('error', (err) => stream.destroy(err));
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (err) {
    if (err instanceof InputError) throw err;
    const what = gzip ? 'cannot decompress' : 'cannot read';
    throw new InputError(`${file}: ${what} (${errorCode(err)})`, file);
  } finally {
    stream.destroy();
    raw.destroy();
  }
}

export function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    const e = err as { code: string; message?: string };
    // zlib codes (Z_BUF_ERROR...) say less than their messages ("unexpected end of file").
    if (e.code.startsWith('Z_') && e.message) return e.message;
    return e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.code;
  }
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}
