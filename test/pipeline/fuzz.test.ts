/**
 * Fuzz harness (issue #19): 12,000 records across the six input formats, generated at test time
 * from a seed, about two in three mutated (28 kinds: hostile roles, missing and mistyped fields,
 * renamed keys, deep nesting, oversized strings, odd content parts, broken trees, bad timestamps,
 * non-object records, truncated lines, invalid UTF-8, lone surrogates, stray bytes, concatenated
 * arrays, trailing content, a truncated tail, gzip), run through a whole `analyzeLogs` with the
 * worker-thread engine. Every string of every record carries a planted token, and keys too where a
 * format has free-form keys. The run must not crash, every record read must be accounted for
 * (read = analysed + excluded + quarantined, and read = the records written), and no planted token
 * may appear in quarantine.jsonl, nor anywhere else in the report folder.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMAT_NAMES, type FormatName } from '../../src/conversation/formats.js';
import { QUARANTINE_REASONS } from '../../src/conversation/readers/records.js';
import type { FacetEngine } from '../../src/facets/engine.js';
import { createOfflineEnginePool } from '../../src/facets/offline/pool.js';
import { analyzeLogs } from '../../src/pipeline/analyze.js';
import type { Report } from '../../src/report/reportSchema.js';
import { createRng, pick, type Rng, randInt } from '../../src/util/random.js';
import { type RecordSpec, recordOf, setRole } from '../helpers/formatRecords.js';

const SEED = 19;
const PER_FORMAT = 2000;

/** Every planted token; each is 12 random lowercase letters, unique to one place in one record. */
const planted = new Set<string>();
const TOKEN = /[a-z]{12}/g;

function token(rng: Rng): string {
  let t = '';
  for (let i = 0; i < 12; i++) t += String.fromCharCode(97 + randInt(rng, 26));
  planted.add(t);
  return t;
}

const WORDS = [
  'my partner and I argue about money',
  'I feel anxious before work every day',
  'can you help me plan my week',
  'I am lonely since I moved here',
  'write me a short poem about rain',
  'my boss ignores my ideas',
];

function baseSpec(rng: Rng, i: number, format: FormatName): RecordSpec {
  const turns: RecordSpec['turns'] = [];
  const n = 1 + randInt(rng, 4);
  for (let k = 0; k < n; k++) {
    turns.push({ role: 'user', text: `${pick(rng, WORDS)} ${token(rng)}` });
    turns.push({ role: 'assistant', text: `I hear you ${token(rng)}` });
  }
  // A few ids repeat on purpose (counted as duplicate ids, never dropped).
  const id = randInt(rng, 50) === 0 ? `dup-${format}-${randInt(rng, 5)}` : `${format}-${i}-${token(rng)}`;
  return { id, user: `user-${randInt(rng, 400)}`, turns };
}

const BUILT_INS = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  '__proto__',
  'isPrototypeOf',
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every (container, key) inside a JSON value, for picking a random place to mutate. */
function places(v: Json, out: { parent: Json[] | Record<string, Json>; key: string | number }[] = []) {
  if (Array.isArray(v))
    v.forEach((x, i) => {
      out.push({ parent: v, key: i });
      places(x, out);
    });
  else if (v !== null && typeof v === 'object')
    for (const k of Object.keys(v)) {
      out.push({ parent: v, key: k });
      places(v[k], out);
    }
  return out;
}

function randomValue(rng: Rng): Json {
  switch (randInt(rng, 9)) {
    case 0:
      return null;
    case 1:
      return randInt(rng, 2) === 0;
    case 2:
      return pick(rng, [0, -1, 1e300, -1e-300, 2 ** 53 + 1, 3.5]);
    case 3:
      return token(rng);
    case 4:
      return [];
    case 5:
      return {};
    case 6:
      return [token(rng), { text: token(rng) }, 7];
    case 7:
      return { [token(rng)]: token(rng), text: token(rng) };
    default:
      return pick(rng, BUILT_INS);
  }
}

function deep(depth: number, leaf: Json): Json {
  let v: Json = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
}

