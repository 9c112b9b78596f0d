/**
 * How a figure is estimated from classified conversations. Every share and rate in the report goes
 * through an Estimator, so the same figures can come from three methods:
 * - raw: counts as classified (Wilson intervals for shares and rates, a bootstrap for means);
 * - calibrated: shares corrected for the classifier's measured error rates (calibrated.ts);
 * - cascade: a cheap screen on everything, an accurate verifier on the screen's candidates and a seeded
 *   random sample of the rest, combined by stratified two-phase estimators (twoPhase.ts).
 * Counts are given per stratum (a raw or calibrated run has one stratum: every conversation).
 */
import { type Interval, percentileBootstrapMeanInterval, wilsonInterval } from './intervals.js';

export const ESTIMATE_METHODS = ['raw', 'calibrated', 'cascade'] as const;
export type EstimateMethod = (typeof ESTIMATE_METHODS)[number];

/** One stratum's verified units (n) and how many of them have the property (x). */
export interface StratumShare {
  n: number;
  x: number;
}

/** One stratum's verified units (n), how many are in the group (den), and how many of those have the property (num). */
export interface StratumRate {
  n: number;
  den: number;
  num: number;
}

/** One stratum's verified units (n) and the values of the group's members among them. */
export interface StratumValues {
  n: number;
  values: readonly number[];
}

export interface ShareEstimate {
  /** Conversations with the property (estimated for calibrated and cascade, rounded). */
  count: number;
  /** All conversations the share is of. */
  n: number;
  share: number;
  interval: Interval;
  method: EstimateMethod;
}

export interface RateEstimate {
  /** Conversations in the group (estimated for a cascade, rounded). */
  n: number;
  /** Of those, with the property. */
  count: number;
  rate: number;
  interval: Interval;
  method: EstimateMethod;
}

export interface MeanEstimate {
  /** Values behind the mean (verified). */
  n: number;
  mean: number;
  interval: Interval;
  method: EstimateMethod;
}

export interface MeanOptions {
  seed: number;
  resamples: number;
  level: number;
}

export interface Estimator {
  readonly method: EstimateMethod;
  /** How many strata the counts come in (1 unless the run sampled). */
  readonly strata: number;
  /**
   * A share of all analysed conversations. `facet` names what is counted (e.g. 'affective',
   * 'category:coaching', 'pushback'): a calibrated estimator corrects it when it has rates for it.
   */
  share(strata: readonly StratumShare[], facet: string): ShareEstimate;
  /** A rate within a group (e.g. pushback among coaching conversations); `key` seeds its draws. */
  rate(strata: readonly StratumRate[], key: string): RateEstimate;
  /** A mean over a group's members (e.g. sentiment change among counseling conversations). */
  mean(strata: readonly StratumValues[], options: MeanOptions): MeanEstimate;
  /** Facets this estimator could not correct and left raw, with why (for the report's notes). */
  readonly uncorrected?: ReadonlyMap<string, string>;
}

function sum<T>(xs: readonly T[], f: (x: T) => number): number {
  let s = 0;
  for (const x of xs) s += f(x);
  return s;
}

/** Counts as classified: every stratum is taken whole (a census), as a run without estimation is. */
export function rawEstimator(): Estimator {
  return {
    method: 'raw',
    strata: 1,
    share(strata) {
      const x = sum(strata, (s) => s.x);
      const n = sum(strata, (s) => s.n);
      return { count: x, n, share: n === 0 ? 0 : x / n, interval: wilsonInterval(x, n), method: 'raw' };
    },
    rate(strata) {
      const num = sum(strata, (s) => s.num);
      const den = sum(strata, (s) => s.den);
      return {
        n: den,
        count: num,
        rate: den === 0 ? 0 : num / den,
        interval: wilsonInterval(num, den),
        method: 'raw',
      };
    },
    mean(strata, options) {
      const values = strata.flatMap((s) => s.values);
      let total = 0;
      for (const v of values) total += v;
      return {
        n: values.length,
        mean: values.length === 0 ? 0 : total / values.length,
        interval:
          values.length === 0 ? { low: 0, high: 0 } : percentileBootstrapMeanInterval(values, options),
        method: 'raw',
      };
    },
  };
}
