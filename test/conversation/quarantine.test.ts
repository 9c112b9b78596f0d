import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/conversation/detect.js';
import type { ReadItem, ReadOptions } from '../../src/conversation/formats.js';
import { InputError, type QuarantineEntry, StrictModeError } from '../../src/conversation/quarantine.js';
import { readConversations } from '../../src/conversation/read.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'affectlens-quarantine-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const good = (text = 'I could use some advice about my flatmate.') =>
  JSON.stringify({
    messages: [
      { role: 'user', content: text },
      { role: 'assistant', content: 'Happy to help. What is going on?' },
    ],
  });

function file(name: string, content: string | Buffer): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(inputs: string[], options: ReadOptions = {}) {
  const items: ReadItem[] = [];
  for await (const item of readConversations(inputs, options)) items.push(item);
  const conversations = items.filter((i) => i.kind === 'conversation').length;
  const quarantined = items.flatMap((i) => (i.kind === 'quarantined' ? [i.entry] : []));
  return { items, conversations, quarantined };
}

/** Reads a file of `records` records and checks read = conversations + quarantined. */
async function readReconciled(path: string, records: number, options: ReadOptions = {}) {
  const out = await readAll([path], options);
  expect(out.conversations + out.quarantined.length).toBe(records);
  return out;
}

function only(entries: QuarantineEntry[]): QuarantineEntry {
  expect(entries).toHaveLength(1);
  return entries[0];
}