/** Value-level mutations: the record stays one JSON value. */
const VALUE_MUTATIONS: ((rec: Record<string, Json>, rng: Rng, format: FormatName) => Json)[] = [
  // 1 a role that is a built-in property name
  (rec, rng, format) => {
    setRole(format, rec, 0, pick(rng, BUILT_INS));
    return rec;
  },
  // 2 a role that is record text, a number, null, an object
  (rec, rng, format) => {
    setRole(format, rec, 0, pick(rng, [token(rng), 5, null, { role: token(rng) }] as Json[]));
    return rec;
  },
  // 3 delete a random field
  (rec, rng) => {
    const p = pick(rng, places(rec));
    if (Array.isArray(p.parent)) p.parent.splice(p.key as number, 1);
    else delete p.parent[p.key as string];
    return rec;
  },
  // 4 replace a random value with a value of another type
  (rec, rng) => {
    const p = pick(rng, places(rec));
    (p.parent as Record<string, Json>)[p.key as string] = randomValue(rng);
    return rec;
  },
  // 5 rename a random key to a built-in name or to record text
  (rec, rng) => {
    const objects = places(rec).filter((p) => !Array.isArray(p.parent));
    const p = pick(rng, objects);
    const parent = p.parent as Record<string, Json>;
    const name = randInt(rng, 2) === 0 ? pick(rng, BUILT_INS) : token(rng);
    const value = parent[p.key as string];
    delete parent[p.key as string];
    Object.defineProperty(parent, name, { value, enumerable: true, writable: true, configurable: true });
    return rec;
  },
  // 6 deep nesting in a random place
  (rec, rng) => {
    const p = pick(rng, places(rec));
    (p.parent as Record<string, Json>)[p.key as string] = deep(200 + randInt(rng, 2000), token(rng));
    return rec;
  },
  // 7 an oversized string (over the run's 200,000-character message limit, or just under)
  (rec, rng, format) => {
    setText(rec, format, `${token(rng)} ${'x'.repeat(pick(rng, [150_000, 210_000]))}`);
    return rec;
  },
  // 8 no messages at all
  (rec, _rng, format) => {
    setMessages(rec, format, []);
    return rec;
  },
  // 9 only assistant messages (no user message)
  (rec, rng, format) => {
    setRole(format, rec, 0, format === 'claude' ? 'assistant' : format === 'sharegpt' ? 'gpt' : 'assistant');
    setText(rec, format, `${token(rng)}`, 0);
    truncateMessages(rec, format, 1);
    return rec;
  },
  // 10 whitespace-only content
  (rec, _rng, format) => {
    setText(rec, format, ' \n\t ');
    return rec;
  },
  // 11 content parts of odd types
  (rec, rng, format) => {
    setText(rec, format, [
      { type: 'image', url: token(rng) },
      { type: token(rng), text: token(rng) },
      5,
      null,
      { text: 5 },
    ] as unknown as string);
    return rec;
  },
  // 12 timestamps out of range or of the wrong kind
  (rec, rng) => {
    for (const k of ['created_at', 'timestamp', 'create_time']) rec[k] = randomValue(rng);
    rec.create_time = pick(rng, [1e300, -1e300, token(rng), [], {}] as Json[]);
    return rec;
  },
  // 13 an id that is a number, an object, empty or record text
  (rec, rng) => {
    for (const k of ['id', 'uuid', 'conversation_hash'])
      if (k in rec) rec[k] = pick(rng, [7, {}, '', token(rng)] as Json[]);
    return rec;
  },
  // 14 unknown keys holding record text
  (rec, rng) => {
    rec[token(rng)] = token(rng);
    rec.metadata = { [token(rng)]: [token(rng)] };
    return rec;
  },
  // 15 not an object at all
  (_rec, rng) => pick(rng, [token(rng), 42, null, [token(rng)], true] as Json[]),
  // 16 the record wrapped in an array
  (rec) => [rec],
  // 17 a lone surrogate in the text (valid JSON, not valid Unicode)
  (rec, rng, format) => {
    setText(rec, format, `${token(rng)} \ud800 ${token(rng)}`);
    return rec;
  },
  // 18 a ChatGPT-style tree broken in a random way (other formats: mapping keys added)
  (rec, rng) => {
    const mapping = rec.mapping as Record<string, Record<string, Json>> | undefined;
    if (!mapping) {
      rec.mapping = { [token(rng)]: { parent: token(rng) } };
      return rec;
    }
    const ids = Object.keys(mapping);
    const node = mapping[pick(rng, ids)];
    switch (randInt(rng, 4)) {
      case 0:
        node.parent = pick(rng, ids); // a cycle, or a node its own parent
        break;
      case 1:
        node.parent = token(rng); // a missing node
        break;
      case 2:
        rec.current_node = pick(rng, [token(rng), ...BUILT_INS]);
        break;
      default:
        node.message = pick(rng, [token(rng), [], 3] as Json[]);
    }
    return rec;
  },
];

