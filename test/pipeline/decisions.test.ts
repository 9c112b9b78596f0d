/**
 * `analyze --export-decisions`: one row per analysed conversation with its id, a salted user hash,
 * every facet, the engine and its evidence — and never message text. The canary test plants
 * identifiers and distinctive sentences in the conversations and in the user ids, exports under the
 * offline engine and under an LLM engine whose fake server echoes user text into its concern
 * summary, as JSONL and as Parquet, and finds none of it in the file.
 */
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/conversation/model.js';
import type { FacetEngine } from '../../src/facets/engine.js';
import { createLlmEngine } from '../../src/facets/llm/createLlmEngine.js';
import { createOfflineEngine } from '../../src/facets/offline/offlineEngine.js';
import { analyzeLogs } from '../../src/pipeline/analyze.js';
import { type DecisionRecord, decisionsPathProblem } from '../../src/pipeline/decisions.js';
import { generateConversations, type SynthRecord } from '../../src/synth/generate.js';
import { writeSynthCorpus } from '../../src/synth/writeCorpus.js';
import { type FakeLlmServer, startFakeLlmServer } from '../helpers/fakeLlmServer.js';

let dir: string;
let corpus: string;
let canaries: string[];
let messageTexts: string[];
let userIds: string[];
let server: FakeLlmServer;

/** Conversations written for this test: identifiers and sentences no rule or label would produce. */
const PLANTED = [
  {
    user: 'orla.vantongeren@quibblemail.example',
    lines: [
      'My sister Henrietta Pemberton-Quill stopped talking to me after the wedding in Drumnadrochit and I feel awful.',
      'She lives at 88 Saltmarsh Crescent and I keep driving past her house at night, which scares me.',
      'The argument started when I said the marmalade tasted of wet cardboard, of all the stupid things.',
      'I am so anxious that I cannot sleep, my phone number 0131 496 0827 is the one she blocked.',
      'Maybe I should write her a letter with the zebrawood fountain pen she gave me.',
      'Thank you, this actually helps me feel a little calmer about Henrietta.',
    ],
  },
  {
    user: 'user-7f3e-quokkalantern',
    lines: [
      'Write a limerick about the heron that steals chips at Portobello promenade every Thursday.',
      'Make the heron named Sir Bartholomew Flapwhistle the villain of the piece.',
    ],
  },
  {
    user: 'orla.vantongeren@quibblemail.example',
    lines: [
      'I feel so lonely since moving to Auchtermuchty, nobody here knows my name is Orla Vantongeren.',
      'Can you just talk with me for a while about anything at all, like the glimmerquartz festival?',
    ],
  },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'al-decisions-'));
  corpus = join(dir, 'corpus.jsonl');
  const records: SynthRecord[] = [
    ...generateConversations({ n: 240, seed: 21, affectiveShare: 0.5, canaryShare: 0.3, users: 60 }),
  ];
  await writeSynthCorpus(records, corpus, 'openai');
  const planted = PLANTED.map((p, i) =>
    JSON.stringify({
      id: `planted-${i}`,
      user: p.user,
      messages: p.lines.flatMap((content) => [
        { role: 'user', content },
        {
          role: 'assistant',
          content: `I hear you. ${content.split(' ').slice(0, 4).join(' ')}… tell me more.`,
        },
      ]),
    }),
  );
  appendFileSync(corpus, `${planted.join('\n')}\n`);

  canaries = [
    ...new Set(records.flatMap((r) => r.truth.canaries)),
    'Henrietta',
    'Pemberton-Quill',
    'Drumnadrochit',
    'Saltmarsh Crescent',
    '0131 496 0827',
    'zebrawood',
    'Flapwhistle',
    'Portobello',
    'Auchtermuchty',
    'Vantongeren',
    'glimmerquartz',
    'quokkalantern',
    'marmalade tasted of wet cardboard',
  ];
  const lines = readFileSync(corpus, 'utf8').trim().split('\n');
  const parsed = lines.map(
    (l) => JSON.parse(l) as { user?: string; messages: { role: string; content: string }[] },
  );
  messageTexts = [
    ...new Set(parsed.flatMap((r) => r.messages.map((m) => m.content)).filter((t) => t.length >= 24)),
  ];
  userIds = [...new Set(parsed.map((r) => r.user).filter((u): u is string => typeof u === 'string'))];
  server = await startFakeLlmServer({ echo: true });
});

