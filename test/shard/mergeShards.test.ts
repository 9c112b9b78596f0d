import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEngine } from '../../src/facets/offline/offlineEngine.js';
import { analyzeLogs } from '../../src/pipeline/analyze.js';
import { analyzeShard } from '../../src/shard/analyzeShard.js';
import { mergeShards } from '../../src/shard/mergeShards.js';
import { readStateHeader, STATE_FILE } from '../../src/shard/partialState.js';
import { generateConversations } from '../../src/synth/generate.js';
import { writeSynthCorpus } from '../../src/synth/writeCorpus.js';

const deps = (seed = 1) => ({ now: () => 0, seed, log: () => {}, engine: createOfflineEngine() });

let dir: string;
let corpus: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'al-shards-'));
  corpus = join(dir, 'corpus.jsonl');
  await writeSynthCorpus(
    generateConversations({ n: 1500, seed: 11, affectiveShare: 0.4, users: 250 }),
    corpus,
    'openai',
  );
  // Bad records among the good ones: every shard reads (and counts) them, the merge reports them once.
  appendFileSync(corpus, '{"messages": [\n{"messages":"nope"}\n');
});

async function shards(
  count: number,
  tag: string,
  extra: { seed?: number; limit?: number; sample?: number } = {},
) {
  const seed = extra.seed ?? 4;
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const out = join(dir, `${tag}-part-${i}`);
    await analyzeShard(
      { inputs: [corpus], outDir: out, seed, shard: { index: i, count }, ...extra },
      deps(seed),
    );
    parts.push(out);
  }
  return parts;
}