describe('quarantine of bad records', () => {
  it('malformed JSON line: named by line, reading goes on', async () => {
    const path = file('malformed.jsonl', `${good()}\n{"messages": [{"role": "user"\n${good()}\n`);
    const { quarantined, conversations } = await readReconciled(path, 3);
    expect(conversations).toBe(2);
    expect(only(quarantined)).toMatchObject({
      file: path,
      position: 2,
      unit: 'line',
      reason: 'malformed_json',
    });
  });

  it('malformed array element: named by 0-based index', async () => {
    const claude = (uuid: string) => ({
      uuid,
      account: { uuid: 'u' },
      chat_messages: [
        { sender: 'human', text: 'hello there', content: [{ type: 'text', text: 'hello there' }] },
      ],
    });
    const body = `[${JSON.stringify(claude('a'))},\n {"uuid": oops, "chat_messages": []},\n${JSON.stringify(claude('c'))}]`;
    const path = file('malformed.json', body);
    const { quarantined } = await readReconciled(path, 3, { format: 'claude' });
    expect(only(quarantined)).toMatchObject({
      file: path,
      position: 1,
      unit: 'index',
      reason: 'malformed_json',
    });
  });

  it('missing field: the detail names the field path', async () => {
    const bad = JSON.stringify({
      messages: [{ role: 'system', content: 'x' }, { role: 'user', content: 'hello' }, { role: 'assistant' }],
    });
    const path = file('missing.jsonl', `${good()}\n${bad}\n`);
    const { quarantined } = await readReconciled(path, 2);
    expect(only(quarantined)).toMatchObject({
      position: 2,
      reason: 'missing_field',
      detail: 'messages[2].content',
    });
  });

  it('wrong shape: messages not an array; an unknown role has its own reason', async () => {
    const notArray = JSON.stringify({ messages: { role: 'user', content: 'hi' } });
    const badRole = JSON.stringify({ messages: [{ role: 'narrator', content: 'hi' }] });
    const path = file('shape.jsonl', `${notArray}\n${badRole}\n[1, 2]\n`);
    const { quarantined } = await readReconciled(path, 3, { format: 'openai' });
    expect(quarantined.map((e) => [e.position, e.reason, e.detail.split(' ')[0]])).toEqual([
      [1, 'wrong_shape', 'messages'],
      [2, 'unknown_role', 'messages[0].role'],
      [3, 'wrong_shape', 'record'],
    ]);
  });

  it('empty conversation: no messages, or every message empty', async () => {
    const none = JSON.stringify({ messages: [] });
    const blank = JSON.stringify({
      messages: [
        { role: 'user', content: '   ' },
        { role: 'assistant', content: null },
      ],
    });
    const path = file('empty.jsonl', `${none}\n${good()}\n${blank}\n`);
    const { quarantined } = await readReconciled(path, 3);
    expect(quarantined.map((e) => [e.position, e.reason])).toEqual([
      [1, 'empty_conversation'],
      [3, 'empty_conversation'],
    ]);
  });

  it('no user message', async () => {
    const path = file(
      'nouser.jsonl',
      `${JSON.stringify({
        messages: [
          { role: 'system', content: 's' },
          { role: 'assistant', content: 'a' },
        ],
      })}\n`,
    );
    const { quarantined } = await readReconciled(path, 1);
    expect(only(quarantined)).toMatchObject({ file: path, position: 1, reason: 'no_user_message' });
  });

  it('invalid UTF-8 bytes quarantine only their own line', async () => {
    const bad = Buffer.concat([
      Buffer.from('{"messages":[{"role":"user","content":"caf'),
      Buffer.from([0xc3, 0x28, 0xff]),
      Buffer.from('"}]}'),
    ]);
    const path = file(
      'utf8.jsonl',
      Buffer.concat([Buffer.from(`${good('café ☕ fine')}\n`), bad, Buffer.from(`\n${good()}\n`)]),
    );
    const { quarantined, items } = await readReconciled(path, 3);
    expect(only(quarantined)).toMatchObject({ position: 2, unit: 'line', reason: 'invalid_utf8' });
    expect(items[0].kind === 'conversation' && items[0].conversation.messages[0].content).toBe(
      'café ☕ fine',
    );
  });

  it('a 50 MB message is quarantined as too large, and the next line is still read', async () => {
    const path = join(tmp, 'huge.jsonl');
    const fd = openSync(path, 'w');
    writeSync(fd, `${good()}\n{"messages":[{"role":"system","content":"s"},{"role":"user","content":"`);
    const block = Buffer.alloc(1 << 20, 'a');
    for (let i = 0; i < 50; i++) writeSync(fd, block);
    writeSync(fd, `"}]}\n${good()}\n`);
    closeSync(fd);

    const byChars = await readReconciled(path, 3);
    expect(only(byChars.quarantined)).toMatchObject({
      position: 2,
      reason: 'message_too_large',
      detail: 'messages[1].content is 52,428,800 characters (limit 1,000,000)',
    });

    // With a record cap below the line size, the line is dropped before it is ever decoded.
    const byBytes = await readReconciled(path, 3, { maxRecordBytes: 8 * 2 ** 20 });
    expect(only(byBytes.quarantined)).toMatchObject({ position: 2, reason: 'message_too_large' });
    expect(only(byBytes.quarantined).detail).toContain('record limit');
  });

  it('an array element over the record cap is skipped without decoding', async () => {
    const big = JSON.stringify({ conversations: [{ from: 'human', value: 'b'.repeat(3 * 2 ** 20) }] });
    const small = JSON.stringify({ conversations: [{ from: 'human', value: 'hello' }] });
    const path = file('big.json', `[${small},${big},${small}]`);
    const { quarantined } = await readReconciled(path, 3, { maxRecordBytes: 2 ** 20 });
    expect(only(quarantined)).toMatchObject({ position: 1, unit: 'index', reason: 'message_too_large' });
  });

  it('wrong format: records of another format inside a file are quarantined', async () => {
    const chatgpt = JSON.stringify({ id: 'x', current_node: 'n', mapping: {} });
    const sharegpt = JSON.stringify({ conversations: [{ from: 'human', value: 'hi' }] });
    const path = file('mixed.jsonl', `${good()}\n${chatgpt}\n${sharegpt}\n`);
    const { quarantined } = await readReconciled(path, 3);
    expect(quarantined.map((e) => [e.position, e.reason])).toEqual([
      [2, 'wrong_format'],
      [3, 'wrong_format'],
    ]);
    expect(quarantined[0].detail).toBe(
      'record looks like ChatGPT export, but the file is read as OpenAI chat JSONL',
    );

    // Forcing a format onto a file of another one quarantines every record as wrong_format.
    const forced = await readReconciled('test/fixtures/formats/openai.jsonl', 3, { format: 'claude' });
    expect(forced.quarantined.map((e) => e.reason)).toEqual(['wrong_format', 'wrong_format', 'wrong_format']);
  });

  it('a truncated export quarantines its last, cut-off element', async () => {
    const path = file(
      'cut.json',
      '[{"conversations":[{"from":"human","value":"hi"}]}, {"conversations":[{"from":"hu',
    );
    const { quarantined } = await readReconciled(path, 2);
    expect(only(quarantined)).toMatchObject({ position: 1, unit: 'index', reason: 'malformed_json' });
    expect(only(quarantined).detail).toContain('truncated');
  });

  it('never puts record content into the detail', async () => {
    const secret = 'my-secret-phone-555-0199';
    const path = file('secret.jsonl', `{"messages": [{"role": "user", "content": "${secret}"}\n`);
    const { quarantined } = await readReconciled(path, 1, { format: 'openai' });
    expect(JSON.stringify(quarantined)).not.toContain(secret);
  });
});

