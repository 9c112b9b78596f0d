/**
 * Counts kept per sampling stratum, so every figure can be estimated by the run's Estimator: a run that
 * classifies every conversation alike has one stratum; a cascade has the screen's candidates and the
 * sampled rest (see src/estimate/).
 */
import type { StratumRate, StratumShare } from '../estimate/estimator.js';
import type { Mergeable } from './mergeable.js';

export class PerStratum implements Mergeable<number[]> {
  private readonly v: number[] = [];

  add(stratum: number, k = 1): void {
    this.v[stratum] = (this.v[stratum] ?? 0) + k;
  }

  at(stratum: number): number {
    return this.v[stratum] ?? 0;
  }

  get total(): number {
    let t = 0;
    for (const x of this.v) t += x ?? 0;
    return t;
  }

  state(): number[] {
    return Array.from(this.v, (x) => x ?? 0);
  }

  absorb(s: readonly number[]): void {
    s.forEach((k, h) => {
      if (k !== 0) this.add(h, k);
    });
  }
}

/** The estimator's input for a share: per stratum, units (n) and units with the property (x). */
export function shareStrata(n: PerStratum, x: PerStratum, strata: number): StratumShare[] {
  return Array.from({ length: strata }, (_, h) => ({ n: n.at(h), x: x.at(h) }));
}

/** The estimator's input for a rate: per stratum, units (n), group members (den) and those with the property (num). */
export function rateStrata(n: PerStratum, den: PerStratum, num: PerStratum, strata: number): StratumRate[] {
  return Array.from({ length: strata }, (_, h) => ({ n: n.at(h), den: den.at(h), num: num.at(h) }));
}
