/**
 * The statistics behind the longitudinal figures, on simulated truth with seeded repetitions: the
 * cluster-aware interval for shares of users' conversations, the first-to-last change test, the Gini
 * coefficient, and the calendar periods.
 */
import { describe, expect, it } from 'vitest';
import { changeBetween, normalCdf } from '../../src/analysis/changeTest.js';
import { clusterRatio, wilsonAt } from '../../src/analysis/clusterRatio.js';
import { periodOf } from '../../src/analysis/periods.js';
import { gini, shareBucket } from '../../src/analysis/userFigures.js';
import { drawBeta, drawBinomial } from '../../src/estimate/draws.js';
import { wilsonInterval } from '../../src/estimate/intervals.js';
import { createRng } from '../../src/util/random.js';

/**
 * Users with heavy-tailed conversation counts and their own propensity (Beta around `mu`): the share of
 * all their conversations with the property is mu in expectation, but conversations of one user are
 * alike, so they are not independent.
 */
function clusteredSample(seed: number, users: number, mu: number) {
  const rng = createRng(seed);
  const num: number[] = [];
  const den: number[] = [];
  for (let i = 0; i < users; i++) {
    const m = 1 + Math.floor(-Math.log(1 - rng()) * (rng() < 0.1 ? 40 : 3));
    const p = drawBeta(rng, mu * 2, (1 - mu) * 2);
    num.push(drawBinomial(rng, m, p));
    den.push(m);
  }
  return { num, den };
}

describe('clusterRatio', () => {
  it('covers the true share about 95% of the time when users cluster their conversations', () => {
    const reps = 400;
    let cluster = 0;
    let naive = 0;
    for (let s = 0; s < reps; s++) {
      const { num, den } = clusteredSample(1000 + s, 150, 0.3);
      const r = clusterRatio(num, den);
      if (r.interval.low <= 0.3 && 0.3 <= r.interval.high) cluster++;
      const w = wilsonInterval(r.count, r.of);
      if (w.low <= 0.3 && 0.3 <= w.high) naive++;
    }
    expect(cluster / reps).toBeGreaterThan(0.91);
    expect(cluster / reps).toBeLessThan(0.99);
    // Treating conversations as independent would not: the reason for the cluster interval.
    expect(naive / reps).toBeLessThan(0.8);
  });

  it('keeps a share of 0 or 1 inside an interval that does not collapse', () => {
    const zero = clusterRatio([0, 0, 0, 0], [3, 5, 2, 9]);
    expect(zero.share).toBe(0);
    expect(zero.interval.low).toBe(0);
    expect(zero.interval.high).toBeGreaterThan(0.3);
    const one = clusterRatio([3, 5], [3, 5]);
    expect(one.interval.high).toBe(1);
    expect(one.interval.low).toBeLessThan(0.8);
    expect(clusterRatio([], []).interval).toEqual({ low: 0, high: 1 });
    expect(wilsonAt(0.5, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('changeBetween (first against last period)', () => {
  const estimate = (x: number, n: number) => ({ value: x / n, interval: wilsonInterval(x, n) });

  it('rejects a true null about 5% of the time, and finds a real rise', () => {
    const rng = createRng(7);
    const reps = 600;
    let falseAlarms = 0;
    let found = 0;
    for (let s = 0; s < reps; s++) {
      const a = drawBinomial(rng, 1500, 0.04);
      const b = drawBinomial(rng, 1500, 0.04);
      const c = changeBetween(estimate(a, 1500), estimate(b, 1500));
      if (c.significant) falseAlarms++;
      expect(c.significant).toBe(c.pValue < 0.05);
      const up = drawBinomial(rng, 1500, 0.065);
      if (changeBetween(estimate(a, 1500), estimate(up, 1500)).significant) found++;
    }
    expect(falseAlarms / reps).toBeGreaterThan(0.015);
    expect(falseAlarms / reps).toBeLessThan(0.08);
    expect(found / reps).toBeGreaterThan(0.8);
  });

  it('covers the true difference about 95% of the time', () => {
    const rng = createRng(8);
    const reps = 600;
    let covered = 0;
    for (let s = 0; s < reps; s++) {
      const c = changeBetween(
        estimate(drawBinomial(rng, 800, 0.1), 800),
        estimate(drawBinomial(rng, 900, 0.16), 900),
      );
      if (c.interval.low <= 0.06 && 0.06 <= c.interval.high) covered++;
    }
    expect(covered / reps).toBeGreaterThan(0.92);
    expect(covered / reps).toBeLessThan(0.98);
  });

  it('normalCdf matches known values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 5);
  });
});

describe('per-user summaries', () => {
  it('gini: 0 for an even spread, (n−1)/n when one holds everything', () => {
    expect(gini([3, 3, 3, 3])).toBe(0);
    expect(gini([0, 0, 0, 8])).toBeCloseTo(0.75, 10);
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 10);
    expect(gini([])).toBe(0);
  });

  it('buckets a user’s affective share as none, then quarters with the upper bound included', () => {
    expect([0, 0.1, 0.25, 0.26, 0.5, 0.75, 0.76, 1].map(shareBucket)).toEqual([0, 1, 1, 2, 2, 3, 4, 4]);
  });
});

describe('periodOf', () => {
  it('months and ISO weeks in UTC, whatever the local time zone', () => {
    expect(periodOf('2025-03-31T23:30:00-02:00', 'month')).toBe('2025-04');
    expect(periodOf('2025-03-31T23:30:00Z', 'month')).toBe('2025-03');
    // Sunday belongs to the week that started on the Monday before; weeks cross years.
    expect(periodOf('2025-03-09T12:00:00Z', 'week')).toBe('2025-03-03');
    expect(periodOf('2025-03-10T00:00:00Z', 'week')).toBe('2025-03-10');
    expect(periodOf('2026-01-01T08:00:00Z', 'week')).toBe('2025-12-29');
    expect(periodOf(undefined, 'month')).toBeNull();
    expect(periodOf('not a date', 'week')).toBeNull();
  });
});
