import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/conversation/detect.js';
import type { FormatName, ReadItem, ReadOptions } from '../../src/conversation/formats.js';
import { type Conversation, ConversationSchema } from '../../src/conversation/model.js';
import { expandInputs, readConversations } from '../../src/conversation/read.js';
import { isCanonicalIso, isoFromMs, toIso } from '../../src/conversation/readers/common.js';
import { jsonArrayRecords } from '../../src/conversation/readers/jsonArray.js';
import { jsonlRecords } from '../../src/conversation/readers/lines.js';
import { createRng, randInt } from '../../src/util/random.js';

const DIR = 'test/fixtures/formats';
const FIXTURES: Record<FormatName, string> = {
  openai: `${DIR}/openai.jsonl`,
  sharegpt: `${DIR}/sharegpt.json`,
  wildchat: `${DIR}/wildchat.jsonl`,
  claude: `${DIR}/claude.json`,
  chatgpt: `${DIR}/chatgpt.json`,
  labelled: `${DIR}/labelled.jsonl`,
};

async function readAll(inputs: string[], options: ReadOptions = {}): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readConversations(inputs, options)) items.push(item);
  return items;
}

async function conversations(inputs: string[], options: ReadOptions = {}): Promise<Conversation[]> {
  const items = await readAll(inputs, options);
  const quarantined = items.filter((i) => i.kind === 'quarantined');
  expect(quarantined).toEqual([]);
  return items.flatMap((i) => (i.kind === 'conversation' ? [i.conversation] : []));
}

const roleAndText = (c: Conversation, withSystem = true) =>
  c.messages
    .filter((m) => withSystem || m.role !== 'system')
    .map((m) => ({ role: m.role, content: m.content }));

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'affectlens-readers-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('format detection', () => {
  it.each(Object.entries(FIXTURES))('detects %s', async (format, file) => {
    expect(await detectFormat(file)).toBe(format);
  });

  it('detects message-level labelled files', async () => {
    expect(await detectFormat(`${DIR}/labelled-sentences.jsonl`)).toBe('labelled');
  });
});

