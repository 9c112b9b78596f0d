/**
 * Shared bench plumbing: time a step, sample peak RSS while it runs, describe the machine, and
 * write results to bench/results/<name>.json. Speed belongs here, never in timed tests.
 */
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateConversations } from '../synth/generate.js';
import { writeSynthCorpus } from '../synth/writeCorpus.js';

export interface Measurement {
  name: string;
  /** Items processed (conversations, bytes, vectors...), with their unit. */
  items: number;
  unit: string;
  seconds: number;
  perSecond: number;
  peakRssMB: number;
  /** Extra figures (ratios, shares...). */
  extra?: Record<string, number | string>;
}

export function machineDescription(): Record<string, string | number> {
  const c = cpus();
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGB: Math.round(totalmem() / 2 ** 30),
  };
}

/**
 * Peak RSS, sampled every 20 ms while running; each sample is also charged to the current stage
 * (`stage(name)` switches), so a multi-stage run can report a peak per stage.
 */
export class RssSampler {
  peak = process.memoryUsage.rss();
  private current: string | undefined;
  private readonly byStage = new Map<string, number>();
  private readonly timer = setInterval(() => this.sample(), 20);

  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    if (this.current !== undefined && rss > (this.byStage.get(this.current) ?? 0))
      this.byStage.set(this.current, rss);
  }

  stage(name: string): void {
    this.sample();
    this.current = name;
    this.sample();
  }

  peakOf(stage: string): number {
    return this.byStage.get(stage) ?? 0;
  }

  /** Takes a last sample and stops sampling. */
  stop(): void {
    this.sample();
    clearInterval(this.timer);
  }
}

/** Runs `fn`, sampling RSS every 20 ms; peak is the largest sample (and the final one). */
export async function measure<T>(
  name: string,
  unit: string,
  fn: (rss: RssSampler) => Promise<{ items: number; value?: T; extra?: Record<string, number | string> }>,
): Promise<Measurement & { value?: T }> {
  (globalThis as { gc?: () => void }).gc?.();
  const rss = new RssSampler();
  const t0 = process.hrtime.bigint();
  let out: Awaited<ReturnType<typeof fn>>;
  let seconds: number;
  try {
    out = await fn(rss);
    seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  } finally {
    rss.stop();
  }
  return {
    name,
    items: out.items,
    unit,
    seconds,
    perSecond: out.items / seconds,
    peakRssMB: Math.round(rss.peak / 2 ** 20),
    extra: out.extra,
    value: out.value,
  };
}

/**
 * The run with the median time among repeats of one measurement, noting the spread: on a shared
 * machine one run can be a third slower than the next, and a single figure would read as a change.
 */
export function medianOf(runs: readonly Measurement[]): Measurement {
  if (runs.length === 0) throw new Error('medianOf: no runs');
  const sorted = [...runs].sort((a, b) => a.seconds - b.seconds);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)];
  return {
    ...mid,
    peakRssMB: Math.max(...runs.map((r) => r.peakRssMB)),
    extra: {
      ...mid.extra,
      runs: runs.length,
      'slowest /s': Math.round(sorted[sorted.length - 1].perSecond),
      'fastest /s': Math.round(sorted[0].perSecond),
    },
  };
}

export function formatMeasurement(m: Measurement): string {
  const extra = m.extra
    ? ` ${Object.entries(m.extra)
        .map(([k, v]) => `${k}=${typeof v === 'number' ? Number(v.toFixed(3)) : v}`)
        .join(' ')}`
    : '';
  return `${m.name.padEnd(44)} ${m.items.toLocaleString('en-US').padStart(12)} ${m.unit.padEnd(6)} ${m.seconds.toFixed(2).padStart(8)} s ${Math.round(m.perSecond).toLocaleString('en-US').padStart(12)}/s  peak RSS ${m.peakRssMB} MB${extra}`;
}

export function writeResults(section: string, measurements: Measurement[], notes: string[] = []): string {
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${section}.json`);
  const clean = measurements.map(({ ...m }) => {
    delete (m as { value?: unknown }).value;
    return m;
  });
  writeFileSync(
    file,
    `${JSON.stringify({ section, date: new Date().toISOString(), machine: machineDescription(), measurements: clean, notes }, null, 2)}\n`,
  );
  return file;
}

/** Where generated benchmark inputs are cached (outside git). */
export function benchCacheDir(): string {
  const dir = process.env.AFFECTLENS_BENCH_CACHE ?? join(process.cwd(), 'bench', 'cache');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The cached synthetic corpus of `n` conversations (seed 1), generated on first use. */
export async function corpusFile(n: number): Promise<string> {
  const file = join(benchCacheDir(), `synth-${n}-seed1.jsonl`);
  if (!existsSync(file)) {
    const tmp = `${file}.partial`;
    await writeSynthCorpus(generateConversations({ n, seed: 1 }), tmp, 'openai');
    renameSync(tmp, file);
  }
  return file;
}
