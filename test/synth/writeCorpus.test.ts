import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/conversation/model.js';
import { generateConversations, type SynthRecord } from '../../src/synth/generate.js';
import {
  SYNTH_FORMATS,
  type SynthFormat,
  truthSidecarPath,
  writeSynthCorpus,
} from '../../src/synth/writeCorpus.js';

const dir = mkdtempSync(join(tmpdir(), 'affectlens-synth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OPTS = { n: 120, seed: 5, chineseShare: 0.1, canaryShare: 0.2, affectiveShare: 0.3 };
const records = (): SynthRecord[] => [...generateConversations(OPTS)];
const EXT: Record<SynthFormat, string> = {
  openai: 'jsonl',
  sharegpt: 'jsonl',
  wildchat: 'jsonl',
  claude: 'json',
  chatgpt: 'json',
  labelled: 'jsonl',
};

async function write(format: SynthFormat, suffix = ''): Promise<string> {
  const file = join(dir, `${format}${suffix}.${EXT[format]}`);
  const res = await writeSynthCorpus(records(), file, format);
  expect(res.conversations).toBe(OPTS.n);
  expect(res.bytes).toBe(readFileSync(file).length);
  return file;
}

function parse(file: string, format: SynthFormat): Record<string, unknown>[] {
  const text = readFileSync(file, 'utf8');
  if (EXT[format] === 'json') return JSON.parse(text);
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

describe('truthSidecarPath', () => {
  it('swaps the extension and keeps .gz', () => {
    expect(truthSidecarPath('examples/sample.jsonl')).toBe('examples/sample.truth.jsonl');
    expect(truthSidecarPath('x/c.json')).toBe('x/c.truth.jsonl');
    expect(truthSidecarPath('c.jsonl.gz')).toBe('c.truth.jsonl.gz');
    expect(truthSidecarPath('plain')).toBe('plain.truth.jsonl');
  });
});

describe('writers produce the documented shapes', () => {
  it('openai', async () => {
    const rows = parse(await write('openai'), 'openai');
    const r = rows[0] as {
      id: string;
      user: string;
      created_at: string;
      messages: { role: string; content: string }[];
    };
    expect(Object.keys(r)).toEqual(['id', 'user', 'created_at', 'messages']);
    expect(r.messages[0]).toEqual({ role: 'user', content: expect.any(String) });
  });

  it('sharegpt', async () => {
    const rows = parse(await write('sharegpt'), 'sharegpt') as {
      conversations: { from: string; value: string }[];
    }[];
    for (const r of rows)
      for (const [i, m] of r.conversations.entries()) expect(m.from).toBe(i % 2 ? 'gpt' : 'human');
  });

  it('wildchat', async () => {
    const rows = parse(await write('wildchat'), 'wildchat');
    for (const r of rows) {
      expect(r.conversation_hash).toMatch(/^[0-9a-f]{32}$/);
      expect(r.hashed_ip).toMatch(/^[0-9a-f]{64}$/);
      expect(['English', 'Chinese']).toContain(r.language);
      expect(r.turn).toBe((r.conversation as unknown[]).length / 2);
      expect(typeof r.model).toBe('string');
      expect(Date.parse(r.timestamp as string)).not.toBeNaN();
    }
  });

  it('claude', async () => {
    const rows = parse(await write('claude'), 'claude');
    expect(Array.isArray(rows)).toBe(true);
    const r = rows[0] as {
      uuid: string;
      account: { uuid: string };
      chat_messages: { sender: string; text: string; content: { type: string; text: string }[] }[];
    };
    expect(r.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(r.account.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.chat_messages[0].sender).toBe('human');
    expect(r.chat_messages[0].content).toEqual([{ type: 'text', text: r.chat_messages[0].text }]);
  });

  it('chatgpt: a tree whose current path holds the conversation, with some abandoned branches', async () => {
    const rows = parse(await write('chatgpt'), 'chatgpt') as {
      current_node: string;
      create_time: number;
      mapping: Record<
        string,
        { parent: string | null; children: string[]; message: null | { content: { parts: string[] } } }
      >;
    }[];
    let branched = 0;
    for (const r of rows) {
      expect(typeof r.create_time).toBe('number');
      let id: string | null = r.current_node;
      let onPath = 0;
      while (id !== null) {
        onPath++;
        id = r.mapping[id].parent;
      }
      const nodes = Object.keys(r.mapping).length;
      if (nodes > onPath) branched++;
      expect(nodes).toBeGreaterThanOrEqual(onPath);
    }
    expect(branched).toBeGreaterThan(0);
  });

  it('labelled carries the labels validate reads', async () => {
    const rows = parse(await write('labelled'), 'labelled') as { labels: Record<string, unknown> }[];
    const truth = records();
    rows.forEach((r, i) => {
      const t = truth[i].truth;
      expect(r.labels).toMatchObject({
        affective: t.categories.length > 0,
        categories: t.categories,
        category: t.categories[0] ?? 'none',
        content_creation: t.contentCreation,
        pushback: t.pushback,
        pushback_reason: t.pushbackReason,
        sentiment: t.sentiment,
        topic: t.topic,
      });
    });
    expect(existsSync(truthSidecarPath(join(dir, 'labelled.jsonl')))).toBe(false);
  });

  it('writes byte-identical files for the same options, and gzip when asked', async () => {
    const a = readFileSync(await write('claude', '-a'));
    const b = readFileSync(await write('claude', '-b'));
    expect(a.equals(b)).toBe(true);
    const gz = join(dir, 'openai.jsonl.gz');
    await writeSynthCorpus(records(), gz, 'openai');
    const plain = readFileSync(await write('openai', '-plain'));
    expect(gunzipSync(readFileSync(gz)).equals(plain)).toBe(true);
    expect(
      gunzipSync(readFileSync(join(dir, 'openai.truth.jsonl.gz')))
        .toString()
        .split('\n').length,
    ).toBe(OPTS.n + 1);
  });

  it('writes an empty corpus as valid JSON', async () => {
    const file = join(dir, 'empty.json');
    await writeSynthCorpus([], file, 'chatgpt');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual([]);
  });
});

describe('round trip through the readers', () => {
  const hasReader = existsSync(new URL('../../src/conversation/read.ts', import.meta.url));

  it.skipIf(!hasReader)(
    'every format reads back with the same messages, ids matching the truth sidecar',
    async () => {
      const { readConversations } = await import('../../src/conversation/read.js');
      const expected = records();
      for (const format of SYNTH_FORMATS) {
        const file = await write(format, '-rt');
        const got: Conversation[] = [];
        for await (const item of readConversations([file])) {
          expect(item.kind, `${format}: ${JSON.stringify(item)}`).toBe('conversation');
          if (item.kind === 'conversation') {
            expect(item.format).toBe(format);
            got.push(item.conversation);
          }
        }
        expect(got.length, format).toBe(expected.length);
        const sidecar =
          format === 'labelled'
            ? null
            : readFileSync(truthSidecarPath(file), 'utf8')
                .trim()
                .split('\n')
                .map((l) => JSON.parse(l) as { id: string; topic: string });
        got.forEach((c, i) => {
          const want = expected[i].conversation;
          expect(
            c.messages.map((m) => [m.role, m.content]),
            `${format} #${i}`,
          ).toEqual(want.messages.map((m) => [m.role, m.content]));
          if (sidecar) {
            expect(sidecar[i].id).toBe(c.id);
            expect(sidecar[i].topic).toBe(expected[i].truth.topic);
          }
          if (format === 'openai' || format === 'labelled') expect(c.userId).toBe(want.userId);
        });
      }
    },
  );
});
