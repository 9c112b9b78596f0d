import { describe, expect, it } from 'vitest';
import {
  binaryMetrics,
  cohenKappa,
  confusionMatrix,
  meanAbsoluteError,
  multiclassMetrics,
  multilabelMetrics,
} from '../../src/facets/metrics.js';

describe('binaryMetrics', () => {
  // tp=2, fn=2, fp=1, tn=3 (worked by hand).
  const gold = [true, true, true, false, false, false, false, true];
  const pred = [true, true, false, false, true, false, false, false];
  const m = binaryMetrics(gold, pred);

  it('counts the confusion cells', () => {
    expect([m.tp, m.fn, m.fp, m.tn]).toEqual([2, 2, 1, 3]);
    expect(m.confusion.counts).toEqual([
      [3, 1],
      [2, 2],
    ]);
  });

  it('computes precision, recall and F1', () => {
    expect(m.precision).toBeCloseTo(2 / 3, 10);
    expect(m.recall).toBeCloseTo(0.5, 10);
    expect(m.f1).toBeCloseTo(4 / 7, 10);
    expect(m.accuracy).toBeCloseTo(5 / 8, 10);
  });

  it("computes Cohen's kappa: po=0.625, pe=0.5 -> 0.25", () => {
    expect(m.kappa).toBeCloseTo(0.25, 10);
  });

  it('gives NaN precision when nothing is predicted positive', () => {
    const none = binaryMetrics([true, false], [false, false]);
    expect(Number.isNaN(none.precision)).toBe(true);
    expect(none.recall).toBe(0);
  });
});

describe('cohenKappa', () => {
  it('matches a hand-computed 3-class value', () => {
    // po = 24/30 = 0.8; pe = (12*11 + 10*12 + 8*7)/900 = 308/900.
    const k = cohenKappa([
      [10, 2, 0],
      [1, 8, 1],
      [0, 2, 6],
    ]);
    expect(k).toBeCloseTo((0.8 - 308 / 900) / (1 - 308 / 900), 10);
    expect(k).toBeCloseTo(0.69595, 4);
  });

  it('is 1 for perfect agreement and 0 for chance agreement', () => {
    expect(
      cohenKappa([
        [5, 0],
        [0, 5],
      ]),
    ).toBe(1);
    expect(
      cohenKappa([
        [25, 25],
        [25, 25],
      ]),
    ).toBe(0);
  });
});

describe('multiclassMetrics', () => {
  it('scores per label and macro-F1 over labels present in the gold data', () => {
    const gold = ['a', 'a', 'b', 'b'];
    const pred = ['a', 'b', 'b', 'c'];
    const m = multiclassMetrics(gold, pred, ['a', 'b', 'c']);
    expect(m.accuracy).toBe(0.5);
    const a = m.perLabel.find((l) => l.label === 'a')!;
    const b = m.perLabel.find((l) => l.label === 'b')!;
    expect(a.precision).toBe(1);
    expect(a.recall).toBe(0.5);
    expect(b.precision).toBe(0.5);
    expect(b.recall).toBe(0.5);
    // c has no gold support: left out of the macro average.
    expect(m.macroF1).toBeCloseTo((2 / 3 + 0.5) / 2, 10);
    expect(m.confusion.counts).toEqual([
      [1, 1, 0],
      [0, 1, 1],
      [0, 0, 0],
    ]);
  });

  it('adds labels that appear only in the data to the matrix', () => {
    expect(confusionMatrix(['x'], ['y'], ['x']).labels).toEqual(['x', 'y']);
  });
});

describe('multilabelMetrics and MAE', () => {
  it('treats each label as one-vs-rest', () => {
    const m = multilabelMetrics([['a', 'b'], ['a'], []], [['a'], ['a', 'b'], ['b']], ['a', 'b', 'c']);
    const b = m.perLabel.find((l) => l.label === 'b')!;
    expect(b.support).toBe(1);
    expect(b.predicted).toBe(2);
    expect(b.f1).toBe(0);
    expect(m.perLabel.find((l) => l.label === 'a')!.f1).toBe(1);
    expect(m.macroF1).toBe(0.5);
  });

  it('computes mean absolute error', () => {
    expect(meanAbsoluteError([0, 1, -1], [0.5, 1, 0])).toBeCloseTo(0.5, 10);
  });
});
