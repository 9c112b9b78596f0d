/**
 * Opens a file as a stream of byte chunks, gunzipping transparently when the file starts with the
 * gzip magic (whatever its name), so `.jsonl.gz` and `.json.gz` read like their plain twins.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { InputError } from '../quarantine.js';

const CHUNK = 1 << 20;

export interface FileHead {
  gzip: boolean;
  /** The first bytes as stored on disk (still compressed when `gzip`). */
  rawHead: Buffer;
}

/** Reads the first bytes of the file; an unreadable path becomes a one-line InputError. */
export async function readHead(file: string, n = 8): Promise<FileHead> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(file);
  } catch (err) {
    throw new InputError(`${file}: cannot read (${errorCode(err)})`, file);
  }
  if (info.isDirectory()) throw new InputError(`${file}: is a directory, not a log file`, file);
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(file, 'r');
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    const rawHead = buf.subarray(0, bytesRead);
    return { gzip: rawHead.length >= 2 && rawHead[0] === 0x1f && rawHead[1] === 0x8b, rawHead };
  } catch (err) {
    throw new InputError(`${file}: cannot read (${errorCode(err)})`, file);
  } finally {
    await handle?.close();
  }
}

/**
 * The file's content as byte chunks. Errors (a corrupt gzip stream, a vanished file) surface as
 * InputError naming the file, because a half-read file cannot be reconciled record by record.
 */
export async function* byteChunks(
  file: string,
  gzip: boolean,
  onRawChunk?: (file: string, chunk: Buffer) => void,
): AsyncGenerator<Buffer, void, undefined> {
  const raw = createReadStream(file, { highWaterMark: CHUNK });
  // Bytes as stored on disk (compressed for .gz): progress compares them with file sizes.
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

function errorCode(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') {
    const e = err as { code: string; message?: string };
    // zlib codes (Z_BUF_ERROR...) say less than their messages ("unexpected end of file").
    if (e.code.startsWith('Z_') && e.message) return e.message;
    return e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.code;
  }
  return err instanceof Error ? err.message.split('\n')[0] : String(err);
}
