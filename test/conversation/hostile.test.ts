/**
 * Records written to break the readers (issue #19): roles that are built-in object properties,
 * content after a JSON array's closing bracket, record text where a field name is expected, and
 * inputs that can be read only once (named pipes). Each must cost at most its own record, never
 * vanish, and never put record text into a quarantine entry.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/conversation/detect.js';
import {
  FORMAT_NAMES,
  type FormatName,
  type ReadItem,
  type ReadOptions,
} from '../../src/conversation/formats.js';
import { InputError, type QuarantineEntry } from '../../src/conversation/quarantine.js';
import { readConversations } from '../../src/conversation/read.js';
import { jsonArrayRecords } from '../../src/conversation/readers/jsonArray.js';
import { fileText, type RecordSpec, recordOf, setRole } from '../helpers/formatRecords.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'affectlens-hostile-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

async function readAll(inputs: string[], options: ReadOptions = {}): Promise<ReadItem[]> {
  const items: ReadItem[] = [];
  for await (const item of readConversations(inputs, options)) items.push(item);
  return items;
}

const split = (items: ReadItem[]) => ({
  ids: items.flatMap((i) => (i.kind === 'conversation' ? [i.conversation.id] : [])),
  quarantined: items.flatMap((i) => (i.kind === 'quarantined' ? [i.entry] : [])),
});

const spec = (id: string, words = 'I keep arguing with my sister about chores'): RecordSpec => ({
  id,
  user: `u-${id}`,
  turns: [
    { role: 'user', text: words },
    { role: 'assistant', text: 'That sounds hard; what happens when it starts?' },
  ],
});

const BUILT_INS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', '__proto__'];

describe('roles that are built-in object properties', () => {
  it.each(FORMAT_NAMES)(
    '%s: every such role is quarantined as unknown_role, and the records around it are read',
    async (format: FormatName) => {
      const records = [recordOf(format, spec('good-1'))];
      for (const [k, role] of BUILT_INS.entries()) {
        const bad = recordOf(format, spec(`bad-${k}`));
        setRole(format, bad, 1, role);
        records.push(bad);
      }
      records.push(recordOf(format, spec('good-2')));
      const path = file(
        `roles-${format}.${format === 'openai' || format === 'labelled' || format === 'wildchat' ? 'jsonl' : 'json'}`,
        fileText(format, records),
      );
      const { ids, quarantined } = split(await readAll([path], { format }));
      expect(ids).toEqual(['good-1', 'good-2']);
      expect(quarantined.map((e) => e.reason)).toEqual(BUILT_INS.map(() => 'unknown_role'));
      for (const e of quarantined) expect(e.detail).toMatch(/ is not one of /);
    },
  );

  it("Claude's sender: toString is quarantined, not read as a role", async () => {
    const bad = recordOf('claude', spec('c-bad'));
    setRole('claude', bad, 0, 'toString');
    const path = file('claude-sender.json', fileText('claude', [bad, recordOf('claude', spec('c-ok'))]));
    const { ids, quarantined } = split(await readAll([path]));
    expect(ids).toEqual(['c-ok']);
    expect(quarantined).toMatchObject([
      { reason: 'unknown_role', detail: expect.stringContaining('chat_messages[0].sender') },
    ]);
  });

  it('a ChatGPT node id or content type named like a built-in is an ordinary string', async () => {
    const rec = recordOf('chatgpt', spec('g-proto')) as {
      mapping: Record<string, unknown>;
      current_node: string;
    };
    // current_node pointing at "constructor" (not a node of this mapping) is a broken tree, not Object.
    const broken = { ...rec, current_node: 'constructor' };
    const path = file('chatgpt-proto.json', fileText('chatgpt', [broken, rec]));
    const { ids, quarantined } = split(await readAll([path]));
    expect(ids).toEqual(['g-proto']);
    expect(quarantined.map((e) => e.reason)).toEqual(['wrong_shape']);
  });
});

describe('content after the closing ] of a JSON array', () => {
  const claude = (ids: string[]) =>
    fileText(
      'claude',
      ids.map((id) => recordOf('claude', spec(id))),
    );

  it('`cat a.json b.json` of two exports reads both, positions counting on', async () => {
    const path = file('two-exports.json', claude(['a1', 'a2', 'a3']) + claude(['b1', 'b2']));
    const items = await readAll([path]);
    const { ids, quarantined } = split(items);
    expect(ids).toEqual(['a1', 'a2', 'a3', 'b1', 'b2']);
    expect(quarantined).toEqual([]);
    expect(items.map((i) => (i.kind === 'conversation' ? i.conversation.source.position : -1))).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });

  it('`[rec]]]]{rec2}`: the stray brackets are one trailing_content record, rec2 is read', async () => {
    const one = JSON.stringify(recordOf('claude', spec('r1')));
    const two = JSON.stringify(recordOf('claude', spec('r2')));
    const path = file('stray.json', `[${one}]]]]${two}`);
    const { ids, quarantined } = split(await readAll([path]));
    expect(ids).toEqual(['r1', 'r2']);
    expect(quarantined).toMatchObject([{ reason: 'trailing_content', position: 1 }]);
    expect(quarantined[0].detail).toBe(
      '3 bytes after the closing ] of the array are neither an array nor an object',
    );
  });

  it('any other trailing bytes are quarantined (never their text), and a truncated object after ] too', async () => {
    const one = JSON.stringify(recordOf('sharegpt', spec('s1')));
    const path = file('trailing.json', `[${one}]\nSECRET-TRAILER-TEXT {"conversations": [`);
    const { ids, quarantined } = split(await readAll([path]));
    expect(ids).toEqual(['s1']);
    expect(quarantined.map((e) => e.reason)).toEqual(['trailing_content', 'malformed_json']);
    expect(JSON.stringify(quarantined)).not.toContain('SECRET');
  });

  it('a stray } inside an array is one malformed element and reading goes on (it used to loop forever)', async () => {
    async function* chunks() {
      yield Buffer.from('[{"a":1}}{"b":2}, 3 }]');
    }
    const out: { position: number; text?: string }[] = [];
    for await (const batch of jsonArrayRecords(chunks(), 1 << 20, 'x.json'))
      for (const r of batch)
        out.push({ position: r.position, text: r.bytes ? Buffer.from(r.bytes).toString() : undefined });
    expect(out).toEqual([
      { position: 0, text: '{"a":1}' },
      { position: 1, text: '}' },
      { position: 2, text: '{"b":2}' },
      { position: 3, text: '3' },
      { position: 4, text: '}' },
    ]);
  }, 5_000);
});

describe('quarantine entries name places, never record text', () => {
  const CANARY = 'My name is Jane Roe, SSN 123-45-6789';

  /** ChatGPT exports where the text sits in a node id, on each path a problem can be found on. */
  function leakyChatGpt(): unknown[] {
    const base = () =>
      recordOf('chatgpt', spec('leak')) as {
        mapping: Record<string, Record<string, unknown>>;
        current_node: string;
      };
    const rename = (rec: ReturnType<typeof base>, from: string, to: string) => {
      rec.mapping[to] = rec.mapping[from];
      delete rec.mapping[from];
      for (const node of Object.values(rec.mapping)) {
        if (node.parent === from) node.parent = to;
        node.children = (node.children as string[]).map((c) => (c === from ? to : c));
      }
      if (rec.current_node === from) rec.current_node = to;
    };
    const out: unknown[] = [];
    // 1. a parent pointer to a node that is not there
    const missing = base();
    missing.mapping['leak-n1'].parent = `${CANARY} (parent)`;
    out.push(missing);
    // 2. a message that is not an object
    const notObject = base();
    rename(notObject, 'leak-n0', `${CANARY} (node)`);
    notObject.mapping[`${CANARY} (node)`].message = 'a string';
    out.push(notObject);
    // 3. an unknown author role
    const role = base();
    rename(role, 'leak-n1', `${CANARY} (role)`);
    (role.mapping[`${CANARY} (role)`].message as { author: { role: string } }).author.role = CANARY;
    out.push(role);
    // 4. content missing
    const content = base();
    rename(content, 'leak-n1', `${CANARY} (content)`);
    delete (content.mapping[`${CANARY} (content)`].message as { content?: unknown }).content;
    out.push(content);
    // 5. content with neither parts nor text
    const parts = base();
    rename(parts, 'leak-n0', `${CANARY} (parts)`);
    (parts.mapping[`${CANARY} (parts)`].message as { content: unknown }).content = { content_type: CANARY };
    out.push(parts);
    return out;
  }

  it('a ChatGPT node id holding text is described by place and length on every reason path', async () => {
    const path = file('leaky-chatgpt.json', fileText('chatgpt', leakyChatGpt()));
    const { quarantined } = split(await readAll([path]));
    expect(quarantined).toHaveLength(5);
    const text = JSON.stringify(quarantined);
    expect(text).not.toContain('Jane');
    expect(text).not.toContain('123-45');
    expect(quarantined.map((e) => e.detail)).toEqual([
      'mapping[branch node 1 from current_node, id string of 45 characters] is missing',
      'mapping[branch node 1 from the root, id string of 43 characters].message is not an object',
      'mapping[branch node 2 from the root, id string of 43 characters].message.author.role is not one of user, assistant, tool, system',
      'mapping[branch node 2 from the root, id string of 46 characters].message.content',
      'mapping[branch node 1 from the root, id string of 44 characters].message.content has neither parts nor text',
    ]);
  });

  it('in every format, a record full of planted text quarantines without a trace of it', async () => {
    const entries: QuarantineEntry[] = [];
    for (const format of FORMAT_NAMES) {
      const rec = recordOf(format, spec('p1', CANARY));
      setRole(format, rec, 0, CANARY);
      const path = file(
        `planted-${format}.json`,
        fileText(format, [rec, { [CANARY]: CANARY }, CANARY, [CANARY]]),
      );
      entries.push(...split(await readAll([path], { format })).quarantined);
    }
    expect(entries).toHaveLength(FORMAT_NAMES.length * 4);
    expect(JSON.stringify(entries)).not.toContain('Jane');
  });
});

const canMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0;

describe.runIf(canMkfifo && process.platform !== 'win32')('inputs that can be read only once', () => {
  const fifo = (name: string) => {
    const p = join(tmp, name);
    expect(spawnSync('mkfifo', [p]).status).toBe(0);
    return p;
  };
  const lines = (n: number) =>
    Array.from({ length: n }, (_, i) => JSON.stringify(recordOf('openai', spec(`f${i}`)))).join('\n') + '\n';

  it('a named pipe whose writer starts later is read whole (gzip included), nothing read twice', async () => {
    const plain = fifo('plain.pipe');
    const gz = fifo('gz.pipe');
    const source = file('piped.jsonl.gz', gzipSync(lines(300)));
    // As `<(zcat logs.gz)` does: another process writes the pipe; here it starts after the reader.
    setTimeout(
      () => spawn('sh', ['-c', `printf '%s' '${lines(3).replaceAll("'", "'\\''")}' > '${plain}'`]),
      100,
    );
    setTimeout(() => spawn('sh', ['-c', `cat '${source}' > '${gz}'`]), 150);
    const { ids, quarantined } = split(await readAll([plain, gz]));
    expect(quarantined).toEqual([]);
    expect(ids).toHaveLength(303);
    // Files are read in name order: gz.pipe, then plain.pipe.
    expect(ids[299]).toBe('f299');
    expect(ids.slice(300)).toEqual(['f0', 'f1', 'f2']);
  });

  it('an array export through a pipe, bigger than what detection looks at, is read whole', async () => {
    const pipe = fifo('array.pipe');
    const big = fileText(
      'claude',
      Array.from({ length: 3000 }, (_, i) =>
        recordOf('claude', spec(`a${i}`, `${'long words '.repeat(60)}${i}`)),
      ),
    );
    const source = file('array-source.json', big);
    expect(big.length).toBeGreaterThan(2 * 2 ** 20);
    setTimeout(() => spawn('sh', ['-c', `cat '${source}' > '${pipe}'`]), 50);
    const { ids, quarantined } = split(await readAll([pipe]));
    expect(quarantined).toEqual([]);
    expect(ids).toHaveLength(3000);
    expect(new Set(ids).size).toBe(3000);
  });

  it('a named pipe nobody writes to is an error naming it after the wait, not a hang', async () => {
    const pipe = fifo('silent.pipe');
    const t0 = Date.now();
    const err = await readAll([pipe], { waitForWriterMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(
      `${pipe}: nothing was written to this pipe in 300 ms (is the process that writes it running?)`,
    );
    expect(Date.now() - t0).toBeLessThan(5_000);
  }, 10_000);

  it('detectFormat on a pipe does not hang either', async () => {
    const pipe = fifo('detect.pipe');
    setTimeout(
      () => spawn('sh', ['-c', `printf '%s' '${lines(2).replaceAll("'", "'\\''")}' > '${pipe}'`]),
      50,
    );
    expect(await detectFormat(pipe)).toBe('openai');
  });
});
