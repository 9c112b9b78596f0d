import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEngine } from '../../src/facets/offline/engine.js';
import { createOfflineEnginePool } from '../../src/facets/offline/pool.js';
import { analyzeLogs } from '../../src/pipeline/analyze.js';
import type { Report } from '../../src/report/reportSchema.js';
import { generateConversations } from '../../src/synth/generate.js';
import { writeSynthCorpus } from '../../src/synth/writeCorpus.js';

const deps = (seed = 1) => ({ now: () => 0, seed, log: () => {}, engine: createOfflineEngine() });

let dir: string;
let corpus: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'al-pipeline-'));
  corpus = join(dir, 'corpus.jsonl');
  await writeSynthCorpus(
    generateConversations({ n: 1200, seed: 3, affectiveShare: 0.4, users: 300 }),
    corpus,
    'openai',
  );
  // Three bad records among the good ones: malformed JSON, no user message, wrong shape.
  appendFileSync(
    corpus,
    '{"messages": [\n{"messages":[{"role":"assistant","content":"hi"}]}\n{"messages":"nope"}\n',
  );
});

const readReport = (out: string): Report =>
  JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;

describe('analyzeLogs (offline engine, end to end)', () => {
  it('writes the whole folder and the totals reconcile: read = analysed + excluded + quarantined', async () => {
    const out = join(dir, 'full');
    const r = await analyzeLogs({ inputs: [corpus], outDir: out, seed: 1 }, deps());
    expect(r.read).toBe(1203);
    expect(r.quarantined).toBe(3);
    expect(r.read).toBe(r.analysed + r.excluded + r.quarantined);
    const report = readReport(out);
    expect(report.funnel.read).toBe(1203);
    expect(report.funnel.quarantined).toBe(3);
    expect(report.funnel.analysed + report.funnel.excluded + report.funnel.quarantined).toBe(
      report.funnel.read,
    );
    const q = readFileSync(join(out, 'quarantine.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(q.map((e) => e.line)).toEqual([1201, 1202, 1203]);
    // Names the place and the reason, never the content.
    expect(JSON.stringify(q)).not.toContain('"hi"');
    for (const f of ['report.html', 'prevalence.csv', 'pushback.csv', 'sentiment_change.csv', 'topics.csv']) {
      expect(readFileSync(join(out, f), 'utf8').length).toBeGreaterThan(0);
    }
    // The offline engine's validated accuracy for its current rules ships with it (npm run eval
    // dev-data rewrites it): a rules change without a new measurement fails here.
    expect(report.provenance.validation?.summary).toMatch(
      /^Offline engine rules-\d+ scored against human labels/,
    );
    expect(report.provenance.inputs).toEqual([
      expect.objectContaining({
        file: 'corpus.jsonl',
        format: 'openai',
        // Hashed from the bytes as they were read: must equal a hash of the whole file.
        sha256: createHash('sha256').update(readFileSync(corpus)).digest('hex'),
        bytes: readFileSync(corpus).length,
      }),
    ]);
  });

  it('same input and seed give a byte-identical report.json', async () => {
    const a = join(dir, 'det-a');
    const b = join(dir, 'det-b');
    await analyzeLogs({ inputs: [corpus], outDir: a, seed: 5 }, deps(5));
    await analyzeLogs({ inputs: [corpus], outDir: b, seed: 5 }, { ...deps(5), now: () => 1e12 });
    expect(readFileSync(join(a, 'report.json'))).toEqual(readFileSync(join(b, 'report.json')));
  });

  it('the worker-thread pool gives the same report as the main thread', async () => {
    const pool = createOfflineEnginePool(2);
    try {
      await analyzeLogs(
        { inputs: [corpus], outDir: join(dir, 'pool'), seed: 5 },
        { ...deps(5), engine: pool },
      );
    } finally {
      await pool.close?.();
    }
    await analyzeLogs({ inputs: [corpus], outDir: join(dir, 'single'), seed: 5 }, deps(5));
    expect(readFileSync(join(dir, 'pool', 'report.json'))).toEqual(
      readFileSync(join(dir, 'single', 'report.json')),
    );
  });

  it('--limit and --sample count what they leave out as excluded', async () => {
    const limited = await analyzeLogs(
      { inputs: [corpus], outDir: join(dir, 'limit'), seed: 1, limit: 100 },
      deps(),
    );
    expect(limited.analysed).toBe(100);
    expect(limited.excluded).toBe(1100);
    const sampled = await analyzeLogs(
      { inputs: [corpus], outDir: join(dir, 'sample'), seed: 9, sample: 250 },
      deps(),
    );
    expect(sampled.analysed).toBe(250);
    expect(sampled.read).toBe(sampled.analysed + sampled.excluded + sampled.quarantined);
    const again = await analyzeLogs(
      { inputs: [corpus], outDir: join(dir, 'sample2'), seed: 9, sample: 250 },
      deps(),
    );
    expect(readFileSync(join(dir, 'sample2', 'report.json'))).toEqual(
      readFileSync(join(dir, 'sample', 'report.json')),
    );
    expect(again.analysed).toBe(250);
  });

  it('reuses stored results on a second run with a store', async () => {
    const store = join(dir, 'store');
    const first = await analyzeLogs(
      { inputs: [corpus], outDir: join(dir, 's1'), seed: 1, storeDir: store },
      deps(),
    );
    expect(first.reusedFromStore).toBe(0);
    const second = await analyzeLogs(
      { inputs: [corpus], outDir: join(dir, 's2'), seed: 1, storeDir: store },
      deps(),
    );
    expect(second.reusedFromStore).toBeGreaterThan(1000);
    expect(readFileSync(join(dir, 's2', 'report.json'))).toEqual(
      readFileSync(join(dir, 's1', 'report.json')),
    );
  });

  it('an unknown format stops with one line naming the file', async () => {
    const bad = join(dir, 'notes.txt');
    writeFileSync(bad, 'just some notes\nnot a log\n');
    await expect(analyzeLogs({ inputs: [bad], outDir: join(dir, 'bad'), seed: 1 }, deps())).rejects.toThrow(
      /notes\.txt: unknown format/,
    );
  });
});

describe('--purge-store', () => {
  it('deletes the per-conversation results once the report is written', async () => {
    const store = join(dir, 'purged-store');
    await analyzeLogs(
      { inputs: [corpus], outDir: join(dir, 'purged'), seed: 1, storeDir: store, purgeStore: true },
      deps(),
    );
    expect(existsSync(join(store, 'results.jsonl'))).toBe(false);
    expect(existsSync(join(dir, 'purged', 'report.json'))).toBe(true);
  });
});
