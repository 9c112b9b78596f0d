/**
 * Coverage of calibrated (Rogan–Gladen) shares on synthetic truth: a classifier with known error rates
 * is measured on a labelled calibration set, then run on a population at 3 %; over 200 seeded repeats
 * the corrected 95% interval must hold the population's true share ~95% of the time, where the raw
 * share is far off.
 */
import { describe, expect, it } from 'vitest';
import { type Calibration, calibratedEstimator } from '../../src/estimate/calibrated.js';
import { createRng, type Rng } from '../../src/util/random.js';

const TPR = 0.8;
const FPR = 0.025;

function classify(rng: Rng, truth: boolean): boolean {
  return truth ? rng() < TPR : rng() < FPR;
}

function calibrationSet(rng: Rng, positives: number, negatives: number): Calibration {
  const c = { tp: 0, fn: 0, fp: 0, tn: 0 };
  for (let i = 0; i < positives; i++) classify(rng, true) ? c.tp++ : c.fn++;
  for (let i = 0; i < negatives; i++) classify(rng, false) ? c.fp++ : c.tn++;
  return { source: 'synthetic', engine: 'test', facets: { affective: c } };
}

describe('calibrated estimator', () => {
  it('covers the true share in >= 93% of 200 seeded populations, where the raw share misses it', () => {
    let covered = 0;
    let rawCovered = 0;
    const runs = 200;
    for (let s = 0; s < runs; s++) {
      const rng = createRng(500 + s);
      const calibration = calibrationSet(rng, 60, 740);
      const n = 20_000;
      let truth = 0;
      let observed = 0;
      for (let i = 0; i < n; i++) {
        const t = rng() < 0.03;
        if (t) truth++;
        if (classify(rng, t)) observed++;
      }
      const est = calibratedEstimator(calibration, { seed: s, draws: 2000 });
      const e = est.share([{ n, x: observed }], 'affective');
      expect(e.method).toBe('calibrated');
      const p = truth / n;
      if (p >= e.interval.low && p <= e.interval.high) covered++;
      const raw = observed / n;
      if (Math.abs(raw - p) < 0.004) rawCovered++;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.93);
    expect(rawCovered / runs).toBeLessThan(0.2);
  });

  it('with several labelled domains, covers the truth in populations from either domain, where one domain’s rates miss', () => {
    // Two kinds of traffic on which the classifier errs differently (red-team-like vs plain tasks and support).
    const domains = [
      { tpr: 0.6, fpr: 0.045 },
      { tpr: 0.95, fpr: 0.01 },
    ];
    const measure = (rng: Rng, d: (typeof domains)[number], pos: number, neg: number) => {
      const c = { tp: 0, fn: 0, fp: 0, tn: 0 };
      for (let i = 0; i < pos; i++) rng() < d.tpr ? c.tp++ : c.fn++;
      for (let i = 0; i < neg; i++) rng() < d.fpr ? c.fp++ : c.tn++;
      return c;
    };
    let covered = 0;
    let coveredOneDomain = 0;
    const runs = 200;
    for (let s = 0; s < runs; s++) {
      const rng = createRng(900 + s);
      const a = measure(rng, domains[0], 50, 740);
      const b = measure(rng, domains[1], 250, 300);
      const pooled = { tp: a.tp + b.tp, fn: a.fn + b.fn, fp: a.fp + b.fp, tn: a.tn + b.tn };
      const both: Calibration = {
        source: 'two domains',
        engine: 'test',
        facets: { affective: pooled },
        domains: [
          { name: 'a', facets: { affective: a } },
          { name: 'b', facets: { affective: b } },
        ],
      };
      const onlyA: Calibration = { source: 'a', engine: 'test', facets: { affective: a } };
      // Each population comes from one domain, alternately.
      const d = domains[s % 2];
      const n = 20_000;
      let truth = 0;
      let observed = 0;
      for (let i = 0; i < n; i++) {
        const t = rng() < 0.03;
        if (t) truth++;
        if (t ? rng() < d.tpr : rng() < d.fpr) observed++;
      }
      const p = truth / n;
      const e = calibratedEstimator(both, { seed: s, draws: 2000 }).share([{ n, x: observed }], 'affective');
      if (p >= e.interval.low && p <= e.interval.high) covered++;
      const one = calibratedEstimator(onlyA, { seed: s, draws: 2000 }).share(
        [{ n, x: observed }],
        'affective',
      );
      if (p >= one.interval.low && p <= one.interval.high) coveredOneDomain++;
    }
    expect(covered / runs).toBeGreaterThanOrEqual(0.93);
    // One domain's rates hold on its own populations only: about half the runs.
    expect(coveredOneDomain / runs).toBeLessThan(0.75);
  });

  it('leaves a facet raw, and says why, when the labelled set cannot support a correction', () => {
    const cal: Calibration = {
      source: 's',
      engine: 'e',
      facets: {
        'category:coaching': { tp: 3, fn: 1, fp: 2, tn: 700 },
        pushback: { tp: 50, fn: 50, fp: 45, tn: 55 },
      },
    };
    const est = calibratedEstimator(cal, { seed: 1 });
    expect(est.share([{ n: 100, x: 5 }], 'category:coaching').method).toBe('raw');
    expect(est.share([{ n: 100, x: 5 }], 'pushback').method).toBe('raw');
    expect(est.share([{ n: 100, x: 5 }], 'contentCreation').method).toBe('raw');
    expect(Object.fromEntries(est.uncorrected!)).toEqual({
      'category:coaching': 'too few labelled examples (4 positive, 702 negative; 20 needed)',
      pushback: 'the classifier barely separates it (TPR − FPR = 0.05)',
      contentCreation: 'no labelled examples',
    });
  });
});
