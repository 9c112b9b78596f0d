/**
 * Whole runs on hostile input (issue #19): one bad record never kills a run, a flood of bad records
 * cannot flood the report folder, a failed run leaves the previous report as it was, repeated ids
 * are counted, damaged store lines are reported, and a pipe can be analysed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ClusterDeps } from '../../src/cluster/clusterTopics.js';
import { createOfflineClusterDeps } from '../../src/cluster/offlineDeps.js';
import { FORMAT_NAMES } from '../../src/conversation/formats.js';
import { createOfflineEngine } from '../../src/facets/offline/offlineEngine.js';
import { createOfflineEnginePool } from '../../src/facets/offline/pool.js';
import { analyzeLogs } from '../../src/pipeline/analyze.js';
import { DEFAULT_MAX_ENTRIES_PER_FILE_AND_REASON } from '../../src/pipeline/quarantineLog.js';
import type { Report } from '../../src/report/reportSchema.js';
import { generateConversations } from '../../src/synth/generate.js';
import { writeSynthCorpus } from '../../src/synth/writeCorpus.js';
import { fileText, type RecordSpec, recordOf, setRole } from '../helpers/formatRecords.js';

const deps = (seed = 1) => ({ now: () => 0, seed, log: () => {}, engine: createOfflineEngine() });
const readReport = (out: string): Report =>
  JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'al-hostile-runs-'));
});

const spec = (id: string): RecordSpec => ({
  id,
  user: `u-${id}`,
  turns: [
    { role: 'user', text: `My coworker keeps taking credit for my work and I feel upset (${id}).` },
    { role: 'assistant', text: 'That is frustrating. Have you talked to your manager?' },
  ],
});

describe('a role named like a built-in object property', () => {
  it('costs its own record in every format, also with the worker pool (it killed the run)', async () => {
    const pool = createOfflineEnginePool(1);
    try {
      for (const format of FORMAT_NAMES) {
        const records = [recordOf(format, spec('a')), recordOf(format, spec('b'))];
        for (const role of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__']) {
          // On the assistant's message: the conversation still has a user message, so it is not
          // quarantined for lacking one, and (before the fix) went on to the engine with a function
          // for a role, which no worker thread could be sent.
          const bad = recordOf(format, spec(`bad-${role}`));
          setRole(format, bad, 1, role);
          records.push(bad);
        }
        const input = join(dir, `roles-${format}.json`);
        writeFileSync(input, fileText(format, records));
        const r = await analyzeLogs(
          { inputs: [input], outDir: join(dir, `roles-out-${format}`), seed: 1, read: { format } },
          { ...deps(), engine: pool },
        );
        expect([format, r.read, r.analysed, r.quarantined]).toEqual([format, 7, 2, 5]);
        expect(readReport(join(dir, `roles-out-${format}`)).funnel.quarantineReasons).toEqual({
          unknown_role: 5,
        });
      }
    } finally {
      await pool.close?.();
    }
  });
});

describe('quarantine amplification', () => {
  it('a tiny gzip of millions-to-be bad lines writes a bounded quarantine.jsonl and counts every one', async () => {
    const lines = 200_000;
    const input = join(dir, 'ones.jsonl.gz');
    // Line 1 is a conversation so the file is recognised; then 200,000 lines of "1".
    writeFileSync(
      input,
      gzipSync(Buffer.from(`${JSON.stringify(recordOf('openai', spec('x')))}\n${'1\n'.repeat(lines)}`)),
    );
    expect(statSync(input).size).toBeLessThan(8 * 1024);
    const out = join(dir, 'ones-out');
    const r = await analyzeLogs({ inputs: [input], outDir: out, seed: 1 }, deps());
    expect(statSync(join(out, 'quarantine.jsonl')).size).toBeLessThan(200_000);
    const q = readFileSync(join(out, 'quarantine.jsonl'), 'utf8').trim().split('\n');
    expect(q).toHaveLength(DEFAULT_MAX_ENTRIES_PER_FILE_AND_REASON + 1);
    expect(r.read).toBe(lines + 1);
    expect(r.quarantined).toBe(lines);
    expect(r.quarantineOmitted).toBe(lines - DEFAULT_MAX_ENTRIES_PER_FILE_AND_REASON);
    // The last line accounts for the rest.
    expect(JSON.parse(q.at(-1)!)).toMatchObject({
      file: input,
      reason: 'wrong_shape',
      omitted: lines - DEFAULT_MAX_ENTRIES_PER_FILE_AND_REASON,
    });
    expect(readReport(out).funnel.quarantined).toBe(lines);
  });
});

describe('the report folder is replaced whole or not at all', () => {
  let corpus: string;
  beforeAll(async () => {
    corpus = join(dir, 'corpus.jsonl');
    await writeSynthCorpus(
      generateConversations({ n: 300, seed: 2, affectiveShare: 0.5, users: 200 }),
      corpus,
      'openai',
    );
  });

  it('a run that fails leaves the previous report folder exactly as it was, and no staging folder', async () => {
    const out = join(dir, 'kept');
    await analyzeLogs({ inputs: [corpus], outDir: out, seed: 1 }, deps());
    const before = snapshot(out);
    const bad = join(dir, 'bad-lines.jsonl');
    writeFileSync(bad, `${readFileSync(corpus, 'utf8')}{"messages": "nope"}\nnot json\n`);
    const failing: ClusterDeps = {
      ...createOfflineClusterDeps(1),
      namer: {
        id: 'failing',
        async name() {
          throw new Error('the namer fell over');
        },
      },
    };
    await expect(
      analyzeLogs({ inputs: [bad], outDir: out, seed: 1 }, { ...deps(), cluster: failing }),
    ).rejects.toThrow('the namer fell over');
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('a folder holding other files keeps them; report files of the earlier run are replaced', async () => {
    const out = join(dir, 'shared');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'quarantine.jsonl'), 'stale\n');
    await analyzeLogs({ inputs: [corpus], outDir: out, seed: 1 }, deps());
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readFileSync(join(out, 'quarantine.jsonl'), 'utf8')).toBe('');
    expect(readReport(out).funnel.read).toBe(300);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

function snapshot(folder: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((f) => [
        f,
        createHash('sha256')
          .update(readFileSync(join(folder, f)))
          .digest('hex'),
      ]),
  );
}

describe('duplicate conversation ids', () => {
  it('are analysed as read and counted in the funnel (ids the reader made up never count)', async () => {
    const a = join(dir, 'dup-a.jsonl');
    const b = join(dir, 'dup-b.jsonl');
    const noIds = (n: number) =>
      Array.from({ length: n }, () =>
        JSON.stringify({ messages: spec('x').turns.map((t) => ({ role: t.role, content: t.text })) }),
      );
    writeFileSync(
      a,
      fileText(
        'openai',
        ['d1', 'd2', 'd3'].map((id) => recordOf('openai', spec(id))),
      ) +
        noIds(2).join('\n') +
        '\n',
    );
    writeFileSync(
      b,
      fileText(
        'openai',
        ['d2', 'd3', 'd4'].map((id) => recordOf('openai', spec(id))),
      ) +
        noIds(2).join('\n') +
        '\n',
    );
    const logs: string[] = [];
    const out = join(dir, 'dup-out');
    const r = await analyzeLogs(
      { inputs: [a, b], outDir: out, seed: 1 },
      { ...deps(), log: (l) => logs.push(l) },
    );
    expect(r.analysed).toBe(10);
    expect(r.duplicateIds).toBe(2);
    expect(readReport(out).funnel.duplicateIds).toBe(2);
    expect(logs.join('\n')).toContain('warning: 2 conversation(s) repeat the id of one read earlier');
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(
      'Warning: 2 conversations repeated the id of one read before',
    );
    expect(readFileSync(join(out, 'funnel.csv'), 'utf8')).toContain('duplicate_ids,2');
  });
});

describe('damaged lines in the run store', () => {
  it('are counted in the run result and the log, and their conversations asked again', async () => {
    const input = join(dir, 'store-input.jsonl');
    writeFileSync(
      input,
      fileText(
        'openai',
        ['s1', 's2', 's3'].map((id) => recordOf('openai', spec(id))),
      ),
    );
    const store = join(dir, 'damaged-store');
    await analyzeLogs({ inputs: [input], outDir: join(dir, 'st1'), seed: 1, storeDir: store }, deps());
    const results = join(store, 'results.jsonl');
    const [first, ...rest] = readFileSync(results, 'utf8').trim().split('\n');
    const k = (JSON.parse(first) as { k: string }).k;
    // A line that parses but holds no valid result, and one that does not parse at all.
    writeFileSync(
      results,
      `${JSON.stringify({ k, r: { facets: { status: 5 } } })}\n{torn\n${rest.join('\n')}\n`,
    );
    const logs: string[] = [];
    const r = await analyzeLogs(
      { inputs: [input], outDir: join(dir, 'st2'), seed: 1, storeDir: store },
      { ...deps(), log: (l) => logs.push(l) },
    );
    expect(r.invalidStored).toBe(2);
    expect(r.reusedFromStore).toBe(2);
    expect(r.analysed).toBe(3);
    expect(logs.join('\n')).toContain('2 stored line(s) were not valid results');
  });
});

const canMkfifo = spawnSync('sh', ['-c', 'command -v mkfifo']).status === 0;

describe.runIf(canMkfifo && process.platform !== 'win32')('a pipe as input', () => {
  it('is analysed, and its digest is of the bytes that streamed through', async () => {
    const source = join(dir, 'pipe-source.jsonl');
    writeFileSync(
      source,
      fileText(
        'openai',
        ['p1', 'p2', 'p3', 'p4'].map((id) => recordOf('openai', spec(id))),
      ),
    );
    const pipe = join(dir, 'input.pipe');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    setTimeout(() => spawn('sh', ['-c', `cat '${source}' > '${pipe}'`]), 50);
    const out = join(dir, 'pipe-out');
    const r = await analyzeLogs({ inputs: [pipe], outDir: out, seed: 1 }, deps());
    expect(r.analysed).toBe(4);
    const input = readReport(out).provenance.inputs[0];
    expect(input.sha256).toBe(createHash('sha256').update(readFileSync(source)).digest('hex'));
    expect(input.bytes).toBe(statSync(source).size);
    expect(existsSync(pipe)).toBe(true);
  });
});