/** The first user text of a record (where a message's text sits differs by format). */
function setText(rec: Record<string, Json>, format: FormatName, text: string, k = 0): void {
  const r = rec as Record<string, never>;
  switch (format) {
    case 'openai':
    case 'labelled':
      (r.messages as { content: unknown }[])[k].content = text;
      return;
    case 'sharegpt':
      (r.conversations as { value: unknown }[])[k].value = text;
      return;
    case 'wildchat':
      (r.conversation as { content: unknown }[])[k].content = text;
      return;
    case 'claude':
      (r.chat_messages as { content: unknown; text: unknown }[])[k].content = [{ type: 'text', text }];
      return;
    case 'chatgpt': {
      const nodes = Object.values(r.mapping as Record<string, { message: { content: unknown } | null }>);
      nodes.filter((n) => n.message !== null)[k].message!.content = { content_type: 'text', parts: [text] };
      return;
    }
  }
}

function messageList(format: FormatName): string {
  return {
    openai: 'messages',
    labelled: 'messages',
    sharegpt: 'conversations',
    wildchat: 'conversation',
    claude: 'chat_messages',
    chatgpt: 'mapping',
  }[format];
}

function setMessages(rec: Record<string, Json>, format: FormatName, list: Json[]): void {
  if (format === 'chatgpt') {
    rec.mapping = { root: { id: 'root', message: null, parent: null, children: [] } };
    rec.current_node = 'root';
  } else rec[messageList(format)] = list;
}

function truncateMessages(rec: Record<string, Json>, format: FormatName, n: number): void {
  if (format === 'chatgpt') {
    const mapping = rec.mapping as Record<string, { message: Json; parent: string | null }>;
    const withMessage = Object.entries(mapping).filter(([, node]) => node.message !== null);
    rec.current_node = withMessage[Math.min(n, withMessage.length) - 1][0];
    return;
  }
  (rec[messageList(format)] as Json[]).splice(n);
}

/** Byte-level mutations of one JSONL line (never a newline: one line stays one record). */
const LINE_MUTATIONS: ((line: Buffer, rng: Rng) => Buffer)[] = [
  // 19 truncated
  (line, rng) => line.subarray(0, 1 + randInt(rng, Math.max(1, line.length - 2))),
  // 20 invalid UTF-8 inside
  (line, rng) => {
    const at = 1 + randInt(rng, Math.max(1, line.length - 2));
    return Buffer.concat([
      line.subarray(0, at),
      Buffer.from([pick(rng, [0xff, 0xc3, 0xe2, 0x80])]),
      line.subarray(at),
    ]);
  },
  // 21 stray bytes appended
  (line, rng) => Buffer.concat([line, Buffer.from(` ${token(rng)}]}}`)]),
  // 22 garbage instead of a record
  (_line, rng) => Buffer.from(`${token(rng)}\r`),
  // 23 a JSON text with a duplicate __proto__ key
  (_line, rng) =>
    Buffer.from(
      `{"__proto__": {"messages": 1}, "messages": [{"role": "__proto__", "content": "${token(rng)}"}]}`,
    ),
];

interface Written {
  file: string;
  /** Records the file holds, as the readers must count them. */
  records: number;
}

function mutateValue(rec: Record<string, Json>, rng: Rng, format: FormatName): Json {
  return pick(rng, VALUE_MUTATIONS)(rec, rng, format);
}

function jsonlFile(
  dir: string,
  format: FormatName,
  name: string,
  rng: Rng,
  start: number,
  n: number,
  gzip: boolean,
): Written {
  const lines: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const rec = recordOf(format, baseSpec(rng, start + i, format)) as Record<string, Json>;
    // The first record stays valid so the file is recognised; then about two in three are mutated.
    const roll = i === 0 ? 0 : randInt(rng, 3);
    const value = roll === 2 ? mutateValue(rec, rng, format) : rec;
    let line: Buffer = Buffer.from(JSON.stringify(value));
    if (roll === 1) line = pick(rng, LINE_MUTATIONS)(line, rng);
    lines.push(line);
  }
  // 24 a byte-order mark, and CRLF line ends in some files
  const eol = randInt(rng, 2) === 0 ? '\r\n' : '\n';
  let bytes: Buffer = Buffer.concat([Buffer.from('\ufeff'), ...lines.flatMap((l) => [l, Buffer.from(eol)])]);
  let file = join(dir, `${name}.jsonl`);
  // 25 gzip
  if (gzip) {
    bytes = gzipSync(bytes);
    file += '.gz';
  }
  writeFileSync(file, bytes);
  return { file, records: n };
}

