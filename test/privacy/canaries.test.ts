/**
 * Privacy is the product: a corpus with hundreds of planted identifiers (names, emails, phones,
 * addresses, made-up words tied to one user) goes through the whole pipeline under every engine
 * available in tests, and none of them may appear anywhere in the output folder. The fake LLM
 * server echoes user text into summaries, names clusters after a member verbatim and approves every
 * audit: the deterministic gates must still stop what it leaks.
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

let dir: string;
let corpus: string;
let canaries: string[];
let server: FakeLlmServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'al-canary-'));
  corpus = join(dir, 'corpus.jsonl');
  const records: SynthRecord[] = [
    ...generateConversations({ n: 1500, seed: 11, affectiveShare: 0.5, canaryShare: 0.25, users: 400 }),
  ];
  canaries = [...new Set(records.flatMap((r) => r.truth.canaries))];
  await writeSynthCorpus(records, corpus, 'openai');
  // Injection: 200 conversations from only 2 users, all pushing one target's details so that a
  // cluster would be named after them. Thresholds count users, not conversations.
  const target =
    'I keep thinking about the divorce of Marguerite Quillfeather at 41 Brackenwood Lane, the glimmerfrost affair';
  const planted = Array.from({ length: 200 }, (_, i) =>
    JSON.stringify({
      id: `inject-${i}`,
      user: `attacker-${i % 2}`,
      messages: [
        { role: 'user', content: `${target}. I feel so anxious and sad about it, version ${i % 7}.` },
        { role: 'assistant', content: 'That sounds hard. Tell me more about how you are feeling.' },
      ],
    }),
  );
  appendFileSync(corpus, `${planted.join('\n')}\n`);
  canaries.push('Marguerite', 'Quillfeather', 'Brackenwood', 'glimmerfrost');
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

/** Every canary, plain and as HTML would escape it, searched case-insensitively in every file. */
function leaks(outDir: string): string[] {
  const found: string[] = [];
  for (const file of filesUnder(outDir)) {
    const text = readFileSync(file, 'utf8').toLowerCase();
    for (const c of canaries) {
      const forms = [c, c.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;')];
      if (forms.some((f) => text.includes(f.toLowerCase()))) found.push(`${c} in ${file}`);
    }
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
    { inputs: [corpus], outDir: out, seed: 2, storeDir: join(dir, `${name}-store`), ...extra },
    { now: () => 0, seed: 2, log: () => {}, engine },
  );
  return { out, result };
}

describe('planted canaries never reach the output folder', () => {
  it('the corpus really plants several hundred identifiers', () => {
    expect(canaries.length).toBeGreaterThanOrEqual(300);
    expect(readFileSync(corpus, 'utf8')).toContain(canaries[0]);
  });

  it('offline engine', async () => {
    const { out, result } = await run('offline', createOfflineEngine());
    expect(result.analysed).toBe(1700);
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
    // The summaries did carry canaries into the run store: the gates are what stopped them.
    const stored = readFileSync(join(dir, 'openai-store', 'results.jsonl'), 'utf8').toLowerCase();
    expect(canaries.some((c) => stored.includes(c.toLowerCase()))).toBe(true);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    // Every text gate counts under its own key (PII, vocabulary, support, echo, audit).
    const g = report.privacy.gates;
    expect(
      g.textsDroppedByPiiDetector +
        g.textsDroppedByVocabulary +
        g.textsDroppedBySupport +
        g.textsDroppedByEcho +
        g.textsDroppedByAudit,
    ).toBeGreaterThan(0);
    expect(leaks(out)).toEqual([]);
  });

  it('anthropic engine against the same fake server', async () => {
    const engine = await createLlmEngine('anthropic', {
      model: 'fake-claude',
      baseUrls: [server.url],
      env: { ANTHROPIC_API_KEY: 'test-key' },
      concurrency: 8,
      sleep: async () => {},
    });
    const { out } = await run('anthropic', engine);
    expect(leaks(out)).toEqual([]);
  });
});
