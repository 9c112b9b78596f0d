/**
 * Shards + merge on one synthetic corpus (offline engine), as separate CLI processes the way a job
 * runner starts them: N shards run `parallel` at a time (default 4 shards, 2 at a time on this 2-core
 * machine, one worker thread each), then `affectlens merge`; every process under /usr/bin/time for its
 * wall time and peak RSS. The merge is run for 2 and for N shards of the same corpus, to see whether
 * its memory stays flat in N. Also the single-process run of the same corpus (2 worker threads).
 * Size: AFFECTLENS_BENCH_SHARD_SIZE (default 4,500,000, the study's size; generated once into the
 * bench cache). Needs `npm run build` (it runs dist/cli/main.js).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BenchSection } from './benchSection.js';
import { corpusFile, type Measurement } from './harness.js';

const CLI = resolve(import.meta.dirname, '..', 'cli', 'main.js');

interface Timed {
  seconds: number;
  peakRssMB: number;
}

/** Runs the CLI under /usr/bin/time: wall seconds and peak RSS (max resident set size). */
async function timedCli(args: string[]): Promise<Timed> {
  const t0 = Date.now();
  const stderr = await new Promise<string>((ok, fail) => {
    const child = spawn('/usr/bin/time', ['-f', 'maxrss_kb=%M', process.execPath, CLI, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) =>
      code === 0 ? ok(err) : fail(new Error(`affectlens ${args[0]} exited ${code}: ${err.slice(-500)}`)),
    );
  });
  const kb = Number(/maxrss_kb=(\d+)/.exec(stderr)?.[1] ?? 0);
  return { seconds: (Date.now() - t0) / 1000, peakRssMB: Math.round(kb / 1024) };
}

const m = (name: string, items: number, t: Timed, extra?: Measurement['extra']): Measurement => ({
  name,
  items,
  unit: 'conv',
  seconds: t.seconds,
  perSecond: items / t.seconds,
  peakRssMB: t.peakRssMB,
  extra,
});

export const shardsBench: BenchSection = {
  name: 'shards',
  description: 'analyze --shard i/N (N processes, 2 at a time) + merge, offline engine, against one process',
  async run(ctx) {
    if (!existsSync(CLI)) throw new Error(`${CLI} not found: run npm run build first`);
    const n = Number(process.env.AFFECTLENS_BENCH_SHARD_SIZE ?? 4_500_000);
    const shards = Number(process.env.AFFECTLENS_BENCH_SHARDS ?? 4);
    const parallel = Number(process.env.AFFECTLENS_BENCH_PARALLEL ?? 2);
    const file = await corpusFile(n);
    ctx.note(
      `${n.toLocaleString('en-US')} conversations: ${(statSync(file).size / 2 ** 20).toFixed(0)} MB at ${file}`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'al-bench-shards-'));
    try {
      // AFFECTLENS_BENCH_SHARD_SINGLE=0 skips the single-process run and the 2-shard merge (at the
      // study's size they take longer than the shards; the suite checks shards + merge = one run).
      const compare = process.env.AFFECTLENS_BENCH_SHARD_SINGLE !== '0';
      const single = compare
        ? await timedCli(['analyze', file, '--out', join(dir, 'single'), '--seed', '1'])
        : undefined;
      if (single) ctx.report(m(`single process ${n} (2 worker threads)`, n, single));

      const runShards = async (count: number) => {
        const parts: string[] = [];
        const times: Timed[] = [];
        const t0 = Date.now();
        const queue = Array.from({ length: count }, (_, i) => i);
        await Promise.all(
          Array.from({ length: Math.min(parallel, count) }, async () => {
            for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
              const out = join(dir, `n${count}`, `shard-${i}-of-${count}`);
              parts[i] = out;
              times[i] = await timedCli([
                'analyze',
                file,
                '--shard',
                `${i}/${count}`,
                '--workers',
                '1',
                '--out',
                out,
                '--seed',
                '1',
              ]);
            }
          }),
        );
        const wall = (Date.now() - t0) / 1000;
        const merge = await timedCli(['merge', ...parts, '--out', join(dir, `merged-${count}`)]);
        const same = single
          ? readFileSync(join(dir, `merged-${count}`, 'report.json'), 'utf8') ===
            readFileSync(join(dir, 'single', 'report.json'), 'utf8')
          : undefined;
        const mb = (files: readonly string[]) =>
          parts.reduce((s, p) => s + files.reduce((t, f) => t + statSync(join(p, f)).size, 0), 0) / 2 ** 20;
        // What the merge reads (the saved analyses), and the records it reads only to fold them instead.
        const savedMB = mb(['accumulator.json', 'accumulator.bin', 'candidates.jsonl']);
        const recordsMB = mb(['records.jsonl']);
        return { times, wall, merge, same, recordsMB, savedMB };
      };

      const main = await runShards(shards);
      for (const [i, t] of main.times.entries())
        ctx.report(m(`shard ${i}/${shards} (1 worker thread)`, n, t));
      ctx.report(
        m(`${shards} shards, ${parallel} at a time: wall`, n, {
          seconds: main.wall,
          peakRssMB: Math.max(...main.times.map((t) => t.peakRssMB)),
        }),
      );
      const meanShard = main.times.reduce((s, t) => s + t.seconds, 0) / main.times.length;
      ctx.report(
        m(`merge of ${shards} shards`, n, main.merge, {
          'merge / mean shard time': Number((main.merge.seconds / meanShard).toFixed(3)),
          'saved analyses MB': Math.round(main.savedMB),
          'records MB': Math.round(main.recordsMB),
          'report.json equals the single run': main.same === undefined ? 'not run' : main.same ? 'yes' : 'NO',
        }),
      );
      if (single && shards !== 2) {
        const two = await runShards(2);
        ctx.report(
          m('merge of 2 shards (same corpus)', n, two.merge, {
            'report.json equals the single run': two.same ? 'yes' : 'NO',
          }),
        );
        ctx.note(
          `merge peak RSS ${two.merge.peakRssMB} MB with 2 shards, ${main.merge.peakRssMB} MB with ${shards}: the merge absorbs one shard's saved analyses at a time; its memory is the merged analyses' (as in one run) plus one shard's state`,
        );
      }
      if (!single)
        ctx.note(
          `${shards} shards ${parallel} at a time + merge: ${(main.wall + main.merge.seconds).toFixed(1)} s on this machine (each shard reads and parses the whole input and classifies its share); the single-process run was skipped (AFFECTLENS_BENCH_SHARD_SINGLE=0)`,
        );
      if (single)
        ctx.note(
          `end to end: single process ${single.seconds.toFixed(1)} s; ${shards} shards ${parallel} at a time + merge ${(main.wall + main.merge.seconds).toFixed(1)} s on this machine (each shard reads and parses the whole input and classifies its quarter)`,
        );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
