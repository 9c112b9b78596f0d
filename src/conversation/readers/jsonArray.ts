/**
 * JSON-array container: streams the elements of a top-level array (a Claude or ChatGPT export,
 * a ShareGPT dump) one at a time, so a multi-gigabyte export never becomes one JS value. A byte
 * scanner tracks strings, escapes and nesting to find element boundaries; each element is then
 * handed to JSON.parse on its own. This is several times faster than a token-level streaming
 * parser (stream-json) because the heavy lifting stays in V8's native JSON.parse.
 *
 * What follows the closing `]` is read too, never dropped: another array (`cat a.json b.json` of two
 * exports), or objects written after it, are records like the first array's (positions keep
 * counting); any other bytes there are one `trailing_content` record per run of them.
 */
import { InputError } from '../quarantine.js';
import { formatBytes, type RawRecord, type RecordBatches, withoutBom } from './records.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export async function* jsonArrayRecords(
  chunks: AsyncIterable<Buffer>,
  maxBytes: number,
  file: string,
): RecordBatches {
  // Where we are: before the opening '[', between elements, inside one, or past a closing ']'
  // (where another array, an object or stray bytes may follow).
  // (Widened: startElement() changes it, which the compiler's narrowing does not see.)
  let phase = 'start' as 'start' | 'between' | 'element' | 'after';
  // The element being read is an object at the top level (after a closing ']'), not in an array.
  let topLevel = false;
  // Bytes of a run of stray content after a closing ']' not yet reported.
  let stray = 0;
  // Where the element being read starts in the current chunk.
  let elementStart = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let index = 0;
  let pieces: Buffer[] = [];
  let pending = 0;
  let oversize = false;
  let first = true;

  for await (const raw of chunks) {
    let chunk = raw;
    if (first) {
      first = false;
      chunk = withoutBom(chunk);
    }
    const out: RawRecord[] = [];
    const n = chunk.length;
    let i = 0;
    let nextQuote = -1;
    let nextBackslash = -1;
    elementStart = 0;
    while (i < n) {
      if (phase === 'element') {
        let ended = false;
        while (i < n) {
          if (inString) {
            // Jump to the next quote or backslash instead of stepping byte by byte: most of an
            // export's bytes are inside strings.
            if (escaped) {
              escaped = false;
              i++;
              continue;
            }
            if (nextQuote < i) nextQuote = indexOr(chunk, QUOTE, i, n);
            if (nextBackslash < i) nextBackslash = indexOr(chunk, BACKSLASH, i, n);
            if (nextBackslash < nextQuote) {
              i = nextBackslash + 1;
              escaped = true;
              continue;
            }
            if (nextQuote === n) {
              i = n;
              break;
            }
            i = nextQuote + 1;
            inString = false;
            if (depth === 0) {
              ended = true;
              break;
            }
            continue;
          }
          const c = chunk[i];
          if (c === QUOTE) inString = true;
          else if (c === 0x7b || c === 0x5b) depth++;
          else if (c === 0x7d || c === 0x5d) {
            if (depth === 0) {
              // A ']' closing the outer array right after a bare literal (`[1, true]`); a stray
              // '}' or ']' that starts an element is that element (malformed), so the scan moves on.
              if (c === 0x7d && i === elementStart && pending === 0 && !oversize) i++;
              ended = true;
              break;
            }
            depth--;
            if (depth === 0) {
              i++;
              ended = true;
              break;
            }
          } else if (depth === 0 && (c === 0x2c || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09)) {
            ended = true;
            break;
          }
          i++;
        }
        if (!ended) {
          keep(chunk.subarray(elementStart));
          break;
        }
        out.push(finish(chunk.subarray(elementStart, i)));
        phase = topLevel ? 'after' : 'between';
        topLevel = false;
        continue;
      }
      const c = chunk[i];
      const blank = c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
      if (phase === 'after') {
        if (blank || c === 0x5b || c === 0x7b) endStray(out);
        if (blank) i++;
        else if (c === 0x5b) {
          phase = 'between';
          i++;
        } else if (c === 0x7b) {
          startElement(i);
          topLevel = true;
        } else {
          stray++;
          i++;
        }
      } else if (blank) {
        i++;
      } else if (phase === 'start') {
        if (c !== 0x5b) throw new InputError(`${file}: expected a JSON array at the top level`, file);
        phase = 'between';
        i++;
      } else if (c === 0x2c) {
        i++;
      } else if (c === 0x5d) {
        phase = 'after';
        i++;
      } else {
        startElement(i);
      }
    }
    if (out.length > 0) yield out;
  }
  if (stray > 0) {
    const out: RawRecord[] = [];
    endStray(out);
    yield out;
  }

  function startElement(at: number): void {
    phase = 'element';
    elementStart = at;
    depth = 0;
    inString = false;
    escaped = false;
  }

  /** A run of stray bytes after a closing ']' becomes one record that says so (never its bytes). */
  function endStray(out: RawRecord[]): void {
    if (stray === 0) return;
    out.push({
      position: index++,
      problem: {
        reason: 'trailing_content',
        detail: `${formatBytes(stray)} after the closing ] of the array are neither an array nor an object`,
      },
    });
    stray = 0;
  }
  if (phase === 'element') {
    const record = finish(Buffer.alloc(0));
    yield [
      record.problem
        ? record
        : {
            position: record.position,
            problem: { reason: 'malformed_json', detail: 'file ends inside this element (truncated)' },
          },
    ];
  }

  function indexOr(chunk: Buffer, byte: number, from: number, none: number): number {
    const at = chunk.indexOf(byte, from);
    return at < 0 ? none : at;
  }

  function keep(part: Buffer): void {
    if (oversize) return;
    if (pending + part.length > maxBytes) {
      oversize = true;
      pieces = [];
      return;
    }
    pieces.push(part);
    pending += part.length;
  }

  function finish(tail: Buffer): RawRecord {
    const position = index++;
    let record: RawRecord;
    if (oversize || pending + tail.length > maxBytes) {
      record = {
        position,
        problem: {
          reason: 'message_too_large',
          detail: `element is over the ${formatBytes(maxBytes)} record limit`,
        },
      };
    } else {
      record = { position, bytes: pieces.length > 0 ? Buffer.concat([...pieces, tail]) : tail };
    }
    pieces = [];
    pending = 0;
    oversize = false;
    return record;
  }
}
