/**
 * JSONL container: splits byte chunks into lines without decoding them, so a line of invalid
 * UTF-8 is caught on its own and a huge line is dropped past `maxBytes` without ever becoming a
 * JS string. Blank lines are not records; line numbers still count them.
 */
import { formatBytes, type RawRecord, type RecordBatches, withoutBom } from './records.js';

export async function* jsonlRecords(chunks: AsyncIterable<Buffer>, maxBytes: number): RecordBatches {
  let pieces: Buffer[] = [];
  let pending = 0;
  let oversize = false;
  let line = 1;

  const take = (out: RawRecord[], tail: Buffer): void => {
    if (oversize || pending + tail.length > maxBytes) {
      const size = pending + tail.length;
      out.push({
        position: line,
        problem: {
          reason: 'message_too_large',
          detail: `line is over the ${formatBytes(maxBytes)} record limit${oversize ? '' : ` (${formatBytes(size)})`}`,
        },
      });
    } else {
      let bytes = pieces.length > 0 ? Buffer.concat([...pieces, tail]) : tail;
      if (line === 1) bytes = withoutBom(bytes);
      if (!isBlank(bytes)) out.push({ position: line, bytes });
    }
    pieces = [];
    pending = 0;
    oversize = false;
    line++;
  };

  for await (const chunk of chunks) {
    const out: RawRecord[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(0x0a, start); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
      take(out, chunk.subarray(start, nl));
      start = nl + 1;
    }
    if (start < chunk.length && !oversize) {
      const rest = chunk.subarray(start);
      if (pending + rest.length > maxBytes) {
        oversize = true;
        pieces = [];
      } else {
        pieces.push(rest);
        pending += rest.length;
      }
    }
    if (out.length > 0) yield out;
  }
  if (pending > 0 || oversize) {
    const out: RawRecord[] = [];
    take(out, Buffer.alloc(0));
    yield out;
  }
}

/** Whitespace only (including a trailing \r); JSON.parse accepts the \r on real lines. */
function isBlank(bytes: Buffer): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}
