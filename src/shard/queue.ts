/**
 * Queue mode on BullMQ + Redis: `submit` enqueues one job per shard of a run; any number of
 * `worker`s, on any machines that see the same folders, take jobs, write each shard's partial state,
 * and the worker that finishes the last shard merges them into the report.
 *
 * - Retries: a failed job is tried again (JOB_ATTEMPTS, exponential backoff).
 * - A worker killed mid-job stops renewing the job's lock; BullMQ's stalled-job check moves the job
 *   back to the queue and another worker does it again from the start. A shard's output is written
 *   to a staging folder and replaces the part folder only when complete, so a killed attempt leaves
 *   nothing half written, and the second attempt's state is the whole shard: nothing lost, nothing
 *   counted twice. The shard's LLM answers are in its run store (shard-i-of-N): the redo reuses every
 *   answer the killed attempt paid for.
 * - Completed jobs are removed (removeOnComplete) so Redis keeps only what is pending; failed ones
 *   are kept a week for inspection. The set of finished shards of a run expires after a week.
 * - Which job merges: each finished shard is added to the run's set in Redis; the job that brings it
 *   to N takes the run's merge lock (SET NX, its own job id, so a redo of the same job may take it
 *   over) and merges. `affectlens merge` on the part folders does the same by hand.
 */
import { randomBytes } from 'node:crypto';
import { connect as netConnect, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { type ConnectionOptions, type Job, Queue, Worker } from 'bullmq';
import { expandInputs } from '../conversation/read.js';
import { type ShardSpec, shardName } from './shardKey.js';

export const DEFAULT_QUEUE = 'affectlens-shards';
export const JOB_ATTEMPTS = 5;
export const BACKOFF_MS = 2000;
const WEEK_S = 7 * 24 * 3600;

/** One shard of a run, as a job carries it. */
export interface ShardJob {
  run: string;
  shard: ShardSpec;
  /** Absolute paths (the workers must see them at the same paths). */
  inputs: string[];
  /** `analyze` flags of the run (engine, seed, thresholds, …), as given to submit. */
  args: string[];
  /** Where each shard's partial state goes: `${partsDir}/shard-i-of-N`. */
  partsDir: string;
  reportDir: string;
  /** `merge` flags (engine options for naming and audit). */
  mergeArgs: string[];
}

/** A Redis URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/:\/\/([^:@/]*):([^@/]*)@/, '://$1:***@');
}

/** redis://[user:password@]host[:port][/db] (rediss:// for TLS) as BullMQ's connection options. */
export function connectionOf(url: string): ConnectionOptions & { host: string; port: number; tls?: object } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new RedisUnreachable(url, 'not a URL (redis://host:port)');
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw new RedisUnreachable(url, 'not a redis:// or rediss:// URL');
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(Number.isInteger(db) && db > 0 ? { db } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    // A worker's blocking connection must not give up on a request (BullMQ requires this).
    maxRetriesPerRequest: null,
  };
}

export class RedisUnreachable extends Error {
  constructor(url: string, why: string) {
    super(`cannot reach Redis at ${redactUrl(url)}: ${why}`);
    this.name = 'RedisUnreachable';
  }
}

/**
 * Fails fast, in one line naming the URL, when nothing answers PING there (BullMQ itself would retry
 * the connection for ever).
 */
export async function checkRedis(url: string, timeoutMs = 3000): Promise<void> {
  const c = connectionOf(url);
  await new Promise<void>((ok, fail) => {
    const socket: Socket = c.tls
      ? tlsConnect({ host: c.host, port: c.port, servername: c.host })
      : netConnect({ host: c.host, port: c.port });
    const done = (err?: string) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) fail(new RedisUnreachable(url, err));
      else ok();
    };
    const timer = setTimeout(() => done(`no answer within ${timeoutMs} ms`), timeoutMs);
    socket.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message));
    socket.once('data', (data) => {
      const line = data.toString('utf8');
      // +PONG, or an error that says a Redis is there but wants credentials (BullMQ sends them).
      if (line.startsWith('+PONG') || /^-(NOAUTH|WRONGPASS)/.test(line)) done();
      else done(`unexpected answer to PING: ${line.split('\r\n')[0].slice(0, 60)}`);
    });
    socket.on(c.tls ? 'secureConnect' : 'connect', () => socket.write('PING\r\n'));
  });
}

export const partDirOf = (partsDir: string, shard: ShardSpec) =>
  join(partsDir, `shard-${shard.index}-of-${shard.count}`);

export interface SubmitOptions {
  redisUrl: string;
  queue?: string;
  inputs: string[];
  shards: number;
  outDir: string;
  args: string[];
  mergeArgs?: string[];
  /** Default: `<outDir>.parts` (beside the report folder, which is replaced whole when written). */
  partsDir?: string;
}

