/**
 * Coverage of the cascade's two-phase estimators on synthetic truth: a population with known labels, a
 * screen with realistic recall and false positives, every candidate verified, a seeded uniform sample
 * of the rest, a perfect verifier. Over 200 seeded populations the 95% intervals must hold the true
 * share of the population ~95% of the time.
 */
import { describe, expect, it } from 'vitest';
import type { StratumRate, StratumShare } from '../../src/estimate/estimator.js';
import { twoPhaseEstimator } from '../../src/estimate/twoPhase.js';
import { createRng, type Rng } from '../../src/util/random.js';

const CATS = [
  'interpersonal_advice',
  'coaching',
  'counseling',
  'companionship',
  'romantic_roleplay',
] as const;
const MIX = [0.38, 0.3, 0.22, 0.085, 0.015];

interface Unit {
  cats: boolean[];
  affective: boolean;
  pushback: boolean;
  /** 0: a candidate of the screen; 1: a near miss (weak signals); 2: the rest. */
  stratum: number;
}

function population(rng: Rng, n: number): Unit[] {
  return Array.from({ length: n }, () => {
    const affective = rng() < 0.03;
    const cats = CATS.map(() => false);
    if (affective) {
      let u = rng();
      let c = 0;
      while (c < MIX.length - 1 && u >= MIX[c]) u -= MIX[c++];
      cats[c] = true;
    }
    // Pushback: common in red-team-like traffic, more common in affective conversations.
    const pushback = rng() < (affective ? 0.1 : 0.04);
    // The screen flags candidates for any figure (affective or pushback) at a high-recall point, and
    // sorts near misses (weak signals) apart from the rest; it errs both ways.
    const u = rng();
    const stratum =
      affective || pushback
        ? u < (affective ? 0.88 : 0.85)
          ? 0
          : u < 0.97
            ? 1
            : 2
        : u < 0.02
          ? 0
          : u < 0.1
            ? 1
            : 2;
    return { cats, affective, pushback, stratum };
  });
}

function runOnce(seed: number, n: number) {
  const rng = createRng(seed);
  const units = population(rng, n);
  const strata = [0, 1, 2].map((h) => units.filter((u) => u.stratum === h));
  const rates = [1, 0.25, Math.min(1, 400 / strata[2].length)];
  // Seeded uniform samples without replacement (partial Fisher–Yates) within each stratum.
  const verified = strata.map((pool, h) => {
    const k = Math.min(pool.length, Math.ceil(rates[h] * pool.length));
    const a = [...pool];
    for (let i = 0; i < k; i++) {
      const j = i + Math.floor(rng() * (a.length - i));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a.slice(0, k);
  });
  const est = twoPhaseEstimator({ population: strata.map((p) => p.length) }, { seed, draws: 1000 });
  const share = (f: (u: Unit) => boolean): StratumShare[] =>
    verified.map((v) => ({ n: v.length, x: v.filter(f).length }));
  const rate = (g: (u: Unit) => boolean, f: (u: Unit) => boolean): StratumRate[] =>
    verified.map((v) => ({
      n: v.length,
      den: v.filter(g).length,
      num: v.filter((u) => g(u) && f(u)).length,
    }));
  const truth = (f: (u: Unit) => boolean) => units.filter(f).length / units.length;
  const out: { name: string; truth: number; value: number; low: number; high: number }[] = [];
  const add = (name: string, t: number, e: { low: number; high: number }, value: number) =>
    out.push({ name, truth: t, value, low: e.low, high: e.high });
  const aff = est.share(
    share((u) => u.affective),
    'affective',
  );
  add(
    'affective',
    truth((u) => u.affective),
    aff.interval,
    aff.share,
  );
  CATS.forEach((c, i) => {
    const e = est.share(
      share((u) => u.cats[i]),
      `category:${c}`,
    );
    add(
      c,
      truth((u) => u.cats[i]),
      e.interval,
      e.share,
    );
  });
  const pb = est.share(
    share((u) => u.pushback),
    'pushback',
  );
  add(
    'pushback',
    truth((u) => u.pushback),
    pb.interval,
    pb.share,
  );
  const affUnits = units.filter((u) => u.affective);
  const r = est.rate(
    rate(
      (u) => u.affective,
      (u) => u.pushback,
    ),
    'pushback|affective',
  );
  add('pushback|affective', affUnits.filter((u) => u.pushback).length / affUnits.length, r.interval, r.rate);
  return { out, verified: verified.reduce((c, v) => c + v.length, 0) };
}

describe('two-phase (cascade) estimators', () => {
  it('cover the true shares in >= 93% of 200 seeded populations, with small relative error', () => {
    const hits = new Map<string, { covered: number; runs: number; relErr: number }>();
    let verified = 0;
    const runs = 200;
    const n = 20_000;
    for (let s = 1; s <= runs; s++) {
      const r = runOnce(1000 + s, n);
      verified += r.verified;
      for (const o of r.out) {
        const h = hits.get(o.name) ?? { covered: 0, runs: 0, relErr: 0 };
        h.runs++;
        if (o.truth >= o.low - 1e-12 && o.truth <= o.high + 1e-12) h.covered++;
        if (o.truth > 0) h.relErr += Math.abs(o.value - o.truth) / o.truth;
        hits.set(o.name, h);
      }
    }
    const coverage = Object.fromEntries([...hits].map(([k, h]) => [k, h.covered / h.runs]));
    for (const [k, c] of Object.entries(coverage)) expect(c, `coverage of ${k}`).toBeGreaterThanOrEqual(0.93);
    const relErr = (k: string) => hits.get(k)!.relErr / hits.get(k)!.runs;
    expect(relErr('affective')).toBeLessThanOrEqual(0.05);
    expect(relErr('pushback')).toBeLessThanOrEqual(0.05);
    // About a tenth of a full run's calls.
    expect(verified / (runs * n)).toBeLessThan(0.15);
  });

  it('knows a fully verified stratum exactly and gives the verified total when nothing is sampled', () => {
    const est = twoPhaseEstimator({ population: [100, 0] }, { seed: 1 });
    const e = est.share(
      [
        { n: 100, x: 7 },
        { n: 0, x: 0 },
      ],
      'affective',
    );
    expect(e).toMatchObject({ count: 7, n: 100, share: 0.07, method: 'cascade' });
    expect(e.interval.low).toBeCloseTo(0.07, 12);
    expect(e.interval.high).toBeCloseTo(0.07, 12);
  });

  it('leaves room for positives a sample did not see', () => {
    const est = twoPhaseEstimator({ population: [50, 9950] }, { seed: 3 });
    const e = est.share(
      [
        { n: 50, x: 50 },
        { n: 400, x: 0 },
      ],
      'affective',
    );
    expect(e.share).toBeCloseTo(0.005, 6);
    expect(e.interval.low).toBeCloseTo(0.005, 6);
    expect(e.interval.high).toBeGreaterThan(0.0055);
  });

  it('is reproducible for a seed and rejects counts that do not fit the design', () => {
    const mk = () => twoPhaseEstimator({ population: [20, 1000] }, { seed: 9 });
    const strata = [
      { n: 20, x: 12 },
      { n: 100, x: 2 },
    ];
    expect(mk().share(strata, 'a')).toEqual(mk().share(strata, 'a'));
    expect(() => mk().share([{ n: 21, x: 1 }, strata[1]], 'a')).toThrow(/stratum 0 has 21 verified of 20/);
    expect(() => mk().share([strata[0]], 'a')).toThrow(/1 strata given, the design has 2/);
  });
});