afterAll(async () => {
  await server?.close();
});

async function exportWith(name: string, engine: FacetEngine, file: string) {
  const logs: string[] = [];
  const out = join(dir, `${name}-report`);
  const result = await analyzeLogs(
    { inputs: [corpus], outDir: out, seed: 4, storeDir: join(dir, `${name}-store`), exportDecisions: file },
    { now: () => 0, seed: 4, log: (l) => logs.push(l), engine },
  );
  return { result, logs, out };
}

async function readRows(file: string): Promise<{ rows: DecisionRecord[]; text: string }> {
  if (file.endsWith('.jsonl')) {
    const text = readFileSync(file, 'utf8');
    return {
      rows: text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as DecisionRecord),
      text,
    };
  }
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${file}')`);
    const rows = reader.getRowObjectsJson().map((r) => {
      const row = r as unknown as DecisionRecord & { evidence: unknown };
      return { ...row, evidence: typeof row.evidence === 'string' ? JSON.parse(row.evidence) : row.evidence };
    }) as DecisionRecord[];
    // Every value as text, plus the raw bytes (whatever the compression left readable).
    return { rows, text: `${JSON.stringify(reader.getRowObjectsJson())}\n${readFileSync(file, 'latin1')}` };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Any planted identifier, any message text of 24+ characters or any raw user id found in `text`. */
function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return [...canaries, ...messageTexts, ...userIds].filter((s) => lower.includes(s.toLowerCase()));
}

function checkRows(rows: DecisionRecord[], analysed: number) {
  expect(rows).toHaveLength(analysed);
  expect(rows.slice(-3).map((r) => r.id)).toEqual(['planted-0', 'planted-1', 'planted-2']);
  for (const r of rows) {
    expect(r.user_hash).toMatch(/^[0-9a-f]{32}$/);
    expect(r.affective).toBe(r.categories.length > 0);
    expect(r.sentiment).toHaveLength(r.human_messages);
  }
  // One user, one hash: rows of the same person can be audited together.
  expect(rows.at(-3)!.user_hash).toBe(rows.at(-1)!.user_hash);
  expect(rows.at(-3)!.user_hash).not.toBe(rows.at(-2)!.user_hash);
  expect(rows.at(-3)!.sentiment_change).not.toBeNull();
}

