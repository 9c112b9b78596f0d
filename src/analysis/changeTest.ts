/**
 * Change between two estimates (a figure in the first and in the last period): the difference, its 95 %
 * interval by MOVER (method of variance estimates recovery, Zou & Donner 2008: the difference's limits
 * from each estimate's own limits, so it holds for Wilson, calibrated and cascade intervals alike and
 * for asymmetric ones), and a two-sided p-value read off the same interval (p < 0.05 exactly when the
 * interval excludes zero). The two estimates are taken as independent: users active in both periods
 * make them positively correlated, which makes the test conservative; each period's own interval
 * treats conversations as independent, which heavy users make too narrow. Read a p-value near 0.05 as
 * borderline.
 */
import type { Interval } from '../estimate/intervals.js';

export interface Estimate {
  value: number;
  interval: Interval;
}

export interface Change {
  difference: number;
  interval: Interval;
  pValue: number;
  /** The interval excludes zero (p < 0.05). */
  significant: boolean;
}

const Z95 = 1.959963984540054;

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 through erf; absolute error below 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** `to` minus `from`, with its MOVER interval and p-value. */
export function changeBetween(from: Estimate, to: Estimate): Change {
  const d = to.value - from.value;
  const low = d - Math.hypot(to.value - to.interval.low, from.interval.high - from.value);
  const high = d + Math.hypot(to.interval.high - to.value, from.value - from.interval.low);
  // The half-width on the side of zero is the standard error times 1.96.
  const half = d >= 0 ? d - low : high - d;
  const pValue = half <= 0 ? (d === 0 ? 1 : 0) : 2 * (1 - normalCdf((Math.abs(d) * Z95) / half));
  return {
    difference: d,
    interval: { low, high },
    pValue: Math.min(1, Math.max(0, pValue)),
    significant: low > 0 || high < 0,
  };
}
