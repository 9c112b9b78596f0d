/**
 * Queue mode against a real redis-server on a free loopback port, with two worker processes of the
 * real CLI; one is killed with SIGKILL in the middle of a shard. Skipped only where redis-server is
 * not installed (.ci/run installs it).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import {
  freeLoopbackPort,
  hasRedisServer,
  type LocalRedis,
  startLocalRedis,
} from '../../src/shard/localRedis.js';
import { readStateHeader } from '../../src/shard/partialState.js';
import { generateConversations } from '../../src/synth/generate.js';
import { writeSynthCorpus } from '../../src/synth/writeCorpus.js';
import { captureOutput } from '../helpers/io.js';
import { transpiledDist } from '../helpers/transpile.js';

const hasRedis = hasRedisServer();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let dir: string;
let dist: string;
let redis: LocalRedis | undefined;
let url: string;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  // In CI (CI set; .ci/run installs redis-server) a missing server fails the test instead of skipping it.
  if (!hasRedis && process.env.CI)
    throw new Error('redis-server is not installed: .ci/run installs it with apt-get');
  if (!hasRedis) return;
  dir = mkdtempSync(join(tmpdir(), 'al-queue-'));
  dist = transpiledDist(join(dir, 'work'), ['src/cli/main.ts']);
  redis = await startLocalRedis();
  url = redis.url;
}, 60_000);

afterAll(async () => {
  for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGTERM');
  await redis?.stop();
});

function startWorker(name: string): { child: ChildProcess; log: () => string } {
  const child = spawn(
    process.execPath,
    [join(dist, 'cli', 'main.js'), 'worker', '--redis', url, '--lock-duration', '2000'],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir },
  );
  workers.push(child);
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  return { child, log: () => `${name}:\n${out}` };
}

describe.skipIf(!hasRedis && !process.env.CI)('submit + worker (BullMQ on a real redis-server)', () => {
  it('a worker killed mid-job has its shard redone; the report equals the single run', async () => {
    const corpus = join(dir, 'corpus.jsonl');
    await writeSynthCorpus(
      generateConversations({ n: 4000, seed: 5, affectiveShare: 0.3, users: 500 }),
      corpus,
      'openai',
    );
    const io = captureOutput();
    const out = join(dir, 'report');
    const common = ['--workers', '0', '--seed', '3', '--batch-size', '50'];
    expect(
      await main([
        'node',
        'affectlens',
        'submit',
        corpus,
        '--redis',
        url,
        '--shards',
        '4',
        '--out',
        out,
        ...common,
      ]),
    ).toBe(0);
    expect(io.out()).toMatch(/4 shard job\(s\) queued/);
    const a = startWorker('A');
    const b = startWorker('B');
    // Kill A as soon as it is inside a shard.
    for (let i = 0; !/started \(attempt 1/.test(a.log()); i++) {
      if (i > 600) throw new Error(`worker A took no job:\n${a.log()}\n${b.log()}`);
      await sleep(50);
    }
    const killedShard = /shard (\d)\/4: started/.exec(a.log())![1];
    await sleep(200);
    expect(a.log()).not.toMatch(new RegExp(`shard ${killedShard}/4: partial state written`));
    a.child.kill('SIGKILL');
    for (let i = 0; !existsSync(join(out, 'report.json')); i++) {
      if (i > 1200) throw new Error(`no report after 120 s:\n${a.log()}\n${b.log()}`);
      await sleep(100);
    }
    // B took the killed shard up again and finished it.
    expect(b.log()).toMatch(new RegExp(`shard ${killedShard}/4: partial state written`));
    expect(b.log()).toMatch(/last shard of the run: report written/);
    const single = join(dir, 'single');
    expect(await main(['node', 'affectlens', 'analyze', corpus, '--out', single, ...common])).toBe(0);
    expect(readFileSync(join(out, 'report.json'), 'utf8')).toBe(
      readFileSync(join(single, 'report.json'), 'utf8'),
    );
    // Nothing lost or counted twice: the four parts hold every conversation once.
    const parts = readdirSync(`${out}.parts`).filter((f) => f.startsWith('shard-'));
    expect(parts).toHaveLength(4);
    const total = parts.reduce((s, p) => s + readStateHeader(join(`${out}.parts`, p)).records.count, 0);
    expect(total).toBe(4000);
  }, 180_000);

  it('an unreachable Redis is one line naming the URL, exit 1', async () => {
    const io = captureOutput();
    const port = await freeLoopbackPort();
    const code = await main([
      'node',
      'affectlens',
      'worker',
      '--redis',
      `redis://user:secret@127.0.0.1:${port}`,
    ]);
    expect(code).toBe(1);
    expect(io.err().trim().split('\n')).toEqual([
      `affectlens: error: cannot reach Redis at redis://user:***@127.0.0.1:${port}: ECONNREFUSED`,
    ]);
  });
});
