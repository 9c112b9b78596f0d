/**
 * Calibrated shares for runs with only the offline engine: an observed share corrected for the
 * engine's measured error rates (Rogan–Gladen: true = (observed − FPR) / (TPR − FPR)), with intervals
 * from seeded draws that carry the uncertainty of the measured rates (Jeffreys posteriors of the
 * calibration counts) as well as of the observed share. Only shares of all conversations are
 * corrected (their error rates are what a labelled set measures); rates within a group and means are
 * left as classified, and each facet the calibration cannot support is named with the reason.
 *
 * Error rates differ between kinds of traffic (an engine's false-positive rate on red-team chats is not
 * its rate on plain task prompts). A calibration may therefore hold several labelled domains: each
 * draw then takes its true-positive rate from one domain that has enough positives and its
 * false-positive rate from one that has enough negatives, chosen at random, so the interval spans what
 * the domains disagree on instead of trusting one of them, and the point estimate is the draws' median.
 */
import { createRng, deriveSeed } from '../util/random.js';
import { drawBeta } from './draws.js';
import { type Estimator, rawEstimator, type ShareEstimate, type StratumShare } from './estimator.js';
import { quantileSorted } from './intervals.js';

/** A classifier's confusion counts on one facet of a labelled set (positives: tp + fn). */
export interface ConfusionCounts {
  tp: number;
  fn: number;
  fp: number;
  tn: number;
}

export interface Calibration {
  /** What the rates were measured on: named in the report. */
  source: string;
  /** The engine version the counts describe (the offline rules version). */
  engine: string;
  /** Facet ('affective', 'category:coaching', 'pushback', 'contentCreation') → confusion counts (all domains pooled). */
  facets: Record<string, ConfusionCounts>;
  /** The same counts per kind of traffic, when the labelled set spans several (see above). */
  domains?: CalibrationDomain[];
}

export interface CalibrationDomain {
  name: string;
  facets: Record<string, ConfusionCounts>;
}

export interface CalibratedOptions {
  seed: number;
  draws?: number;
  level?: number;
  /** Fewer labelled positives (or negatives) than this and the facet is left raw (default 20). */
  minLabelled?: number;
  /** A classifier that separates positives from negatives by less than this (TPR − FPR) is not corrected. */
  minSeparation?: number;
}

export function calibratedEstimator(calibration: Calibration, options: CalibratedOptions): Estimator {
  const raw = rawEstimator();
  const draws = options.draws ?? 4000;
  const level = options.level ?? 0.95;
  const minLabelled = options.minLabelled ?? 20;
  const minSeparation = options.minSeparation ?? 0.1;
  const uncorrected = new Map<string, string>();

  const usable = (facet: string): ConfusionCounts | undefined => {
    const c = calibration.facets[facet];
    if (!c) {
      uncorrected.set(facet, 'no labelled examples');
      return undefined;
    }
    const pos = c.tp + c.fn;
    const neg = c.fp + c.tn;
    if (pos < minLabelled || neg < minLabelled) {
      uncorrected.set(
        facet,
        `too few labelled examples (${pos} positive, ${neg} negative; ${minLabelled} needed)`,
      );
      return undefined;
    }
    const separation = c.tp / pos - c.fp / neg;
    if (separation < minSeparation) {
      uncorrected.set(facet, `the classifier barely separates it (TPR − FPR = ${separation.toFixed(2)})`);
      return undefined;
    }
    return c;
  };

  return {
    method: 'calibrated',
    strata: 1,
    uncorrected,
    share(strata: readonly StratumShare[], facet: string): ShareEstimate {
      const c = usable(facet);
      if (!c) return raw.share(strata, facet);
      let x = 0;
      let n = 0;
      for (const s of strata) {
        x += s.x;
        n += s.n;
      }
      if (n === 0) return raw.share(strata, facet);
      // Where the true- and false-positive rates are drawn from: the domains with enough of each, or the pooled counts.
      const byDomain = (calibration.domains ?? []).map((d) => d.facets[facet]).filter((d) => d !== undefined);
      const tprFrom = byDomain.filter((d) => d.tp + d.fn >= minLabelled);
      const fprFrom = byDomain.filter((d) => d.fp + d.tn >= minLabelled);
      const mixed = tprFrom.length > 0 && fprFrom.length > 0 && byDomain.length > 1;
      const rng = createRng(deriveSeed(options.seed, `calibrated:${facet}`));
      const pick = (from: readonly ConfusionCounts[]) => (mixed ? from[Math.floor(rng() * from.length)] : c);
      const out: number[] = [];
      for (let d = 0; d < draws; d++) {
        const tc = pick(tprFrom);
        const fc = pick(fprFrom);
        const t = drawBeta(rng, tc.tp + 0.5, tc.fn + 0.5);
        const f = drawBeta(rng, fc.fp + 0.5, fc.tn + 0.5);
        const o = drawBeta(rng, x + 0.5, n - x + 0.5);
        if (t > f) out.push(clamp01((o - f) / (t - f)));
      }
      const sorted = Float64Array.from(out).sort();
      const point = mixed
        ? sorted.length === 0
          ? x / n
          : quantileSorted(sorted, 0.5)
        : clamp01((x / n - c.fp / (c.fp + c.tn)) / (c.tp / (c.tp + c.fn) - c.fp / (c.fp + c.tn)));
      return {
        count: Math.round(point * n),
        n,
        share: point,
        interval:
          sorted.length === 0
            ? { low: 0, high: 1 }
            : { low: quantileSorted(sorted, (1 - level) / 2), high: quantileSorted(sorted, (1 + level) / 2) },
        method: 'calibrated',
      };
    },
    rate: (strata, key) => raw.rate(strata, key),
    mean: (strata, meanOptions) => raw.mean(strata, meanOptions),
  };
}

function clamp01(v: number): number {
  return Math.max(0, Math.min(1, v));
}
