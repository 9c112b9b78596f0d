/**
 * Stratified two-phase estimation (the cascade). Phase 1 classifies every conversation cheaply and
 * sorts it into a stratum (the screen's candidates, the rest); phase 2 verifies a subset of each
 * stratum with an accurate classifier: all of the candidates, a seeded uniform sample of the rest.
 * Within a stratum the verified conversations stand for the whole stratum (expansion weight N_h / n_h);
 * conversations whose verification failed are treated as missing at random within their stratum.
 *
 * Intervals come from seeded draws that include the phase-2 sampling:
 * - shares (of all conversations) and rates (within a group) are for the conversations of THIS log (a
 *   finite population): a fully verified stratum is known exactly; for a sampled one, the make-up of its
 *   unverified conversations is drawn from a posterior of what was verified, so a sample with no
 *   positives still leaves room for unseen ones (shares: Clopper–Pearson-style lower and upper
 *   posteriors; rates: Jeffreys, Dirichlet with ½ added to each cell);
 * - means (sentiment change) are for conversations like these, as in a raw run: a stratified bootstrap
 *   resamples the verified conversations of every stratum.
 */
import { createRng, deriveSeed, type Rng } from '../util/random.js';
import { drawBeta, drawBinomial, drawDirichlet } from './draws.js';
import type {
  Estimator,
  MeanEstimate,
  MeanOptions,
  RateEstimate,
  ShareEstimate,
  StratumRate,
  StratumShare,
  StratumValues,
} from './estimator.js';
import { type Interval, quantileSorted } from './intervals.js';

export interface TwoPhaseDesign {
  /** Conversations in each stratum (N_h), in the order the counts are given. */
  population: readonly number[];
}

export interface TwoPhaseOptions {
  seed: number;
  /** Posterior draws or bootstrap resamples behind each interval (default 2000). */
  draws?: number;
  level?: number;
}

export function twoPhaseEstimator(design: TwoPhaseDesign, options: TwoPhaseOptions): Estimator {
  const N = design.population;
  const total = N.reduce((s, v) => s + v, 0);
  const draws = options.draws ?? 2000;
  const level = options.level ?? 0.95;
  const check = (strata: readonly { n: number }[], what: string) => {
    if (strata.length !== N.length)
      throw new RangeError(`${what}: ${strata.length} strata given, the design has ${N.length}`);
    strata.forEach((s, h) => {
      if (s.n > N[h]) throw new RangeError(`${what}: stratum ${h} has ${s.n} verified of ${N[h]}`);
    });
  };
  const rngFor = (key: string): Rng => createRng(deriveSeed(options.seed, `two-phase:${key}`));

  return {
    method: 'cascade',
    strata: N.length,
    share(strata: readonly StratumShare[], facet: string): ShareEstimate {
      check(strata, `share ${facet}`);
      let point = 0;
      strata.forEach((s, h) => {
        point += N[h] === 0 ? 0 : s.n === 0 ? N[h] * 0.5 : (N[h] * s.x) / s.n;
      });
      // Two sets of draws, Clopper–Pearson style: the lower bound from the stratum rates' lower
      // posteriors Beta(x, n − x + 1), the upper bound from Beta(x + 1, n − x). Rare properties in huge
      // sampled strata are where a single prior undercovers; this errs on the wide side instead.
      const rng = rngFor(`share:${facet}`);
      const bound = (extra: 0 | 1): Float64Array => {
        const out = new Float64Array(draws);
        for (let d = 0; d < draws; d++) {
          let t = 0;
          strata.forEach((s, h) => {
            const unseen = N[h] - s.n;
            t += s.x;
            if (unseen <= 0) return;
            const a = s.x + extra;
            const b = s.n - s.x + 1 - extra;
            if (a > 0 && b > 0) t += drawBinomial(rng, unseen, drawBeta(rng, a, b));
            else if (b === 0) t += unseen;
          });
          out[d] = total === 0 ? 0 : t / total;
        }
        return out.sort();
      };
      const low = bound(0);
      const high = bound(1);
      return {
        count: Math.round(point),
        n: total,
        share: total === 0 ? 0 : point / total,
        interval: {
          low: quantileSorted(low, (1 - level) / 2),
          high: quantileSorted(high, (1 + level) / 2),
        },
        method: 'cascade',
      };
    },

    rate(strata: readonly StratumRate[], key: string): RateEstimate {
      check(strata, `rate ${key}`);
      let num = 0;
      let den = 0;
      strata.forEach((s, h) => {
        if (s.n === 0) return;
        num += (N[h] * s.num) / s.n;
        den += (N[h] * s.den) / s.n;
      });
      const rng = rngFor(`rate:${key}`);
      const out: number[] = [];
      for (let d = 0; d < draws; d++) {
        let a = 0;
        let b = 0;
        strata.forEach((s, h) => {
          a += s.num;
          b += s.den;
          const unseen = N[h] - s.n;
          if (unseen <= 0) return;
          const [pa, pb] = drawDirichlet(rng, [s.num + 0.5, s.den - s.num + 0.5, s.n - s.den + 0.5]);
          const inGroupWith = drawBinomial(rng, unseen, pa);
          const rest = unseen - inGroupWith;
          const inGroupWithout = pa >= 1 ? 0 : drawBinomial(rng, rest, Math.min(1, pb / (1 - pa)));
          a += inGroupWith;
          b += inGroupWith + inGroupWithout;
        });
        if (b > 0) out.push(a / b);
      }
      return {
        n: Math.round(den),
        count: Math.round(num),
        rate: den === 0 ? 0 : num / den,
        interval: out.length === 0 ? { low: 0, high: 1 } : percentiles(Float64Array.from(out), level),
        method: 'cascade',
      };
    },

    mean(strata: readonly StratumValues[], meanOptions: MeanOptions): MeanEstimate {
      check(strata, 'mean');
      const weights = strata.map((s, h) => (s.n === 0 ? 0 : N[h] / s.n));
      const weighted = (pick: (s: StratumValues, h: number) => readonly number[]) => {
        let sw = 0;
        let sv = 0;
        strata.forEach((s, h) => {
          for (const v of pick(s, h)) {
            sv += weights[h] * v;
            sw += weights[h];
          }
        });
        return sw === 0 ? Number.NaN : sv / sw;
      };
      const n = strata.reduce((c, s) => c + s.values.length, 0);
      const point = weighted((s) => s.values);
      const rng = createRng(meanOptions.seed);
      const out: number[] = [];
      for (let r = 0; r < meanOptions.resamples; r++) {
        // Resample each stratum's verified conversations: the number of group members varies too.
        const m = weighted((s) => {
          const k = drawBinomial(rng, s.n, s.n === 0 ? 0 : s.values.length / s.n);
          return Array.from({ length: k }, () => s.values[Math.floor(rng() * s.values.length)]);
        });
        if (!Number.isNaN(m)) out.push(m);
      }
      return {
        n,
        mean: Number.isNaN(point) ? 0 : point,
        interval:
          out.length === 0 ? { low: 0, high: 0 } : percentiles(Float64Array.from(out), meanOptions.level),
        method: 'cascade',
      };
    },
  };
}

function percentiles(values: Float64Array, level: number): Interval {
  values.sort();
  return { low: quantileSorted(values, (1 - level) / 2), high: quantileSorted(values, (1 + level) / 2) };
}
