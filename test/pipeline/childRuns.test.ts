/**
 * "Never pays twice", checked on real processes against the fake LLM server (issue #19):
 * - two runs started at once on one run store pay for each conversation once (the second waits for
 *   the store's lock, then reuses everything), and cluster names and audits are paid once;
 * - kill -9 at ten seeded random points re-pays at most the calls in flight at each kill, never a
 *   batch, and a finished run's rerun pays nothing at all;
 * - with `--batch`, batches in flight at once are all recorded, so after kill -9 none is submitted
 *   again;
 * - a full disk or a read-only file system (each in its own mount namespace, where `unshare` is
 *   allowed) leaves the previous report whole and names the real cause.
 * Runs use the sources transpiled on the fly (see helpers/transpile.ts).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/util/random.js';
import {
  type FakeLlmServer,
  type FakeLlmServerOptions,
  sampleConversations,
  startFakeLlmServer,
} from '../helpers/fakeLlmServer.js';
import { ROOT, transpiledDist } from '../helpers/transpile.js';

let workDir: string;
let distDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'affectlens-child-runs-'));
  distDir = transpiledDist(workDir, [
    'src/pipeline/analyze.ts',
    'src/facets/llm/createLlmEngine.ts',
    'src/facets/offline/offlineEngine.ts',
  ]);
});

const servers: FakeLlmServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function fake(opts: FakeLlmServerOptions): Promise<FakeLlmServer> {
  const s = await startFakeLlmServer(opts);
  servers.push(s);
  return s;
}

/** Small thresholds so a few hundred conversations make clusters worth naming. */
const THRESHOLDS = { minUsers: 5, minConversations: 5 };
/** Conversations per engine batch and requests in flight per batch (two batches are in flight). */
const BATCH_SIZE = 16;
const CONCURRENCY = 3;
/** Namer calls in flight in the topic stage (clusterTopics' default). */
const NAMING_CONCURRENCY = 4;
/** The most calls that can be waiting for an answer when a kill comes. */
const MAX_IN_FLIGHT = Math.max(2 * CONCURRENCY, NAMING_CONCURRENCY);

interface Child {
  child: ChildProcess;
  /** Resolves with the run's result, or 'killed'; rejects on any other failure. */
  done: Promise<RunResult | 'killed'>;
  stderr: () => string;
}

interface RunResult {
  read: number;
  analysed: number;
  reusedFromStore: number;
  errors: number;
}

function runChild(config: Record<string, unknown>, prefix: string[] = []): Child {
  const args = [join(ROOT, 'test/helpers/analyzeRunner.mjs'), JSON.stringify(config)];
  const [cmd, ...rest] =
    prefix.length > 0 ? [...prefix, process.execPath, ...args] : [process.execPath, ...args];
  const child = spawn(cmd, rest, {
    env: { ...process.env, AFFECTLENS_DIST: distDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<RunResult | 'killed'>((resolve, reject) => {
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0) resolve(JSON.parse(stdout.trim().split('\n').at(-1)!) as RunResult);
      else reject(new Error(`run exited with ${code ?? signal}: ${stderr.slice(-1500)}`));
    });
  });
  return { child, done, stderr: () => stderr };
}

function writeCorpus(file: string, n: number): void {
  const lines = sampleConversations(n).map((c) => JSON.stringify({ id: c.id, messages: c.messages }));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Paid calls per conversation marker `[cN]`; calls without a marker are cluster names and audits. */
function paidByConversation(server: FakeLlmServer): {
  perConversation: Map<string, number>;
  topicCalls: number;
} {
  const perConversation = new Map<string, number>();
  let topicCalls = 0;
  for (const p of server.paidPrompts()) {
    const marker = /\[c\d+\]/.exec(p)?.[0];
    if (!marker) topicCalls++;
    else perConversation.set(marker, (perConversation.get(marker) ?? 0) + 1);
  }
  return { perConversation, topicCalls };
}

function storedLines(file: string): number {
  if (!existsSync(file)) return 0;
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => {
      try {
        return typeof (JSON.parse(l) as { k?: unknown }).k === 'string';
      } catch {
        return false;
      }
    }).length;
}

const settle = (ms = 400) => new Promise((r) => setTimeout(r, ms));

