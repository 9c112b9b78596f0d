/**
 * Single-document container: a file holding one JSON object, pretty-printed over many lines (one
 * conversation saved from a browser or an API response). It yields that object as the one record,
 * at index 0; a document over `maxBytes` is quarantined without being decoded, like a long line.
 */
import { formatBytes, type RecordBatches } from './records.js';

export async function* documentRecords(chunks: AsyncIterable<Buffer>, maxBytes: number): RecordBatches {
  const pieces: Buffer[] = [];
  let size = 0;
  let oversize = false;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > maxBytes) oversize = true;
    if (!oversize) pieces.push(chunk);
  }
  if (oversize) {
    yield [
      {
        position: 0,
        problem: {
          reason: 'message_too_large',
          detail: `document is over the ${formatBytes(maxBytes)} record limit (${formatBytes(size)})`,
        },
      },
    ];
    return;
  }
  let bytes = Buffer.concat(pieces);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  yield [{ position: 0, bytes }];
}

/**
 * Whether a file that starts with `{` is one pretty-printed object rather than JSONL: its first
 * line alone is not JSON, but the whole text is one object. Only called on that first failure, so
 * well-formed JSONL never pays for it.
 */
export function isSingleObject(firstLine: Buffer, whole: () => Promise<Buffer | null>): Promise<boolean> {
  if (parsesAsObject(firstLine)) return Promise.resolve(false);
  return whole().then((all) => all !== null && parsesAsObject(all));
}

function parsesAsObject(bytes: Buffer): boolean {
  try {
    const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    const v: unknown = JSON.parse(bytes.toString('utf8', start));
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
