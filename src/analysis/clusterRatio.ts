/**
 * A share of conversations when conversations come in clusters (users): the ratio of sums, with a 95 %
 * interval that accounts for users contributing many conversations. The variance is the delete-one-user
 * jackknife variance of the ratio over independent users (it does not understate the weight of heavy
 * users as the linearised variance does); the interval is a
 * Wilson interval at the effective sample size that variance implies (Kish's design effect), so it
 * stays inside [0, 1] and does not collapse at a share of 0 or 1 (there the effective size is taken as
 * the number of users, the most the data can vouch for).
 */
import type { Interval } from '../estimate/intervals.js';

const Z95 = 1.959963984540054;

export interface ClusterRatio {
  /** Conversations with the property. */
  count: number;
  /** Conversations in the group. */
  of: number;
  share: number;
  interval: Interval;
  /** Users behind it (the clusters). */
  users: number;
}

/** Wilson score interval for a share p observed on an effective sample of size n (not necessarily whole). */
export function wilsonAt(p: number, n: number, z = Z95): Interval {
  if (!(n > 0)) return { low: 0, high: 1 };
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Σ num / Σ den over clusters (users), with the cluster-aware interval; clusters with den 0 are skipped. */
export function clusterRatio(num: ArrayLike<number>, den: ArrayLike<number>): ClusterRatio {
  let y = 0;
  let x = 0;
  let k = 0;
  for (let i = 0; i < den.length; i++) {
    if (den[i] <= 0) continue;
    y += num[i];
    x += den[i];
    k++;
  }
  if (x === 0) return { count: 0, of: 0, share: 0, interval: { low: 0, high: 1 }, users: 0 };
  const r = y / x;
  // Delete-one-user jackknife: a user with many conversations moves the share a lot when left out,
  // which the linearised variance understates.
  let variance = 0;
  if (k > 1) {
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < den.length; i++) {
      if (den[i] <= 0 || x - den[i] <= 0) continue;
      const ri = (y - num[i]) / (x - den[i]);
      sum += ri;
      sumSq += ri * ri;
    }
    const m = sum / k;
    variance = Math.max(0, ((k - 1) / k) * (sumSq - k * m * m));
  }
  // Effective sample size: what a simple random sample of conversations would need for this variance.
  const effective = variance > 0 ? Math.min(x, (r * (1 - r)) / variance) : k;
  return { count: y, of: x, share: r, interval: wilsonAt(r, Math.max(1, effective)), users: k };
}