describe('two runs at once on one run store', () => {
  it('pay for each conversation once, and for each cluster name and audit once', async () => {
    const server = await fake({ latencyMs: 10 });
    const n = 160;
    const corpus = join(workDir, 'two-runs.jsonl');
    writeCorpus(corpus, n);
    const store = join(workDir, 'two-runs-store');
    const config = (out: string) => ({
      inputs: [corpus],
      outDir: join(workDir, out),
      storeDir: store,
      engine: 'openai',
      baseUrl: server.url,
      concurrency: CONCURRENCY,
      batchSize: BATCH_SIZE,
      thresholds: THRESHOLDS,
    });
    const a = runChild(config('two-a'));
    const b = runChild(config('two-b'));
    const [ra, rb] = (await Promise.all([a.done, b.done])) as RunResult[];
    const { perConversation, topicCalls } = paidByConversation(server);
    expect(perConversation.size).toBe(n);
    expect([...perConversation.values()].every((k) => k === 1)).toBe(true);
    expect(topicCalls).toBeGreaterThan(0);
    // One run paid for everything; the other waited for the store and reused it all.
    expect([ra.reusedFromStore, rb.reusedFromStore].sort((x, y) => x - y)).toEqual([0, n]);
    expect(a.stderr() + b.stderr()).toMatch(/is in use by run \d+ on .*; waiting for it to finish/);
    // Both reports are complete and the same, but for what each run paid.
    const figures = (out: string) => {
      const r = JSON.parse(readFileSync(join(workDir, out, 'report.json'), 'utf8'));
      r.provenance.tokenUsage = undefined;
      r.provenance.costUSD = undefined;
      return r;
    };
    expect(figures('two-a')).toEqual(figures('two-b'));
    // Names and audits were stored under their own keys: one more run pays for nothing at all.
    const before = server.paidCalls();
    const again = (await runChild(config('two-c')).done) as RunResult;
    expect(again.reusedFromStore).toBe(n);
    expect(server.paidCalls()).toBe(before);
  }, 120_000);
});

describe('kill -9 at ten seeded random points', () => {
  it('each kill re-pays at most the calls in flight, never a batch; the finished run is whole', async () => {
    const server = await fake({ latencyMs: 15 });
    const n = 160;
    const corpus = join(workDir, 'kills.jsonl');
    writeCorpus(corpus, n);
    const store = join(workDir, 'kills-store');
    const results = join(store, 'results.jsonl');
    const names = join(store, 'cluster-names.jsonl');
    const config = {
      inputs: [corpus],
      outDir: join(workDir, 'kills-out'),
      storeDir: store,
      engine: 'openai',
      baseUrl: server.url,
      concurrency: CONCURRENCY,
      batchSize: BATCH_SIZE,
      thresholds: THRESHOLDS,
    };
    const rng = createRng(19);
    const lost: number[] = [];
    let kills = 0;
    for (let attempt = 0; kills < 10 && attempt < 30; attempt++) {
      const paidBefore = server.paidCalls();
      const storedBefore = storedLines(results) + storedLines(names);
      const run = runChild(config);
      // A random point: after a random number of further paid calls, up to a third of what is left
      // (so ten kills fit in one study; the last ones land in the topic stage), then a random few
      // milliseconds more.
      const remaining = Math.max(1, n - storedLines(results)) + 15;
      const target = paidBefore + 1 + Math.floor((rng() * remaining) / 3);
      let finished = false;
      run.done.then(() => {
        finished = true;
      });
      while (!finished && server.paidCalls() < target) await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => setTimeout(r, Math.floor(rng() * 15)));
      if (finished) break;
      run.child.kill('SIGKILL');
      expect(await run.done).toBe('killed');
      kills++;
      // Calls in flight at the kill are still answered (and billed) by the server: let them land.
      await settle();
      const paid = server.paidCalls() - paidBefore;
      const stored = storedLines(results) + storedLines(names) - storedBefore;
      lost.push(paid - stored);
    }
    expect(kills).toBe(10);
    for (const l of lost) expect(l).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    // The run that is let finish completes the study from what the killed ones stored.
    const final = (await runChild(config).done) as RunResult;
    expect(final.read).toBe(n);
    expect(final.analysed).toBe(n);
    const { perConversation } = paidByConversation(server);
    expect(perConversation.size).toBe(n);
    const repaid = [...perConversation.values()].reduce((s, k) => s + k - 1, 0);
    expect(repaid).toBeLessThanOrEqual(lost.reduce((s, l) => s + l, 0));
    // And a rerun of the finished study pays for nothing: facets, names and audits are all stored.
    const before = server.paidCalls();
    expect(((await runChild(config).done) as RunResult).reusedFromStore).toBe(n);
    expect(server.paidCalls()).toBe(before);
  }, 240_000);
});