describe('analyze --shard i/N + merge', () => {
  it('4 shards merged give a report.json byte-identical to the single run', async () => {
    const single = join(dir, 'single');
    const r1 = await analyzeLogs({ inputs: [corpus], outDir: single, seed: 4 }, deps(4));
    const parts = await shards(4, 'four');
    const sizes = parts.map((p) => readStateHeader(p).records.count);
    // Every valid conversation is in exactly one shard, and the shards are not degenerate.
    expect(sizes.reduce((s, n) => s + n, 0)).toBe(r1.analysed + r1.excluded);
    for (const n of sizes) expect(n).toBeGreaterThan(200);
    const merged = join(dir, 'merged');
    // Parts given in any order.
    const r2 = await mergeShards(
      { parts: [parts[2], parts[0], parts[3], parts[1]], outDir: merged },
      deps(4),
    );
    expect(r2.read).toBe(r1.read);
    expect(r2.quarantined).toBe(2);
    const a = readFileSync(join(single, 'report.json'), 'utf8');
    const b = readFileSync(join(merged, 'report.json'), 'utf8');
    expect(b).toBe(a);
    expect(readFileSync(join(merged, 'quarantine.jsonl'), 'utf8')).toBe(
      readFileSync(join(single, 'quarantine.jsonl'), 'utf8'),
    );
    expect(readFileSync(join(merged, 'topics.csv'), 'utf8')).toBe(
      readFileSync(join(single, 'topics.csv'), 'utf8'),
    );
  });

  it('--sample and --limit select the same conversations in every shard as in one run', async () => {
    for (const extra of [{ sample: 700 }, { limit: 900 }]) {
      const tag = Object.keys(extra)[0];
      const single = join(dir, `single-${tag}`);
      await analyzeLogs({ inputs: [corpus], outDir: single, seed: 6, ...extra }, deps(6));
      const parts = await shards(3, tag, { seed: 6, ...extra });
      const merged = join(dir, `merged-${tag}`);
      await mergeShards({ parts, outDir: merged }, deps(6));
      expect(readFileSync(join(merged, 'report.json'), 'utf8')).toBe(
        readFileSync(join(single, 'report.json'), 'utf8'),
      );
    }
  });

  it('refuses states of different runs, naming the first mismatch, and a missing or repeated shard', async () => {
    const parts = await shards(2, 'two');
    const other = join(dir, 'other-seed');
    await analyzeShard({ inputs: [corpus], outDir: other, seed: 9, shard: { index: 1, count: 2 } }, deps(9));
    const out = join(dir, 'never');
    await expect(mergeShards({ parts: [parts[0], other], outDir: out }, deps(4))).rejects.toThrow(
      /seed is 4 in .*two-part-0 \(shard 0\/2\) but 9 in .*other-seed \(shard 1\/2\)/,
    );
    await expect(mergeShards({ parts: [parts[0]], outDir: out }, deps(4))).rejects.toThrow(
      /missing shard 1\/2/,
    );
    await expect(
      mergeShards({ parts: [parts[0], parts[1], parts[0]], outDir: out }, deps(4)),
    ).rejects.toThrow(/shard 0\/2 given twice/);
    const thr = join(dir, 'other-thresholds');
    await analyzeShard(
      {
        inputs: [corpus],
        outDir: thr,
        seed: 4,
        shard: { index: 1, count: 2 },
        thresholds: { minUsers: 2, minConversations: 10 },
      },
      deps(4),
    );
    await expect(mergeShards({ parts: [parts[0], thr], outDir: out }, deps(4))).rejects.toThrow(
      /thresholds is/,
    );
    // Another format version, another prompt version: named.
    const bumped = join(dir, 'bumped');
    await analyzeShard({ inputs: [corpus], outDir: bumped, seed: 4, shard: { index: 1, count: 2 } }, deps(4));
    const header = JSON.parse(readFileSync(join(bumped, STATE_FILE), 'utf8'));
    header.settings.engine.promptVersion = 'rules-0';
    writeFileSync(join(bumped, STATE_FILE), JSON.stringify(header));
    await expect(mergeShards({ parts: [parts[0], bumped], outDir: out }, deps(4))).rejects.toThrow(
      /prompt version is .* but "rules-0"/,
    );
    header.formatVersion = 99;
    writeFileSync(join(bumped, STATE_FILE), JSON.stringify(header));
    await expect(mergeShards({ parts: [parts[0], bumped], outDir: out }, deps(4))).rejects.toThrow(
      /format version 99/,
    );
    // A damaged saved state is caught by its digest, naming the file and the shard.
    for (const file of ['accumulator.bin', 'candidates.jsonl', 'accumulator.json']) {
      const again = await shards(2, `damaged-${file}`);
      appendFileSync(join(again[1], file), '\n');
      await expect(mergeShards({ parts: again, outDir: out }, deps(4))).rejects.toThrow(
        new RegExp(`${file.replace('.', '\\.')}: its sha256 differs.*\\(shard 1/2\\)`),
      );
    }
  });

  it('--export-decisions with --shard: each shard writes its own file, together every conversation once', async () => {
    const single = join(dir, 'single-decisions');
    const file = join(dir, 'decisions.jsonl');
    await analyzeLogs({ inputs: [corpus], outDir: single, seed: 4, exportDecisions: file }, deps(4));
    const rows = (f: string) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
    const parts: Record<string, unknown>[][] = [];
    for (let i = 0; i < 2; i++) {
      const r = await analyzeShard(
        {
          inputs: [corpus],
          outDir: join(dir, `dec-part-${i}`),
          seed: 4,
          shard: { index: i, count: 2 },
          exportDecisions: join(dir, 'shard-decisions.jsonl'),
        },
        deps(4),
      );
      expect(r.decisionsFile).toBe(join(dir, `shard-decisions.shard-${i}-of-2.jsonl`));
      parts.push(rows(r.decisionsFile!));
    }
    // Each user's rows are in one file, under one hash.
    const userKey = (r: Record<string, unknown>) => JSON.stringify(r.user_hash);
    const users = parts.map((p) => new Set(p.map(userKey)));
    for (const u of users[0]) if (u !== 'null') expect(users[1].has(u)).toBe(false);
    expect(users[0].size).toBeGreaterThan(50);
    // Every field but the salted user hash (drawn per run) equals the single run's, row for row.
    const strip = (r: Record<string, unknown>) => {
      const { user_hash: _h, ...rest } = r;
      return JSON.stringify(rest);
    };
    const byId = (xs: Record<string, unknown>[]) => xs.map(strip).sort();
    expect(byId(parts.flat())).toEqual(byId(rows(file)));
    expect(parts[0].length).toBeGreaterThan(300);
  });

  it('with --segment-by: absorbs the saved states, or folds the records when the shards hold over 50 values', async () => {
    for (const values of [4, 60]) {
      const file = join(dir, `segments-${values}.jsonl`);
      await writeSynthCorpus(
        generateConversations({
          n: 1200,
          seed: 3,
          affectiveShare: 0.3,
          users: 200,
          longitudinal: {
            heavyUsers: 3,
            driftShare: 0.5,
            segment: {
              field: 'model',
              values: Array.from({ length: values }, (_, i) => ({ value: `m${i}`, weight: 1 })),
            },
          },
        }),
        file,
        'openai',
      );
      const single = join(dir, `single-seg-${values}`);
      await analyzeLogs({ inputs: [file], outDir: single, seed: 5, segmentBy: 'model' }, deps(5));
      const parts: string[] = [];
      for (let i = 0; i < 3; i++) {
        const out = join(dir, `seg-${values}-part-${i}`);
        await analyzeShard(
          { inputs: [file], outDir: out, seed: 5, segmentBy: 'model', shard: { index: i, count: 3 } },
          deps(5),
        );
        parts.push(out);
      }
      const lines: string[] = [];
      const merged = join(dir, `merged-seg-${values}`);
      await mergeShards({ parts, outDir: merged }, { ...deps(5), log: (l: string) => lines.push(l) });
      const report = readFileSync(join(merged, 'report.json'), 'utf8');
      expect(report).toBe(readFileSync(join(single, 'report.json'), 'utf8'));
      expect(JSON.parse(report).segments.available).toBe(true);
      expect(lines.some((l) => /folding the shards' records/.test(l))).toBe(values > 50);
    }
  });
});
