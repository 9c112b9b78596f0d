/**
 * `npm run bench queue`: the LLM path through queue mode against one process. The fake LLM server
 * (20 ms latency, in this process) and a throwaway redis-server on a free loopback port; one
 * synthetic corpus from the bench cache.
 *
 * (a) one process: `affectlens analyze --engine openai --concurrency C` against the fake server;
 * (b) queue mode: 2 `affectlens worker` processes already waiting, then `submit --shards S`; wall
 *     time from submit to the worker's "report written" line.
 * Calls are counted by the fake server (what a provider would bill), by kind (the facets call, and
 * any naming / audit calls); requests in flight at the server are sampled every 5 ms. Baselines in
 * the same run: bare fetches of a recorded facets request at the same concurrency from one child
 * process, and from two at once (the machine's ceiling for two clients of this one server).
 *
 * Size: AFFECTLENS_BENCH_QUEUE_SIZE (default 3000), shards AFFECTLENS_BENCH_QUEUE_SHARDS (default 4),
 * concurrency AFFECTLENS_BENCH_QUEUE_CONCURRENCY (default 8, the engine's default).
 * Needs `npm run build` (it runs dist/cli/main.js) and redis-server on the PATH.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type FakeLlmServer, startFakeLlmServer } from '../llm/fakeServer.js';
import { hasRedisServer, startLocalRedis } from '../shard/localRedis.js';
import type { BenchSection } from './benchSection.js';
import { corpusFile, type Measurement, medianOf } from './harness.js';
import { jsonDiffPaths } from './jsonDiff.js';
import { callsPerSecond, projectionLines } from './llmProjection.js';

const CLI = resolve(import.meta.dirname, '..', 'cli', 'main.js');
const LATENCY_MS = 20;
const WORKERS = 2;
/** The conversations of the README's projection (the study's size). */
const PROJECT_TO = 4_500_000;

/** Facets calls (and others) the fake server answered since `from`, by JSON schema name. */
function callsByKind(server: FakeLlmServer, from: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of server.calls.slice(from)) {
    const body = c.body as { response_format?: { json_schema?: { name?: string } } } | undefined;
    const kind = `${c.path} ${body?.response_format?.json_schema?.name ?? '-'}`;
    out[kind] = (out[kind] ?? 0) + 1;
  }
  return out;
}

const FACETS_KIND = '/v1/chat/completions facets';

/**
 * Requests in flight at the server (arrived, not yet answered), sampled every 5 ms; also when the
 * first and the last facets request arrived (the calling phase).
 */
function inFlightSampler(server: FakeLlmServer) {
  const from = server.calls.length;
  const paid0 = server.paidCalls();
  let peak = 0;
  let sum = 0;
  let samples = 0;
  let first: number | undefined;
  let last: number | undefined;
  let seen = from;
  const t0 = performance.now();
  const tick = () => {
    const now = performance.now();
    const arrived = server.calls.length - from;
    const inFlight = arrived - (server.paidCalls() - paid0);
    if (server.calls.length > seen) {
      first ??= now;
      last = now;
      seen = server.calls.length;
    }
    if (first !== undefined) {
      peak = Math.max(peak, inFlight);
      sum += inFlight;
      samples++;
    }
  };
  const timer = setInterval(tick, 5);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return {
        peak,
        /** Mean over the samples from the first request on (idle tails included). */
        mean: samples > 0 ? sum / samples : 0,
        callingSeconds: first !== undefined && last !== undefined ? (last - first) / 1000 : 0,
        startedAfterSeconds: first !== undefined ? (first - t0) / 1000 : 0,
      };
    },
  };
}

interface Child {
  child: ChildProcess;
  log: () => string;
  exit: Promise<number | null>;
}

function startCli(args: string[], env: NodeJS.ProcessEnv, cwd: string): Child {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env, cwd });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, log: () => out, exit };
}

async function runCli(args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  const c = startCli(args, env, cwd);
  const code = await c.exit;
  if (code !== 0) throw new Error(`affectlens ${args[0]} exited ${code}: ${c.log().slice(-800)}`);
  return c.log();
}