export async function submitShards(
  options: SubmitOptions,
): Promise<{ run: string; jobs: number; partsDir: string }> {
  // Globs expanded and missing files named here, not in N failing jobs.
  const inputs = await expandInputs(options.inputs);
  await checkRedis(options.redisUrl);
  const queue = new Queue<ShardJob>(options.queue ?? DEFAULT_QUEUE, {
    connection: connectionOf(options.redisUrl),
  });
  const run = `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const reportDir = resolve(options.outDir);
  const partsDir = resolve(options.partsDir ?? `${reportDir}.parts`);
  try {
    await queue.addBulk(
      Array.from({ length: options.shards }, (_, index) => ({
        name: 'shard',
        data: {
          run,
          shard: { index, count: options.shards },
          inputs: inputs.map((f) => resolve(f)),
          args: options.args,
          partsDir,
          reportDir,
          mergeArgs: options.mergeArgs ?? [],
        },
        opts: {
          jobId: `${run}-${index}`,
          attempts: JOB_ATTEMPTS,
          backoff: { type: 'exponential', delay: BACKOFF_MS },
          removeOnComplete: true,
          removeOnFail: { age: WEEK_S },
        },
      })),
    );
  } finally {
    await queue.close();
  }
  return { run, jobs: options.shards, partsDir };
}

export interface WorkerOptions {
  redisUrl: string;
  queue?: string;
  /** Jobs run at once in this process (default 1: a shard already uses the cores it is given). */
  concurrency?: number;
  /** How long a job's lock lasts without renewal before the job counts as stalled (BullMQ default 30 s). */
  lockDurationMs?: number;
  /** How often stalled jobs are looked for. */
  stalledIntervalMs?: number;
  log: (line: string) => void;
}

export interface ShardRunner {
  /** Writes the job's shard to `partDir` (throws on failure: the job is retried). */
  analyze(job: ShardJob, partDir: string): Promise<void>;
  /** Merges the run's part folders into its report. */
  merge(job: ShardJob, partDirs: string[]): Promise<void>;
}

/** Starts a worker; resolves with a handle whose close() waits for the job in hand. */
export async function startShardWorker(
  options: WorkerOptions,
  runner: ShardRunner,
): Promise<{ close(): Promise<void>; worker: Worker<ShardJob> }> {
  await checkRedis(options.redisUrl);
  const connection = connectionOf(options.redisUrl);
  const queueName = options.queue ?? DEFAULT_QUEUE;
  const worker = new Worker<ShardJob>(
    queueName,
    async (job: Job<ShardJob>) => {
      const data = job.data;
      const name = `run ${data.run} shard ${shardName(data.shard)}`;
      options.log(`${name}: started (attempt ${job.attemptsMade + 1} of ${JOB_ATTEMPTS})`);
      await runner.analyze(data, partDirOf(data.partsDir, data.shard));
      const client = await worker.client;
      const doneKey = `affectlens:${queueName}:${data.run}:done`;
      const lockKey = `affectlens:${queueName}:${data.run}:merge`;
      await client.runCommand('sadd', [doneKey, String(data.shard.index)]);
      await client.runCommand('expire', [doneKey, WEEK_S]);
      const finished = Number(await client.runCommand('scard', [doneKey]));
      options.log(`${name}: partial state written (${finished} of ${data.shard.count} shards done)`);
      if (finished < data.shard.count) return { merged: false };
      const took = await client.runCommand('set', [lockKey, job.id ?? name, 'EX', WEEK_S, 'NX']);
      if (took !== 'OK' && (await client.runCommand('get', [lockKey])) !== job.id) return { merged: false };
      try {
        const parts = Array.from({ length: data.shard.count }, (_, index) =>
          partDirOf(data.partsDir, { index, count: data.shard.count }),
        );
        await runner.merge(data, parts);
      } catch (err) {
        await client.runCommand('del', [lockKey]);
        throw err;
      }
      options.log(`${name}: last shard of the run: report written to ${data.reportDir}`);
      return { merged: true };
    },
    {
      connection,
      concurrency: options.concurrency ?? 1,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
      // A job whose worker died is put back this many times before it counts as failed.
      maxStalledCount: 3,
    },
  );
  worker.on('failed', (job, err) =>
    options.log(
      `run ${job?.data.run} shard ${job ? shardName(job.data.shard) : '?'}: failed: ${err.message.split('\n')[0]}`,
    ),
  );
  worker.on('error', (err) => options.log(`worker: ${err.message.split('\n')[0]}`));
  await worker.waitUntilReady();
  return { worker, close: () => worker.close() };
}
