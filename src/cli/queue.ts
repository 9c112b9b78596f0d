/**
 * Queue mode (BullMQ + Redis): `affectlens submit` enqueues one job per shard, `affectlens worker`
 * runs them (src/shard/queue.ts). A job runs the same `analyze --shard` and `merge` commands a person
 * would, so the flags mean the same in both modes.
 */
import { resolve } from 'node:path';
import { Command, type Option } from 'commander';
import { type ShardJob, startShardWorker, submitShards } from '../shard/queue.js';
import { analyzeCommand } from './analyze.js';
import { mergeCommand } from './merge.js';
import { intOption } from './options.js';

/** analyze flags a shard job cannot take (they belong to the queue, or to a run without shards). */
const NOT_FOR_JOBS = new Set([
  '--out',
  '--shard',
  '--export-decisions',
  '--cascade',
  '--verify-rate',
  '--purge-store',
  '--max-error-rate',
]);
/** analyze flags the merge (naming, audit, embeddings) takes too. */
const FOR_MERGE = new Set([
  '--engine',
  '--store',
  '--embeddings-url',
  '--embeddings-model',
  '--model',
  '--base-url',
  '--batch',
  '--concurrency',
  '--rpm',
  '--tpm',
  '--threads',
  // The report's language: the merge writes report.html in it and names clusters in it.
  '--report-lang',
]);
/** Flags whose value is a path. */
const PATH_FLAGS = new Set(['--store', '--calibration']);
/** Only the merge needs these. */
const MERGE_ONLY = new Set(['--embeddings-url', '--embeddings-model']);

export function submitCommand(): Command {
  const cmd = new Command('submit')
    .description(
      'Queue a run as one BullMQ job per shard on Redis; `affectlens worker` processes take them and the last one writes the report (the inputs and --out must be at the same paths for every worker).',
    )
    .argument('<inputs...>', 'log files (absolute paths are sent to the workers)')
    .requiredOption('--redis <url>', 'Redis URL, e.g. redis://127.0.0.1:6379')
    .requiredOption('--shards <n>', 'number of shards (jobs)', intOption('--shards', 1))
    .option('--out <dir>', 'report folder (partial states go to <dir>.parts)', 'affectlens-report')
    .option('--queue <name>', 'BullMQ queue name', 'affectlens-shards');
  const passed: Option[] = analyzeCommand().options.filter(
    (o) => o.long !== undefined && !NOT_FOR_JOBS.has(o.long) && o.long !== '--help',
  );
  for (const o of passed) cmd.addOption(o);
  return cmd.action(async (inputs: string[], opts) => {
    const args: string[] = [];
    const mergeArgs: string[] = [];
    for (const o of passed) {
      const name = o.attributeName();
      const source = cmd.getOptionValueSource(name);
      if (source !== 'cli' && source !== 'env') continue;
      const flag = o.long!;
      // Paths travel as absolute paths: workers do not share the submitter's working directory.
      const value = PATH_FLAGS.has(flag) && opts[name] !== 'none' ? resolve(String(opts[name])) : opts[name];
      const words =
        !o.required && !o.optional
          ? value
            ? [flag]
            : []
          : o.variadic
            ? [flag, ...(value as unknown[]).map(String)]
            : [flag, String(value)];
      if (!MERGE_ONLY.has(flag)) args.push(...words);
      if (FOR_MERGE.has(flag)) mergeArgs.push(...words);
    }
    const r = await submitShards({
      redisUrl: opts.redis,
      queue: opts.queue,
      inputs,
      shards: opts.shards,
      outDir: opts.out,
      args,
      mergeArgs,
    });
    process.stdout.write(
      `run ${r.run}: ${r.jobs} shard job(s) queued on ${opts.queue}; partial states go to ${r.partsDir}, the report to ${opts.out} (start workers with affectlens worker --redis URL)\n`,
    );
  });
}

export function workerCommand(): Command {
  return new Command('worker')
    .description(
      'Take shard jobs from Redis and run them (analyze --shard, then merge after the last shard of a run) until stopped with SIGINT or SIGTERM.',
    )
    .requiredOption('--redis <url>', 'Redis URL, e.g. redis://127.0.0.1:6379')
    .option('--queue <name>', 'BullMQ queue name', 'affectlens-shards')
    .option('--concurrency <n>', 'jobs at once in this process', intOption('--concurrency', 1), 1)
    .option(
      '--lock-duration <ms>',
      "how long a job's lock lasts without renewal: a worker killed mid-job has its job taken up again after about this long",
      intOption('--lock-duration', 1000),
      30_000,
    )
    .action(async (opts) => {
      const log = (line: string) => process.stderr.write(`affectlens worker: ${line}\n`);
      const handle = await startShardWorker(
        {
          redisUrl: opts.redis,
          queue: opts.queue,
          concurrency: opts.concurrency,
          lockDurationMs: opts.lockDuration,
          stalledIntervalMs: Math.max(500, Math.floor(opts.lockDuration / 2)),
          log,
        },
        {
          analyze: (job: ShardJob, partDir: string) =>
            runCommand(analyzeCommand(), [
              ...job.inputs,
              ...job.args,
              '--shard',
              `${job.shard.index}/${job.shard.count}`,
              '--out',
              partDir,
            ]),
          merge: (job: ShardJob, parts: string[]) =>
            runCommand(mergeCommand(), [...parts, '--out', job.reportDir, ...job.mergeArgs]),
        },
      );
      log(`waiting for jobs on ${opts.queue}`);
      await new Promise<void>((done) => {
        const stop = () => {
          log('stopping: finishing the job in hand');
          handle.close().then(done, done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}

async function runCommand(cmd: Command, args: string[]): Promise<void> {
  cmd.exitOverride();
  await cmd.parseAsync(args, { from: 'user' });
}
