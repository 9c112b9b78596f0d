import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEngine } from '../../src/facets/offline/offlineEngine.js';
import { createOfflineEnginePool } from '../../src/facets/offline/pool.js';
import { type AnalyzeProgress, analyzeLogs } from '../../src/pipeline/analyze.js';
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

  it('--limit stops reading at the N-th conversation; --sample counts what it leaves out as excluded', async () => {
    const seen: AnalyzeProgress[] = [];
    const limited = await analyzeLogs(
      { inputs: [corpus], outDir: join(dir, 'limit'), seed: 1, limit: 100 },
      { ...deps(), onProgress: (p) => seen.push(p) },
    );
    // The rest of the file is neither read nor reported as excluded.
    expect(limited).toMatchObject({ read: 100, analysed: 100, excluded: 0, quarantined: 0 });
    const funnel = readReport(join(dir, 'limit')).funnel;
    expect(funnel).toMatchObject({ read: 100, analysed: 100, excluded: 0, notAnalysed: 0 });
    const last = seen.at(-1)!;
    expect(last.limit).toBe(100);
    expect(last.bytesRead).toBeLessThan(last.totalBytes / 2);
    // The provenance still identifies the whole input file.
    expect(readReport(join(dir, 'limit')).provenance.inputs[0].sha256).toBe(
      createHash('sha256').update(readFileSync(corpus)).digest('hex'),
    );
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

describe('a run that says when something is off', () => {
  it('stops with one line naming the file and the format it looks like when --format is wrong', async () => {
    await expect(
      analyzeLogs(
        { inputs: [corpus], outDir: join(dir, 'wrong'), seed: 1, read: { format: 'sharegpt' } },
        deps(),
      ),
    ).rejects.toThrow(
      /^.*corpus\.jsonl: 1,20\d of 1,203 records look like OpenAI chat JSONL, not ShareGPT; run with --format openai \(or without --format\), or add --keep-going to analyse the rest anyway$/,
    );
    // --keep-going analyses what fits (here: nothing) and quarantines the rest, as before.
    const kept = await analyzeLogs(
      {
        inputs: [corpus],
        outDir: join(dir, 'wrong-kept'),
        seed: 1,
        read: { format: 'sharegpt' },
        keepGoing: true,
      },
      deps(),
    );
    expect(kept).toMatchObject({ read: 1203, analysed: 0, quarantined: 1203 });
    // A file with a few records of another format among its own still runs.
    const mixed = join(dir, 'mixed.jsonl');
    const sharegpt = JSON.stringify({ id: 's1', conversations: [{ from: 'human', value: 'hello there' }] });
    writeFileSync(mixed, `${readFileSync(corpus, 'utf8')}${sharegpt}\n${sharegpt}\n`);
    const r = await analyzeLogs({ inputs: [mixed], outDir: join(dir, 'mixed'), seed: 1 }, deps());
    expect(r.quarantined).toBe(5);
  });

  it('reports every stage: reading, each topic group as it is clustered, the report, done', async () => {
    const seen: AnalyzeProgress[] = [];
    await analyzeLogs(
      { inputs: [corpus], outDir: join(dir, 'stages'), seed: 1 },
      { ...deps(), onProgress: (p) => seen.push(p) },
    );
    const stages = [...new Set(seen.map((p) => p.stage))];
    expect(stages).toEqual(['read+facets', 'cluster', 'report', 'done']);
    const clustering = seen.filter((p) => p.stage === 'cluster').map((p) => p.detail);
    expect(clustering[0]).toMatch(/^[\d,]+ affective or very long conversations to cluster$/);
    expect(clustering).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^topics in interpersonal advice \([\d,]+ conversations\)$/),
        expect.stringMatching(/^pushback reasons in counseling \(/),
        expect.stringMatching(/^topics of very long conversations \(/),
      ]),
    );
  });

  it("quotes the input's own note (a <file>.about.txt beside it) in the report", async () => {
    const file = join(dir, 'noted.jsonl');
    writeFileSync(file, readFileSync(corpus));
    writeFileSync(`${file}.about.txt`, 'Synthetic:  40% affective\nby design.\n');
    await analyzeLogs({ inputs: [file], outDir: join(dir, 'noted'), seed: 1 }, deps());
    const report = readReport(join(dir, 'noted'));
    expect(report.provenance.inputs[0].about).toBe('Synthetic: 40% affective by design.');
    expect(readFileSync(join(dir, 'noted', 'report.html'), 'utf8')).toContain(
      '<strong>About noted.jsonl</strong> (its own note): Synthetic: 40% affective by design.',
    );
    // Without one, report.json has no such key (and stays as it was).
    await analyzeLogs({ inputs: [corpus], outDir: join(dir, 'unnoted'), seed: 1, limit: 50 }, deps());
    expect(readReport(join(dir, 'unnoted')).provenance.inputs[0]).not.toHaveProperty('about');
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
