import { describe, expect, it } from 'vitest';
import { type Measurement, medianOf } from '../../src/bench/harness.js';

const run = (seconds: number, peakRssMB = 100): Measurement => ({
  name: 'x',
  items: 1000,
  unit: 'conv',
  seconds,
  perSecond: 1000 / seconds,
  peakRssMB,
  extra: { k: seconds },
});

describe('medianOf', () => {
  it('keeps the run with the median time, the highest peak RSS and the spread', () => {
    const m = medianOf([run(4), run(2, 150), run(3), run(10), run(2.5)]);
    expect(m.seconds).toBe(3);
    expect(m.extra).toMatchObject({ k: 3, runs: 5, 'slowest /s': 100, 'fastest /s': 500 });
    expect(m.peakRssMB).toBe(150);
  });

  it('takes the faster middle run of an even count, and refuses none', () => {
    expect(medianOf([run(4), run(1), run(3), run(2)]).seconds).toBe(2);
    expect(medianOf([run(7)]).seconds).toBe(7);
    expect(() => medianOf([])).toThrow(/no runs/);
  });
});
