/**
 * Confidence intervals for the study's two kinds of number: shares (Wilson score interval) and
 * mean changes (percentile bootstrap over conversations).
 */
import { createRng } from '../util/random.js';

export interface Interval {
  low: number;
  high: number;
}

/**
 * Wilson score interval for a binomial share. Chosen over the normal ("Wald") interval because the
 * study's shares are small (a few percent or less), where Wald collapses to zero width or goes negative.
 * With n = 0 there is no information: the interval is the whole [0, 1].
 */
export function wilsonInterval(successes: number, n: number, z = 1.96): Interval {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n) {
    throw new RangeError(`wilsonInterval: need integers 0 <= successes <= n, got ${successes}/${n}`);
  }
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  // Clamp floating-point dust at the ends (0/n and n/n hit the bounds exactly in theory).
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface BootstrapOptions {
  resamples?: number;
  seed: number;
  /** Coverage of the interval, e.g. 0.95. */
  level?: number;
}

/**
 * Percentile bootstrap interval for a mean: resample the values (one per conversation) with
 * replacement `resamples` times, take the mean of each resample, and read the interval off the
 * sorted means at (1 - level) / 2 and (1 + level) / 2 (linear interpolation between order statistics).
 * Same values + seed give the same interval on every platform (seeded mulberry32).
 */
export function percentileBootstrapMeanInterval(
  values: readonly number[],
  options: BootstrapOptions,
): Interval {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrap level must be in (0, 1), got ${level}`);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`bootstrap resamples must be a positive integer, got ${resamples}`);
  }
  const n = values.length;
  if (n === 0) throw new RangeError('bootstrap needs at least one value');
  const data = Float64Array.from(values);
  const rng = createRng(options.seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += data[Math.floor(rng() * n)];
    means[r] = sum / n;
  }
  means.sort();
  return { low: quantileSorted(means, (1 - level) / 2), high: quantileSorted(means, (1 + level) / 2) };
}

/** Type-7 quantile (numpy's default) of an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantile of an empty array');
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function mean(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return values.length === 0 ? Number.NaN : s / values.length;
}