describe('whole-file errors', () => {
  const expected =
    '(expected one of: OpenAI chat JSONL, ShareGPT, WildChat/LMSYS, Claude export, ChatGPT export, labelled JSONL)';

  it('unknown format is one InputError line naming the file and saying what was seen', async () => {
    const path = file('other.jsonl', '{"foo": 1}\n{"bar": 2}\n');
    const err = await detectFormat(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).message).toBe(
      `${path}: unknown format: none of its 2 lines is a conversation of a known format (2 JSON objects without the fields of any format) ${expected}`,
    );
    const text = file('notes.txt', 'just some notes\nnothing structured\n');
    await expect(readAll([text])).rejects.toThrow(
      `${text}: unknown format: none of its 2 lines is a conversation of a known format (2 not valid JSON) ${expected}`,
    );
  });

  it('a file whose first 20 lines are bad is still read: the bad lines are quarantined, not the file', async () => {
    const lines = [
      ...Array.from({ length: 12 }, (_, i) => `not json ${i}`),
      ...Array.from({ length: 8 }, (_, i) => JSON.stringify({ other: i })),
      good(),
      good(),
    ];
    const path = file('bad-head.jsonl', `${lines.join('\n')}\n`);
    expect(await detectFormat(path)).toBe('openai');
    const { quarantined } = await readReconciled(path, 22);
    expect(quarantined).toHaveLength(20);
  });

  it('a file of only bad lines says what its lines were', async () => {
    const lines = [...Array.from({ length: 30 }, (_, i) => `{broken ${i}`), '[1]', '7'];
    const path = file('all-bad.jsonl', `${lines.join('\n')}\n`);
    await expect(detectFormat(path)).rejects.toThrow(
      `${path}: unknown format: none of its 32 lines is a conversation of a known format (30 not valid JSON, 1 JSON arrays, 1 JSON values that are not objects) ${expected}`,
    );
  });

  it('a single pretty-printed object over the size limit is named as such, not "unknown format" alone', async () => {
    const big = {
      messages: [
        { role: 'user', content: 'x'.repeat(40 * 2 ** 20) },
        { role: 'assistant', content: 'y'.repeat(30 * 2 ** 20) },
      ],
    };
    const path = file('big-document.json', JSON.stringify(big, null, 2));
    await expect(detectFormat(path)).rejects.toThrow(
      /big-document\.json: unknown format: it starts like one pretty-printed JSON object, but its first line is not JSON on its own and the file \(6\d\.\d MiB or more\) is over the 64\.0 MiB limit for a single document/,
    );
  });

  it('missing files, empty globs, empty files and corrupt gzip are InputErrors', async () => {
    await expect(readAll([join(tmp, 'nope.jsonl')])).rejects.toThrow(/nope\.jsonl: no such file$/);
    await expect(readAll([join(tmp, 'none-*.jsonl')])).rejects.toThrow(/none-\*\.jsonl: no files match/);
    await expect(readAll([file('empty.jsonl', '')])).rejects.toThrow(/empty\.jsonl: file is empty/);
    const gz = file('broken.jsonl.gz', gzipSync(Buffer.from(`${good()}\n${good()}\n`)).subarray(0, 30));
    await expect(readAll([gz])).rejects.toThrow(InputError);
  });
});

describe('a single pretty-printed JSON object', () => {
  const pretty = (text?: string) => `${JSON.stringify(JSON.parse(good(text)), null, 2)}\n`;

  it('reads as one conversation at index 0, plain or gzipped, detected or forced', async () => {
    const path = file('one.json', `\ufeff${pretty('My flatmate never cleans up.')}`);
    expect(await detectFormat(path)).toBe('openai');
    for (const p of [path, file('one.json.gz', gzipSync(pretty()))]) {
      const out = await readReconciled(p, 1);
      const item = out.items[0];
      expect(item.kind === 'conversation' && item.conversation.source).toMatchObject({
        position: 0,
        unit: 'index',
      });
    }
    const forced = await readReconciled(path, 1, { format: 'openai' });
    expect(forced.conversations).toBe(1);
  });

  it('a pretty-printed object of no known format is still an unknown format', async () => {
    const path = file('other.json', `${JSON.stringify({ foo: { bar: [1, 2] } }, null, 2)}\n`);
    await expect(detectFormat(path)).rejects.toThrow(/other\.json: unknown format/);
  });

  it('a one-object document with a bad message is quarantined with its index, not lost', async () => {
    const doc = JSON.stringify({ messages: [{ role: 'assistant', content: 'Hello?' }] }, null, 2);
    const out = await readReconciled(file('bad.json', doc), 1);
    expect(only(out.quarantined)).toMatchObject({ position: 0, unit: 'index', reason: 'no_user_message' });
  });

  it('JSONL whose first line is broken stays JSONL (the broken line is quarantined)', async () => {
    const out = await readReconciled(file('broken-first.jsonl', `{"messages": [\n${good()}\n${good()}\n`), 3);
    expect(out.conversations).toBe(2);
    expect(only(out.quarantined)).toMatchObject({ position: 1, unit: 'line', reason: 'malformed_json' });
  });
});

describe('--strict', () => {
  it('stops at the first bad record, after yielding the good ones before it', async () => {
    const path = file('strict.jsonl', `${good()}\n${good()}\nnot json\n${good()}\n{"messages": []}\n`);
    const seen: ReadItem[] = [];
    let error: unknown;
    try {
      for await (const item of readConversations([path], { strict: true })) seen.push(item);
    } catch (err) {
      error = err;
    }
    expect(seen).toHaveLength(2);
    expect(error).toBeInstanceOf(StrictModeError);
    expect((error as StrictModeError).entry).toMatchObject({
      file: path,
      position: 3,
      reason: 'malformed_json',
    });
  });
});