async function waitFor(what: string, test: () => boolean, timeoutMs: number, logs: () => string) {
  const t0 = Date.now();
  while (!test()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`${what}: not within ${timeoutMs / 1000} s\n${logs()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Bare fetches of one recorded request body, `concurrency` at a time, from a child process. */
const BARE_FETCH = `
const [url, concurrency, n, bodyFile] = process.argv.slice(1);
const body = (await import('node:fs')).readFileSync(bodyFile, 'utf8');
let next = 0;
await Promise.all(Array.from({ length: Number(concurrency) }, async () => {
  while (next < Number(n)) {
    next++;
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer bench' }, body });
    if (r.status !== 200) throw new Error('status ' + r.status);
    await r.json();
  }
}));
`;

async function bareFetch(url: string, concurrency: number, n: number, bodyFile: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--input-type=module', '-e', BARE_FETCH, url, String(concurrency), String(n), bodyFile],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  if (code !== 0) throw new Error(`bare fetch exited ${code}: ${err.slice(-500)}`);
}

const round = (x: number, d = 1) => Number(x.toFixed(d));

interface Setup {
  server: FakeLlmServer;
  redisUrl: string;
  file: string;
  dir: string;
  env: NodeJS.ProcessEnv;
  flags: string[];
  shards: number;
  concurrency: number;
  workers: Child[];
}

interface PaidRun {
  m: Measurement;
  facets: number;
  prompts: Set<string>;
  repeats: number;
  body?: unknown;
  reportFile: string;
}

/** Runs `fn` while counting what the fake server is asked: calls by kind, prompts paid, in flight. */
async function counted(server: FakeLlmServer, fn: () => Promise<string>) {
  const mark = server.calls.length;
  const paidMark = server.paidPrompts().length;
  const sampler = inFlightSampler(server);
  const t0 = performance.now();
  const log = await fn();
  const seconds = (performance.now() - t0) / 1000;
  const flight = sampler.stop();
  const kinds = callsByKind(server, mark);
  const paid = server.paidPrompts().slice(paidMark);
  const prompts = new Set(paid);
  const facets = kinds[FACETS_KIND] ?? 0;
  return {
    log,
    seconds,
    calls: server.calls.length - mark,
    facets,
    prompts,
    repeats: paid.length - prompts.size,
    body: server.calls.slice(mark).find((c) => c.path === '/v1/chat/completions')?.body,
    extra: {
      'facets calls': facets,
      'calls by kind': JSON.stringify(kinds),
      'distinct prompts paid': prompts.size,
      'calling phase s': round(flight.callingSeconds, 2),
      'calls/s in calling phase': round(facets / flight.callingSeconds),
      'peak in flight': flight.peak,
      'mean in flight': round(flight.mean),
    } as Record<string, number | string>,
  };
}

/** (a) One process: `analyze` with the LLM engine, a fresh run store. */
async function runSingle(s: Setup, r: number): Promise<PaidRun> {
  const out = join(s.dir, `single-${r}`);
  const c = await counted(s.server, () =>
    runCli(
      ['analyze', s.file, '--out', out, '--store', join(s.dir, `store-single-${r}`), ...s.flags],
      s.env,
      s.dir,
    ),
  );
  const reused = Number(/(\d+) reused from the run store/.exec(c.log)?.[1] ?? 0);
  return {
    m: {
      name: `one process, analyze --concurrency ${s.concurrency}`,
      items: c.calls,
      unit: 'calls',
      seconds: c.seconds,
      perSecond: callsPerSecond(c.calls, c.seconds),
      peakRssMB: 0,
      extra: { ...c.extra, 'answers reused (repeated conversations)': reused },
    },
    facets: c.facets,
    prompts: c.prompts,
    repeats: c.repeats,
    body: c.body,
    reportFile: join(out, 'report.json'),
  };
}

/** (b) Queue mode: `submit` to the waiting workers; wall from submit to the "report written" line. */
async function runQueue(s: Setup, r: number): Promise<PaidRun & { shardsPerWorker: string }> {
  const out = join(s.dir, `queued-${r}`);
  const merged = s.workers.map((w) => (w.log().match(/report written/g) ?? []).length);
  const written = s.workers.map((w) => (w.log().match(/partial state written/g) ?? []).length);
  const logs = () => s.workers.map((w, i) => `worker ${i}:\n${w.log()}`).join('\n');
  const c = await counted(s.server, async () => {
    const log = await runCli(
      [
        'submit',
        s.file,
        '--redis',
        s.redisUrl,
        '--shards',
        String(s.shards),
        '--out',
        out,
        '--store',
        join(s.dir, `store-queue-${r}`),
        ...s.flags,
      ],
      s.env,
      s.dir,
    );
    await waitFor(
      'queue report',
      () => s.workers.some((w, i) => (w.log().match(/report written/g) ?? []).length > merged[i]),
      600_000,
      logs,
    );
    return log;
  });
  return {
    m: {
      name: `queue: submit --shards ${s.shards}, ${WORKERS} workers`,
      items: c.calls,
      unit: 'calls',
      seconds: c.seconds,
      perSecond: callsPerSecond(c.calls, c.seconds),
      peakRssMB: 0,
      extra: c.extra,
    },
    facets: c.facets,
    prompts: c.prompts,
    repeats: c.repeats,
    reportFile: join(out, 'report.json'),
    shardsPerWorker: s.workers
      .map((w, i) => (w.log().match(/partial state written/g) ?? []).length - written[i])
      .join('+'),
  };
}

/** Bare fetches from `processes` child processes at once, `inFlight` each, `calls` in all. */
async function runBare(
  s: Setup,
  processes: number,
  inFlight: number,
  calls: number,
  bodyFile: string,
): Promise<Measurement> {
  const url = `${s.server.url}/v1/chat/completions`;
  const each = Math.ceil(calls / processes);
  const t0 = performance.now();
  await Promise.all(Array.from({ length: processes }, () => bareFetch(url, inFlight, each, bodyFile)));
  const seconds = (performance.now() - t0) / 1000;
  return {
    name: `bare fetch, ${processes} process${processes > 1 ? 'es' : ''}, ${inFlight} in flight${processes > 1 ? ' each' : ''}`,
    items: each * processes,
    unit: 'calls',
    seconds,
    perSecond: callsPerSecond(each * processes, seconds),
    peakRssMB: 0,
    extra: { 'ideal (in flight / latency)': round((processes * inFlight) / (LATENCY_MS / 1000)) },
  };
}

/** The median run's measurement (by time), and the run itself. */
function medianRun<T extends { m: Measurement }>(runs: T[]): { m: Measurement; run: T } {
  const m = medianOf(runs.map((r) => r.m));
  return { m, run: runs.find((r) => r.m.seconds === m.seconds)! };
}

export const queueLlmBench: BenchSection = {
  name: 'queue',
  description: `LLM engine (openai wire, fake server ${LATENCY_MS} ms) through submit + ${WORKERS} queue workers, against one process`,
  async run(ctx) {
    if (!existsSync(CLI)) throw new Error(`${CLI} not found: run npm run build first`);
    if (!hasRedisServer()) throw new Error('redis-server is not on the PATH (apt-get install redis-server)');
    const n = Number(process.env.AFFECTLENS_BENCH_QUEUE_SIZE ?? 3000);
    const shards = Number(process.env.AFFECTLENS_BENCH_QUEUE_SHARDS ?? 4);
    const concurrency = Number(process.env.AFFECTLENS_BENCH_QUEUE_CONCURRENCY ?? 8);
    const repeats = Number(process.env.AFFECTLENS_BENCH_QUEUE_REPEATS ?? 3);
    const file = await corpusFile(n);
    const dir = mkdtempSync(join(tmpdir(), 'al-bench-queue-'));
    const server = await startFakeLlmServer({ latencyMs: LATENCY_MS });
    const workers: Child[] = [];
    let redis: Awaited<ReturnType<typeof startLocalRedis>> | undefined;
    try {
      redis = await startLocalRedis();
      const env = { ...process.env, OPENAI_API_KEY: 'bench' };
      const flags = [
        '--engine',
        'openai',
        '--base-url',
        `${server.url}/v1`,
        '--model',
        'gpt-4.1-mini',
        '--concurrency',
        String(concurrency),
        '--seed',
        '1',
      ];
      ctx.note(
        `${n.toLocaleString('en-US')} synthetic conversations (${file}); flags: ${flags.join(' ').replace(server.url, 'FAKE')}; ${repeats} alternated repeats, the median run shown`,
      );
      for (let i = 0; i < WORKERS; i++) workers.push(startCli(['worker', '--redis', redis.url], env, dir));
      const logs = () => workers.map((w, i) => `worker ${i}:\n${w.log()}`).join('\n');
      for (const w of workers)
        await waitFor('worker ready', () => /waiting for jobs/.test(w.log()), 30_000, logs);
      const setup: Setup = {
        server,
        redisUrl: redis.url,
        file,
        dir,
        env,
        flags,
        shards,
        concurrency,
        workers,
      };

      // The pipeline keeps two engine batches in flight, each with --concurrency requests: 2 × C at most.
      const inFlight = 2 * concurrency;
      const bodyFile = join(dir, 'body.json');
      const singles: PaidRun[] = [];
      const queued: Awaited<ReturnType<typeof runQueue>>[] = [];
      const bare1: Measurement[] = [];
      const bare2: Measurement[] = [];
      for (let r = 0; r < repeats; r++) {
        singles.push(await runSingle(setup, r));
        if (r === 0) writeFileSync(bodyFile, JSON.stringify(singles[0].body));
        const calls = singles[0].m.items;
        bare1.push(await runBare(setup, 1, inFlight, calls, bodyFile));
        bare2.push(await runBare(setup, 2, inFlight, calls, bodyFile));
        queued.push(await runQueue(setup, r));
      }
      const b1 = medianOf(bare1);
      const b2 = medianOf(bare2);
      const single = medianRun(singles);
      const queue = medianRun(queued);
      ctx.report(b1);
      ctx.report(b2);
      single.m.extra = {
        ...single.m.extra,
        'vs bare 1 process': round(single.m.perSecond / b1.perSecond, 3),
      };
      ctx.report(single.m);

      const singleText = readFileSync(singles[0].reportFile, 'utf8');
      const diffs = queued.map((q) => {
        const text = readFileSync(q.reportFile, 'utf8');
        return text === singleText ? [] : jsonDiffPaths(JSON.parse(singleText), JSON.parse(text));
      });
      const figuresEqual = diffs.every((d) => d.every((p) => p.startsWith('provenance.')));
      const s0 = singles[0];
      const q = queue.run;
      const samePrompts =
        q.prompts.size === s0.prompts.size && [...q.prompts].every((p) => s0.prompts.has(p));
      queue.m.extra = {
        ...queue.m.extra,
        'vs one process': round(queue.m.perSecond / single.m.perSecond, 3),
        'vs bare 2 processes': round(queue.m.perSecond / b2.perSecond, 3),
        'facets calls minus the single run': q.facets - s0.facets,
        'same prompts as the single run': samePrompts ? 'yes' : 'NO',
        'shards per worker': q.shardsPerWorker,
        'report.json equals the single run':
          diffs[0].length === 0 ? 'byte-identical' : `differs at ${diffs[0].join(', ')}`,
        'figures (all but provenance) equal in every repeat': figuresEqual ? 'yes' : 'NO',
      };
      ctx.report(queue.m);
      ctx.note(
        `calls counted by the fake server: one process ${s0.m.items} (${s0.facets} facets calls for ${n} conversations: ${s0.prompts.size} distinct prompts, ${s0.repeats} paid twice), queue ${q.m.items} (${q.facets} facets calls, ${q.prompts.size} distinct prompts${samePrompts ? ', the same as one process' : ', NOT the same set as one process'}, ${q.repeats} paid again): ${q.facets === s0.facets ? 'nothing paid twice' : `${q.facets - s0.facets} facets calls more than one process: repeated conversations (same text, other users) whose copies fell in different shards, each shard having its own run store`}`,
      );
      ctx.note(
        `ideal = 2 engine batches × ${concurrency} in flight / ${LATENCY_MS} ms = ${round(inFlight / (LATENCY_MS / 1000))} calls/s per process`,
      );
      const perWorker = queue.m.perSecond / WORKERS;
      const input = {
        conversations: PROJECT_TO,
        callsPerConversation: 1,
        callsPerSecondPerWorker: perWorker,
        workers: WORKERS,
      };
      ctx.note(
        `projection from the queue's end-to-end rate (${round(perWorker)} calls/s per worker, ${WORKERS} workers sharing 2 cores with the fake server):`,
      );
      for (const line of projectionLines(input)) ctx.note(`  ${line}`);
    } finally {
      for (const w of workers)
        if (w.child.exitCode === null && w.child.signalCode === null) {
          w.child.kill('SIGTERM');
          await Promise.race([w.exit, new Promise((r) => setTimeout(r, 10_000))]);
          if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
        }
      await redis?.stop();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