function arrayFile(
  dir: string,
  format: FormatName,
  name: string,
  rng: Rng,
  start: number,
  n: number,
  ending: 'concatenated' | 'trailing' | 'truncated',
): Written {
  const elements: string[] = [];
  for (let i = 0; i < n; i++) {
    const rec = recordOf(format, baseSpec(rng, start + i, format)) as Record<string, Json>;
    const value = i > 0 && randInt(rng, 3) > 0 ? mutateValue(rec, rng, format) : rec;
    elements.push(JSON.stringify(value));
  }
  let text: string;
  let records = n;
  if (ending === 'concatenated') {
    // 26 two exports run together, as `cat a.json b.json` does
    const half = Math.floor(n / 2);
    text = `[\n${elements.slice(0, half).join(',\n')}\n]\n[${elements.slice(half).join(',')}]\n`;
  } else if (ending === 'trailing') {
    // 27 stray content after the closing bracket: one run of bytes, then one more object
    text = `[${elements.join(',')}]]]${token(rng)} ${JSON.stringify(recordOf(format, baseSpec(rng, start + n, format)))}`;
    records += 2;
  } else {
    // 28 the file ends inside its last element
    const last = elements.pop()!;
    text = `[${elements.join(',')},${last.slice(0, Math.floor(last.length / 2))}`;
  }
  const file = join(dir, `${name}.json`);
  writeFileSync(file, text);
  return { file, records };
}

let dir: string;
let engine: FacetEngine;
const written: Written[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'affectlens-fuzz-'));
  const rng = createRng(SEED);
  const half = PER_FORMAT / 2;
  for (const format of FORMAT_NAMES) {
    if (format === 'claude' || format === 'chatgpt') {
      written.push(
        arrayFile(
          dir,
          format,
          `${format}-a`,
          rng,
          0,
          half,
          format === 'claude' ? 'concatenated' : 'truncated',
        ),
      );
      written.push(arrayFile(dir, format, `${format}-b`, rng, half, half, 'trailing'));
    } else if (format === 'sharegpt') {
      written.push(arrayFile(dir, format, `${format}-a`, rng, 0, half, 'trailing'));
      written.push(jsonlFile(dir, format, `${format}-b`, rng, half, half, false));
    } else {
      written.push(jsonlFile(dir, format, `${format}-a`, rng, 0, half, false));
      written.push(jsonlFile(dir, format, `${format}-b`, rng, half, half, format === 'openai'));
    }
  }
  engine = createOfflineEnginePool(1);
});

afterAll(async () => {
  await engine?.close?.();
});

describe('fuzz: 12,000 mutated records across the six formats', () => {
  it('no crash; every record read is analysed, excluded or quarantined; no planted text leaves in quarantine or the report', async () => {
    const expected = written.reduce((n, w) => n + w.records, 0);
    expect(expected).toBeGreaterThanOrEqual(PER_FORMAT * FORMAT_NAMES.length);
    const out = join(dir, 'report');
    const t0 = Date.now();
    const r = await analyzeLogs(
      {
        inputs: written.map((w) => w.file),
        outDir: out,
        seed: SEED,
        read: { maxMessageChars: 200_000, maxRecordBytes: 2 ** 20 },
      },
      { now: () => Date.now(), seed: SEED, log: () => {}, engine },
    );
    const seconds = (Date.now() - t0) / 1000;
    // Nothing read vanished, and everything read is accounted for.
    expect(r.read).toBe(expected);
    expect(r.read).toBe(r.analysed + r.excluded + r.quarantined);
    expect(r.quarantined).toBeGreaterThan(expected * 0.3);
    expect(r.analysed).toBeGreaterThan(expected * 0.3);
    expect(r.duplicateIds).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
    expect(report.funnel.read).toBe(expected);
    expect(report.funnel.analysed + report.funnel.excluded + report.funnel.quarantined).toBe(expected);

    // quarantine.jsonl: positions, reason codes and field names only.
    const lines = readFileSync(join(out, 'quarantine.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(1000);
    const reasons = new Set<string>(QUARANTINE_REASONS);
    for (const line of lines) {
      const e = JSON.parse(line) as Record<string, unknown>;
      expect(
        Object.keys(e).every((k) => ['file', 'line', 'index', 'reason', 'detail', 'omitted'].includes(k)),
      ).toBe(true);
      expect(reasons.has(e.reason as string)).toBe(true);
    }
    const leaks = (text: string) => [...text.matchAll(TOKEN)].map((m) => m[0]).filter((t) => planted.has(t));
    expect(leaks(lines.join('\n'))).toEqual([]);
    // Nor anywhere else in the report folder.
    for (const f of readdirSync(out)) expect([f, leaks(readFileSync(join(out, f), 'utf8'))]).toEqual([f, []]);
    expect(seconds).toBeLessThan(60);
  });
});