describe('the same three conversations in every format', () => {
  it('read into identical message lists', async () => {
    const byFormat = {} as Record<FormatName, Conversation[]>;
    for (const [format, file] of Object.entries(FIXTURES) as [FormatName, string][]) {
      byFormat[format] = await conversations([file]);
      expect(byFormat[format]).toHaveLength(3);
      for (const c of byFormat[format]) expect(ConversationSchema.parse(c)).toEqual(c);
    }
    const reference = byFormat.openai;
    expect(roleAndText(reference[0])[0]).toEqual({ role: 'system', content: 'You are a helpful assistant.' });
    // Multi-part content joins text parts with a newline; the image part is skipped.
    expect(reference[1].messages[1].content).toBe(
      'My sister and I argued about who hosts the holidays this year.\nHow do I bring it up again without starting another fight?',
    );
    expect(reference[1].metadata.skippedParts).toEqual({ image_url: 1 });
    for (const format of ['sharegpt', 'wildchat', 'labelled'] as const) {
      expect(
        byFormat[format].map((c) => roleAndText(c)),
        format,
      ).toEqual(reference.map((c) => roleAndText(c)));
    }
    // Claude exports carry no system prompt; ChatGPT's is hidden and skipped.
    for (const format of ['claude', 'chatgpt'] as const) {
      expect(
        byFormat[format].map((c) => roleAndText(c)),
        format,
      ).toEqual(reference.map((c) => roleAndText(c, false)));
    }
  });

  it('follows current_node in a ChatGPT export and leaves the edited-away branch out', async () => {
    const [, , c] = await conversations([FIXTURES.chatgpt]);
    const text = c.messages.map((m) => m.content).join('|');
    expect(text).not.toContain('poire');
    expect(c.messages.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    const raw = JSON.parse(readFileSync(FIXTURES.chatgpt, 'utf8'));
    // The branch really is in the fixture, so the test would fail if the walk took it.
    expect(JSON.stringify(raw[2].mapping)).toContain('poire');
  });

  it('maps ids, user ids and timestamps as each format defines them', async () => {
    const openai = await conversations([FIXTURES.openai]);
    expect(openai.map((c) => [c.id, c.userId, c.createdAt])).toEqual([
      ['conv-a', 'user-1', '2024-03-05T10:00:00.000Z'],
      ['conv-b', 'user-2', '2024-03-06T18:30:00.000Z'],
      ['conv-c', 'user-1', '2024-03-07T08:15:00.000Z'],
    ]);
    expect(openai[0].source).toEqual({ file: FIXTURES.openai, position: 1, unit: 'line' });

    const wildchat = await conversations([FIXTURES.wildchat]);
    expect(wildchat[0]).toMatchObject({
      id: 'hash-conv-a',
      userId: 'ip-user-1',
      createdAt: '2024-03-05T10:00:00.000Z',
      metadata: { language: 'English', turn: 2, model: 'gpt-4-0314', toxic: false, redacted: false },
    });
    // A timestamp without an offset is UTC, not the machine's local time.
    expect(wildchat[0].messages[1].createdAt).toBe('2024-03-05T10:00:00.000Z');
    expect(wildchat[0].metadata).not.toHaveProperty('openai_moderation');

    const claude = await conversations([FIXTURES.claude]);
    expect(claude.map((c) => [c.id, c.userId, c.createdAt])).toEqual([
      ['conv-a', 'user-1', '2024-03-05T10:00:00.000Z'],
      ['conv-b', 'user-2', '2024-03-06T18:30:00.000Z'],
      ['conv-c', 'user-1', '2024-03-07T08:15:00.000Z'],
    ]);
    expect(claude[0].source).toEqual({ file: FIXTURES.claude, position: 0, unit: 'index' });
    expect(claude[0].metadata.skippedParts).toEqual({ tool_use: 1 });

    const chatgpt = await conversations([FIXTURES.chatgpt]);
    expect(chatgpt.map((c) => [c.id, c.userId, c.createdAt])).toEqual([
      ['conv-a', undefined, '2024-03-05T10:00:00.123Z'],
      ['conv-b', undefined, '2024-03-06T18:30:00.123Z'],
      ['conv-c', undefined, '2024-03-07T08:15:00.123Z'],
    ]);
    expect(chatgpt[0].messages[0].createdAt).toBe('2024-03-05T10:00:00.250Z');

    const sharegpt = await conversations([FIXTURES.sharegpt]);
    expect(sharegpt.map((c) => c.id)).toEqual(['conv-a', 'conv-b', 'conv-c']);
    expect(sharegpt[0].userId).toBeUndefined();

    const labelled = await conversations([FIXTURES.labelled]);
    expect(labelled[1].metadata.labels).toEqual({
      categories: ['interpersonal_advice'],
      content_creation: false,
    });
    expect(labelled[1].userId).toBe('user-2');
  });

  it('reads message-level labelled files as one user message with every other field as labels', async () => {
    const [s1, s2] = await conversations([`${DIR}/labelled-sentences.jsonl`]);
    expect(s1.messages).toEqual([
      { role: 'user', content: 'I finally finished the marathon and I feel amazing.' },
    ]);
    expect(s1.metadata.labels).toEqual({ label: 'joy', valence: 0.9 });
    expect(s2.metadata.labels).toEqual({ label: 'sadness', valence: -0.6, source: 'handwritten' });
  });

  it('defaults ids to <basename>:<position>', async () => {
    const file = join(tmp, 'noid.jsonl');
    writeFileSync(file, `\n${JSON.stringify({ messages: [{ role: 'user', content: 'hello' }] })}\n`);
    const [c] = await conversations([file]);
    expect(c.id).toBe('noid.jsonl:2');
  });

  it('reads LMSYS rows: conversation_id as id, no user', async () => {
    const file = join(tmp, 'lmsys.jsonl');
    const row = {
      conversation_id: 'abc123',
      model: 'vicuna-13b',
      conversation: [
        { role: 'user', content: 'What should I cook tonight?' },
        { role: 'assistant', content: 'How about a simple vegetable curry?' },
      ],
      turn: 1,
      language: 'English',
      openai_moderation: [{ flagged: false }],
      redacted: false,
    };
    writeFileSync(file, `${JSON.stringify(row)}\n`);
    const [c] = await conversations([file]);
    expect(c).toMatchObject({ id: 'abc123', metadata: { model: 'vicuna-13b', turn: 1, redacted: false } });
    expect(c.userId).toBeUndefined();
  });

  it('reads ShareGPT as JSONL too, and a top-level system field', async () => {
    const file = join(tmp, 'sg.jsonl');
    const rec = {
      system: 'Be concise.',
      conversations: [
        { from: 'human', value: 'hi' },
        { from: 'bard', value: 'hello' },
      ],
    };
    writeFileSync(file, `${JSON.stringify(rec)}\n`);
    const [c] = await conversations([file]);
    expect(roleAndText(c)).toEqual([
      { role: 'system', content: 'Be concise.' },
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
    ]);
  });
});

describe('containers', () => {
  it('reads gzipped JSONL and gzipped JSON arrays exactly like the plain files', async () => {
    for (const name of ['openai.jsonl', 'claude.json']) {
      const gz = join(tmp, `${name}.gz`);
      writeFileSync(gz, gzipSync(readFileSync(`${DIR}/${name}`)));
      const plain = await conversations([`${DIR}/${name}`]);
      const zipped = await conversations([gz]);
      expect(zipped.map(({ source, ...rest }) => rest)).toEqual(plain.map(({ source, ...rest }) => rest));
      expect(zipped[0].source.file).toBe(gz);
    }
  });

  it('reads WildChat Parquet (made here with DuckDB) like the JSONL rows', async () => {
    const parquet = join(tmp, 'wildchat.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(
      `COPY (SELECT * FROM read_json('${FIXTURES.wildchat}', format = 'newline_delimited')) TO '${parquet}' (FORMAT parquet)`,
    );
    connection.closeSync();
    instance.closeSync();
    expect(await detectFormat(parquet)).toBe('wildchat');
    const fromParquet = await conversations([parquet]);
    const fromJsonl = await conversations([FIXTURES.wildchat]);
    expect(fromParquet.map(({ source, ...rest }) => rest)).toEqual(
      fromJsonl.map(({ source, ...rest }) => rest),
    );
    expect(fromParquet[2].source).toEqual({ file: parquet, position: 2, unit: 'index' });
  });

  it('expands globs over several files, sorted and de-duplicated, in file order', async () => {
    const files = await expandInputs([`${DIR}/*.jsonl`, FIXTURES.openai]);
    expect(files).toEqual([
      `${DIR}/labelled-sentences.jsonl`,
      `${DIR}/labelled.jsonl`,
      `${DIR}/openai.jsonl`,
      `${DIR}/wildchat.jsonl`,
    ]);
    const items = await readAll([`${DIR}/*.jsonl`]);
    expect(items.map((i) => i.format)).toEqual([
      'labelled',
      'labelled',
      'labelled',
      'labelled',
      'labelled',
      'openai',
      'openai',
      'openai',
      'wildchat',
      'wildchat',
      'wildchat',
    ]);
  });

  it('accepts CRLF line endings and a byte-order mark', async () => {
    const file = join(tmp, 'crlf.jsonl');
    const line = JSON.stringify({ messages: [{ role: 'user', content: 'hello' }] });
    writeFileSync(file, `\ufeff${line}\r\n${line}\r\n`);
    expect(await conversations([file])).toHaveLength(2);
  });

  it('lets --format override detection (a ShareGPT array read as sharegpt)', async () => {
    const copy = join(tmp, 'renamed.data');
    copyFileSync(FIXTURES.sharegpt, copy);
    expect(await conversations([copy], { format: 'sharegpt' })).toHaveLength(3);
  });
});

describe('byte splitters', () => {
  const rng = createRng(7);
  const tricky = [
    'a',
    '"',
    '\\',
    '\\"',
    '[',
    ']',
    '{',
    '}',
    ',',
    ' ',
    '\n',
    'é',
    '☕',
    '😊',
    '\u0000',
    'x y',
  ];
  const randomString = () =>
    Array.from({ length: randInt(rng, 8) }, () => tricky[randInt(rng, tricky.length)]).join('');
  const randomValue = (depth: number): unknown => {
    const k = randInt(rng, depth > 2 ? 4 : 6);
    if (k === 0) return randomString();
    if (k === 1) return randInt(rng, 1000) - 500;
    if (k === 2) return [true, false, null][randInt(rng, 3)];
    if (k === 3) return 1.5e-3;
    if (k === 4) return Array.from({ length: randInt(rng, 4) }, () => randomValue(depth + 1));
    return Object.fromEntries(
      Array.from({ length: randInt(rng, 4) }, () => [randomString(), randomValue(depth + 1)]),
    );
  };
  async function* chunked(bytes: Buffer): AsyncGenerator<Buffer> {
    for (let i = 0; i < bytes.length; ) {
      const size = 1 + randInt(rng, 40);
      yield bytes.subarray(i, i + size);
      i += size;
    }
  }
  const decode = (b: Uint8Array | undefined) => JSON.parse(Buffer.from(b ?? []).toString('utf8'));

  it('splits arrays of arbitrary JSON values at element boundaries, whatever the chunking', async () => {
    for (let round = 0; round < 200; round++) {
      const values = Array.from({ length: randInt(rng, 6) }, () => randomValue(0));
      const text = round % 2 === 0 ? JSON.stringify(values) : JSON.stringify(values, null, 2);
      const got: unknown[] = [];
      for await (const batch of jsonArrayRecords(chunked(Buffer.from(text)), 1 << 20, 'x.json')) {
        for (const r of batch) got.push(decode(r.bytes));
      }
      expect(got).toEqual(values);
    }
  });

  it('splits JSONL lines whatever the chunking, numbering blank lines too', async () => {
    for (let round = 0; round < 100; round++) {
      const values = Array.from({ length: 1 + randInt(rng, 6) }, () => ({ v: randomValue(1) }));
      const text = values.map((v) => JSON.stringify(v)).join('\n\n');
      const got: [number, unknown][] = [];
      for await (const batch of jsonlRecords(chunked(Buffer.from(text)), 1 << 20)) {
        for (const r of batch) got.push([r.position, decode(r.bytes)]);
      }
      expect(got).toEqual(values.map((v, i) => [2 * i + 1, v]));
    }
  });
});

describe('timestamps', () => {
  it('isoFromMs agrees with Date#toISOString, including leap days, fractions and negatives', () => {
    const rng = createRng(11);
    const values = [
      0, -1, 86_399_999, 951_782_400_000, 951_868_800_000, 1_709_632_800_250.9, -1_709_632_800_250.9,
    ];
    for (let i = 0; i < 5000; i++)
      values.push((rng() * 2 - 1) * 62_167_219_200_000, rng() * 253_402_300_799_999);
    for (const v of values) expect(isoFromMs(v)).toBe(new Date(v).toISOString());
    expect(isoFromMs(8.64e15 + 1)).toBeUndefined();
  });

  it('a canonical ISO string is kept as it is only when Date.parse would give it back unchanged', () => {
    const rng = createRng(12);
    const pick = (options: string[]) => options[randInt(rng, options.length)];
    const two = (max: number) => String(randInt(rng, max + 1)).padStart(2, '0');
    let canonical = 0;
    for (let i = 0; i < 20_000; i++) {
      const v = [
        pick(['2025', '2024', '2000', '1900', '0000', '9999', '1970', '2100', '20x5']),
        '-',
        pick([two(13), '02', '04', '12']),
        '-',
        pick([two(32), '28', '29', '30', '31']),
        pick(['T', 'T', ' ']),
        pick([two(24), '23', '24']),
        ':',
        two(60),
        ':',
        pick([two(60), '59', '60']),
        '.',
        pick([String(randInt(rng, 1000)).padStart(3, '0'), '1x0']),
        pick(['Z', 'Z', 'z', '+']),
      ].join('');
      const ms = Date.parse(v);
      const slow = Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
      if (isCanonicalIso(v)) {
        canonical++;
        expect(slow, v).toBe(v);
      }
      // Every string here ends in a zone, so the slow path is Date.parse alone.
      expect(toIso(v), v).toBe(slow);
    }
    expect(canonical).toBeGreaterThan(500);
  });
});