describe('analyze --export-decisions', () => {
  it('the corpus really plants identifiers, sentences and user ids', () => {
    expect(canaries.length).toBeGreaterThan(40);
    expect(messageTexts.length).toBeGreaterThan(200);
    expect(userIds).toContain('orla.vantongeren@quibblemail.example');
  });

  for (const ext of ['jsonl', 'parquet'] as const) {
    it(`offline engine, ${ext}: every conversation, its facets and the cues that fired; no message text`, async () => {
      const file = join(dir, `offline-decisions.${ext}`);
      const { result, logs, out } = await exportWith(`offline-${ext}`, createOfflineEngine(), file);
      const { rows, text } = await readRows(file);
      checkRows(rows, result.analysed);
      expect(rows[0]).toMatchObject({ engine: 'offline' });
      // Every row carries the rules' trace: the content decision, the categories, and what fired on the way.
      for (const r of rows) {
        const cues = r.evidence?.cues ?? [];
        expect(cues.some((c) => c.startsWith('content head: '))).toBe(true);
        expect(cues).toContain(`categories: ${r.categories.length > 0 ? r.categories.join(', ') : 'none'}`);
        expect(r.evidence?.note).toBeUndefined();
      }
      expect(
        rows.some((r) => r.pushback && r.evidence?.cues?.some((c) => c.startsWith('pushback cue: '))),
      ).toBe(true);
      expect(rows[0].prompt_version).toMatch(/^rules-/);
      // The report and the export tell the same story.
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      expect(rows.filter((r) => r.content_creation).length).toBe(report.funnel.contentCreation);
      expect(leaks(text)).toEqual([]);
      expect(logs.join('\n')).toMatch(/warning: .*per-conversation data/);
      // Nothing in the report folder, and no partial file left beside the export.
      expect(readdirSync(out).some((f) => f.includes('decisions'))).toBe(false);
      expect(existsSync(`${file}.partial.jsonl`)).toBe(false);
    });

    it(`openai engine echoing user text into its summaries, ${ext}: the parsed answer without the summary`, async () => {
      const engine = await createLlmEngine('openai', {
        model: 'fake-model',
        baseUrls: [`${server.url}/v1`],
        env: {},
        concurrency: 8,
        sleep: async () => {},
      });
      const file = join(dir, `openai-decisions.${ext}`);
      const { result } = await exportWith(`openai-${ext}`, engine, file);
      expect(result.errors).toBe(0);
      // The answers did carry planted text (in the run store): the export is what leaves it out.
      const stored = readFileSync(join(dir, `openai-${ext}-store`, 'results.jsonl'), 'utf8').toLowerCase();
      expect(canaries.some((c) => stored.includes(c.toLowerCase()))).toBe(true);
      const { rows, text } = await readRows(file);
      checkRows(rows, result.analysed);
      const last = rows.at(-1)!;
      expect(last.engine).toBe('openai');
      expect(last.prompt_version).toBe(engine.promptVersion);
      expect(last.evidence?.answer).toMatchObject({ categories: last.categories, pushback: last.pushback });
      expect(last.evidence?.answer).not.toHaveProperty('concern');
      expect(
        ((last.evidence?.answer?.sentiment ?? []) as string[]).every((s) =>
          /neutral|positive|negative/.test(s),
        ),
      ).toBe(true);
      expect(leaks(text)).toEqual([]);
    });
  }

  it('hashes user ids with a salt of its own each run', async () => {
    const a = join(dir, 'salt-a.jsonl');
    const b = join(dir, 'salt-b.jsonl');
    await exportWith('salt-a', createOfflineEngine(), a);
    await exportWith('salt-b', createOfflineEngine(), b);
    const rowsA = (await readRows(a)).rows;
    const rowsB = (await readRows(b)).rows;
    expect(rowsA.map((r) => r.id)).toEqual(rowsB.map((r) => r.id));
    expect(rowsA.map((r) => r.categories)).toEqual(rowsB.map((r) => r.categories));
    expect(rowsA[0].user_hash).not.toBe(rowsB[0].user_hash);
  });

  it('refuses a file inside the report folder, an input file or another extension, before reading', async () => {
    const out = join(dir, 'refused-report');
    const problem = decisionsPathProblem(join(out, 'sub', 'd.jsonl'), { outDir: out });
    expect(problem).toMatch(/inside the report folder/);
    expect(decisionsPathProblem(join(dir, 'd.csv'), { outDir: out })).toMatch(/\.jsonl or \.parquet/);
    expect(decisionsPathProblem(corpus, { outDir: out, inputs: [corpus] })).toMatch(/an input file/);
    expect(decisionsPathProblem(join(dir, 'x.jsonl'), { outDir: out })).toBeNull();
    await expect(
      analyzeLogs(
        { inputs: [corpus], outDir: out, seed: 1, exportDecisions: join(out, 'decisions.jsonl') },
        { now: () => 0, seed: 1, log: () => {}, engine: createOfflineEngine() },
      ),
    ).rejects.toThrow(/inside the report folder/);
    expect(existsSync(join(out, 'decisions.jsonl'))).toBe(false);
  });

  it('a run that fails leaves neither the export nor its partial file', async () => {
    const base = createOfflineEngine();
    let calls = 0;
    const failing: FacetEngine = {
      ...base,
      batchSize: 50,
      async extractFacets(convs: readonly Conversation[]) {
        if (++calls === 3) throw new Error('disk on fire');
        return base.extractFacets(convs);
      },
    };
    const file = join(dir, 'failed.jsonl');
    await expect(exportWith('failed', failing, file)).rejects.toThrow(/disk on fire/);
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.partial.jsonl`)).toBe(false);
  });
});
