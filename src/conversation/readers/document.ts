/**
 * Single-document container: a file holding one JSON object, pretty-printed over many lines (one
 * conversation saved from a browser or an API response). It yields that object as the one record,
 * at index 0; a document over `maxBytes` is quarantined without being decoded, like a long line.
 */
import { formatBytes, type RecordBatches, withoutBom } from './records.js';

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
  yield [{ position: 0, bytes: withoutBom(Buffer.concat(pieces)) }];
}

/**
 * The object a file that starts with `{` holds when it is one pretty-printed object rather than
 * JSONL (its first line alone is not JSON, but the whole text is one object); undefined otherwise.
 * Only called on that first failure, so well-formed JSONL never pays for it, and the parsed object
 * is returned so detection classifies it without reading the file again.
 */
export async function singleObject(
  firstLine: Buffer,
  whole: () => Promise<Buffer | null>,
): Promise<Record<string, unknown> | undefined> {
  if (parseObject(firstLine) !== undefined) return undefined;
  const all = await whole();
  return all === null ? undefined : parseObject(all);
}

function parseObject(bytes: Buffer): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(withoutBom(bytes).toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v)
      ? (v as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