describe('--batch after kill -9', () => {
  it('records every batch in flight and submits none of them again', async () => {
    const opts: FakeLlmServerOptions = { batchPollsUntilDone: 1_000_000 };
    const server = await fake(opts);
    const n = 96;
    const corpus = join(workDir, 'batch.jsonl');
    writeCorpus(corpus, n);
    const store = join(workDir, 'batch-store');
    const config = {
      inputs: [corpus],
      outDir: join(workDir, 'batch-out'),
      storeDir: store,
      engine: 'anthropic',
      baseUrl: server.url,
      batch: true,
      batchPollIntervalMs: 10,
      batchSize: 32,
      thresholds: THRESHOLDS,
    };
    const creates = () =>
      server.calls.filter((c) => c.method === 'POST' && c.path === '/v1/messages/batches');
    const first = runChild(config);
    // Two batches are in flight at once; kill while the provider still runs both.
    while (creates().length < 2) await new Promise((r) => setTimeout(r, 5));
    await settle(150);
    first.child.kill('SIGKILL');
    expect(await first.done).toBe('killed');
    // The provider finishes them while no run is there.
    opts.batchPollsUntilDone = 1;
    const second = (await runChild(config).done) as RunResult;
    expect(second.analysed).toBe(n);
    const submitted = creates().flatMap((c) => (c.body as { requests: { custom_id: string }[] }).requests);
    expect(new Set(submitted.map((r) => r.custom_id)).size).toBe(n);
    expect(submitted).toHaveLength(n);
    // One line per batch in the append-only log, the two the killed run made among them.
    const batchLog = readFileSync(join(store, 'state', 'batches-anthropic.jsonl'), 'utf8');
    expect(batchLog.split('\n').filter((l) => l.includes('"type":"batch"'))).toHaveLength(creates().length);
  }, 120_000);
});

const canUnshare =
  process.platform === 'linux' &&
  spawnSync('unshare', ['-rm', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs '${tmpdir()}' && echo ok`])
    .stdout?.toString()
    .trim() === 'ok';

describe.runIf(canUnshare)('the file system says no (each run in its own mount namespace)', () => {
  it('a full disk leaves the previous report whole and says so', async () => {
    const mnt = join(workDir, 'small-disk');
    mkdirSync(mnt, { recursive: true });
    const small = join(workDir, 'small.jsonl');
    const big = join(workDir, 'big.jsonl');
    writeCorpus(small, 20);
    writeCorpus(big, 300);
    const out = join(mnt, 'report');
    // One namespace for both runs: the tmpfs lives as long as the shell that mounted it. After the
    // first report, the disk is filled but for 16 KB: no room for a second report beside it.
    const script = [
      `mount -t tmpfs -o size=4m tmpfs '${mnt}'`,
      `'${process.execPath}' '${join(ROOT, 'test/helpers/analyzeRunner.mjs')}' '${JSON.stringify({ inputs: [small], outDir: out, engine: 'offline' })}' > /dev/null || exit 10`,
      `sha256sum '${out}'/* > '${join(workDir, 'before.txt')}'`,
      `free=$(df -k --output=avail '${mnt}' | tail -1)`,
      `dd if=/dev/zero of='${mnt}/filler' bs=1k count=$((free - 16)) 2> /dev/null`,
      `'${process.execPath}' '${join(ROOT, 'test/helpers/analyzeRunner.mjs')}' '${JSON.stringify({ inputs: [big], outDir: out, engine: 'offline' })}' 2> '${join(workDir, 'full-err.txt')}' > /dev/null; echo "second=$?"`,
      `sha256sum '${out}'/* > '${join(workDir, 'after.txt')}'`,
      `ls -a '${mnt}' > '${join(workDir, 'left.txt')}'`,
    ].join('\n');
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], {
      env: { ...process.env, AFFECTLENS_DIST: distDir },
    });
    expect(r.stdout.toString()).toContain('second=1');
    expect(readFileSync(join(workDir, 'full-err.txt'), 'utf8')).toMatch(/no space left on device|ENOSPC/);
    expect(readFileSync(join(workDir, 'after.txt'), 'utf8')).toBe(
      readFileSync(join(workDir, 'before.txt'), 'utf8'),
    );
    // No staging folder left behind.
    expect(readFileSync(join(workDir, 'left.txt'), 'utf8').trim().split('\n').sort()).toEqual([
      '.',
      '..',
      'filler',
      'report',
    ]);
  }, 120_000);

  it('a read-only file system is reported as read-only, not as a missing folder', async () => {
    const mnt = join(workDir, 'read-only');
    mkdirSync(mnt, { recursive: true });
    const small = join(workDir, 'ro-input.jsonl');
    writeCorpus(small, 5);
    const script = [
      `mount -t tmpfs -o ro tmpfs '${mnt}'`,
      `'${process.execPath}' '${join(ROOT, 'test/helpers/analyzeRunner.mjs')}' '${JSON.stringify({ inputs: [small], outDir: join(mnt, 'a', 'report'), engine: 'offline' })}'`,
      `'${process.execPath}' '${join(ROOT, 'test/helpers/analyzeRunner.mjs')}' '${JSON.stringify({ inputs: [small], outDir: join(workDir, 'ro-out'), storeDir: join(mnt, 'store'), engine: 'offline' })}'`,
    ].join('\n');
    const r = spawnSync('unshare', ['-rm', 'sh', '-c', script], {
      env: { ...process.env, AFFECTLENS_DIST: distDir },
    });
    const err = r.stderr.toString();
    expect(err).toContain(`cannot create ${join(mnt, 'a')}: read-only file system (EROFS)`);
    expect(err).toContain(`cannot create ${join(mnt, 'store')}: read-only file system (EROFS)`);
    expect(err).not.toContain('ENOENT');
  }, 60_000);
});
