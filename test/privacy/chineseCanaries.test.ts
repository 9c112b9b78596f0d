/**
 * Chinese conversations carrying planted identifiers — Chinese names, mobile numbers, ID card
 * numbers, street addresses, e-mail addresses — go through the whole pipeline with the report in
 * Chinese (--report-lang zh), under the offline engine and under an LLM engine whose fake server echoes
 * user text into every summary and cluster name: none may appear anywhere in the output folder. The
 * identifiers are made up for this test; the conversations are the generator's Chinese share plus
 * hand-written ones where two users push one target's details in many conversations.
 */
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacetEngine } from '../../src/facets/engine.js';
import { createLlmEngine } from '../../src/facets/llm/createLlmEngine.js';
import { createOfflineEngine } from '../../src/facets/offline/offlineEngine.js';
import { analyzeLogs } from '../../src/pipeline/analyze.js';
import { generateConversations, type SynthRecord } from '../../src/synth/generate.js';
import { writeSynthCorpus } from '../../src/synth/writeCorpus.js';
import { type FakeLlmServer, startFakeLlmServer } from '../helpers/fakeLlmServer.js';

/** Made-up identifiers, each written into Chinese conversations. */
const PLANTED = {
  names: ['欧阳晓雯', '司马振华', '诸葛婉清', '上官明轩'],
  phones: ['13912345678', '186-2233-4455', '+86 137 0011 2299'],
  ids: ['11010519900307283X', '440305198812240016'],
  addresses: ['杭州市西湖区翠苑路88号', '成都市武侯区桐梓林北路17号'],
  emails: ['xiaowen.oy@example.cn'],
};

const TEMPLATES = [
  (v: string[]) => `我和${v[0]}吵架了，我现在特别难过，不知道该怎么办。`,
  (v: string[]) => `我前任${v[0]}的电话是${v[1]}，我总是忍不住想打给他，心里很痛苦。`,
  (v: string[]) => `${v[0]}住在${v[3]}，身份证号${v[2]}，我是不是该去找她？我好焦虑。`,
  (v: string[]) => `我最近压力很大，同事${v[0]}一直针对我，他的邮箱是${v[4]}。`,
];

let dir: string;
let corpus: string;
let canaries: string[];
let server: FakeLlmServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'al-zh-canary-'));
  corpus = join(dir, 'corpus.jsonl');
  const records: SynthRecord[] = [
    ...generateConversations({
      n: 800,
      seed: 21,
      affectiveShare: 0.5,
      chineseShare: 1,
      canaryShare: 0.3,
      users: 200,
    }),
  ];
  canaries = [...new Set(records.flatMap((r) => r.truth.canaries))];
  await writeSynthCorpus(records, corpus, 'openai');
  const lines: string[] = [];
  for (let i = 0; i < 240; i++) {
    const k = i % PLANTED.names.length;
    const values = [
      PLANTED.names[k],
      PLANTED.phones[i % PLANTED.phones.length],
      PLANTED.ids[(i >> 2) % PLANTED.ids.length],
      PLANTED.addresses[i % PLANTED.addresses.length],
      PLANTED.emails[0],
    ];
    lines.push(
      JSON.stringify({
        id: `zh-inject-${i}`,
        user: `zh-attacker-${i % 2}`,
        messages: [
          { role: 'user', content: TEMPLATES[i % TEMPLATES.length](values) },
          { role: 'assistant', content: '听起来你真的很难受。能多说说你现在的感受吗？' },
          { role: 'user', content: `${values[0]}让我觉得自己一无是处，我该怎么面对这种情绪？` },
        ],
      }),
    );
  }
  appendFileSync(corpus, `${lines.join('\n')}\n`);
  canaries.push(
    ...PLANTED.names,
    ...PLANTED.phones,
    ...PLANTED.phones.map((p) => p.replace(/\D/g, '')),
    ...PLANTED.ids,
    ...PLANTED.addresses,
    ...PLANTED.emails,
    // Parts a gate might let through on their own.
    '晓雯',
    '振华',
    '婉清',
    '明轩',
    '翠苑路',
    '桐梓林',
  );
  server = await startFakeLlmServer({ echo: true, embeddingDim: 32 });
});

afterAll(async () => {
  await server?.close();
});

function filesUnder(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const p = join(root, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

function leaks(outDir: string): string[] {
  const found: string[] = [];
  for (const file of filesUnder(outDir)) {
    const text = readFileSync(file, 'utf8').toLowerCase();
    for (const c of canaries) if (text.includes(c.toLowerCase())) found.push(`${c} in ${file}`);
  }
  return found;
}

async function run(
  name: string,
  engine: FacetEngine,
  extra: { embeddings?: { baseUrl: string; model: string } } = {},
) {
  const out = join(dir, name);
  const result = await analyzeLogs(
    {
      inputs: [corpus],
      outDir: out,
      seed: 2,
      storeDir: join(dir, `${name}-store`),
      reportLang: 'zh',
      ...extra,
    },
    { now: () => 0, seed: 2, log: () => {}, engine },
  );
  return { out, result };
}

describe('Chinese canaries never reach the output folder (report in Chinese)', () => {
  it('plants Chinese identifiers in Chinese conversations', () => {
    expect(canaries.length).toBeGreaterThanOrEqual(50);
    const text = readFileSync(corpus, 'utf8');
    for (const c of [...PLANTED.names, ...PLANTED.ids]) expect(text).toContain(c);
  });

  it('offline engine', async () => {
    const { out, result } = await run('offline', createOfflineEngine());
    expect(result.analysed).toBe(1040);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('<html lang="zh">');
    expect(leaks(out)).toEqual([]);
  });

  it('openai engine against a fake server that echoes user text everywhere it can', async () => {
    const engine = await createLlmEngine('openai', {
      model: 'fake-model',
      baseUrls: [`${server.url}/v1`],
      env: {},
      concurrency: 8,
      sleep: async () => {},
    });
    const { out, result } = await run('openai', engine, {
      embeddings: { baseUrl: `${server.url}/v1`, model: 'fake-embed' },
    });
    expect(result.errors).toBe(0);
    const stored = readFileSync(join(dir, 'openai-store', 'results.jsonl'), 'utf8');
    // The echoed summaries did carry the identifiers into the run store: the gates stopped them.
    expect(PLANTED.names.some((c) => stored.includes(c))).toBe(true);
    expect(leaks(out)).toEqual([]);
  });
});
