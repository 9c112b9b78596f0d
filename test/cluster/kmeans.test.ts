import { describe, expect, it } from 'vitest';
import { kmeans, kmeansPlusPlusForTest } from '../../src/cluster/kmeans.js';
import { createRng } from '../../src/util/random.js';

/** `perBlob` points around each of `centres` (dim 2..), Gaussian-ish noise of scale `noise`. */
function blobs(centres: number[][], perBlob: number, noise: number, seed: number) {
  const rng = createRng(seed);
  const dim = centres[0].length;
  const n = centres.length * perBlob;
  const data = new Float32Array(n * dim);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const b = i % centres.length;
    truth[i] = b;
    for (let d = 0; d < dim; d++) {
      const g = rng() + rng() + rng() - 1.5; // sum of uniforms: bell-shaped, bounded
      data[i * dim + d] = centres[b][d] + noise * g;
    }
  }
  return { data, n, dim, truth };
}

/** True when the clustering equals the truth up to a relabelling. */
function samePartition(a: Int32Array, b: Int32Array): boolean {
  const map = new Map<number, number>();
  const back = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    const x = map.get(a[i]);
    const y = back.get(b[i]);
    if (x === undefined && y === undefined) {
      map.set(a[i], b[i]);
      back.set(b[i], a[i]);
    } else if (x !== b[i] || y !== a[i]) return false;
  }
  return true;
}

describe('kmeans', () => {
  it('recovers well-separated blobs', () => {
    const centres = [
      [0, 0, 0],
      [10, 0, 0],
      [0, 10, 0],
      [0, 0, 10],
      [10, 10, 10],
    ];
    const { data, n, dim, truth } = blobs(centres, 60, 1, 7);
    const r = kmeans(data, n, dim, 5, { seed: 1, maxIter: 50 });
    expect(r.k).toBe(5);
    expect(samePartition(r.assignments, truth)).toBe(true);
    expect(r.iterations).toBeLessThan(50);
    // Each centroid lies near one true centre.
    for (let c = 0; c < 5; c++) {
      const p = Array.from(r.centroids.subarray(c * dim, c * dim + dim));
      const nearest = Math.min(...centres.map((q) => Math.hypot(...q.map((v, d) => v - p[d]))));
      expect(nearest).toBeLessThan(0.5);
    }
  });

  it('is reproducible for a seed, and the seed matters for k-means++', () => {
    const { data, n, dim } = blobs(
      [
        [0, 0],
        [3, 0],
        [0, 3],
        [3, 3],
      ],
      50,
      2.5,
      3,
    );
    const a = kmeans(data, n, dim, 6, { seed: 42, maxIter: 30 });
    const b = kmeans(data, n, dim, 6, { seed: 42, maxIter: 30 });
    expect(Buffer.from(a.centroids.buffer).equals(Buffer.from(b.centroids.buffer))).toBe(true);
    expect(Array.from(a.assignments)).toEqual(Array.from(b.assignments));
    expect(a.inertia).toBe(b.inertia);
    const differs = [1, 2, 3, 4, 5].some((s) => {
      const c = kmeans(data, n, dim, 6, { seed: s, maxIter: 1 });
      return !Buffer.from(c.centroids.buffer).equals(Buffer.from(a.centroids.buffer));
    });
    expect(differs).toBe(true);
  });

  it('handles n < k, k = 1, duplicate points and n = 0', () => {
    const three = new Float32Array([0, 0, 1, 1, 5, 5]);
    const r = kmeans(three, 3, 2, 10, { seed: 1 });
    expect(r.k).toBe(3);
    expect(new Set(r.assignments).size).toBe(3);
    expect(r.inertia).toBe(0);

    const one = kmeans(three, 3, 2, 1, { seed: 1 });
    expect(Array.from(one.assignments)).toEqual([0, 0, 0]);
    expect(one.centroids[0]).toBeCloseTo(2, 5);
    expect(one.centroids[1]).toBeCloseTo(2, 5);

    // Ten copies of two distinct points, k = 4: two clusters hold everything, two stay empty.
    const dup = new Float32Array(40);
    for (let i = 0; i < 20; i++) dup.set(i < 10 ? [1, 1] : [-1, 2], i * 2);
    const d = kmeans(dup, 20, 2, 4, { seed: 9 });
    expect(d.k).toBe(4);
    expect(new Set(d.assignments).size).toBe(2);
    expect(d.inertia).toBe(0);
    for (let i = 0; i < 20; i++) expect(d.assignments[i]).toBe(d.assignments[i < 10 ? 0 : 10]);

    const none = kmeans(new Float32Array(0), 0, 4, 3, { seed: 1 });
    expect(none.k).toBe(0);
    expect(() => kmeans(three, 3, 2, 0, { seed: 1 })).toThrow(/k must be a positive integer/);
    expect(() => kmeans(three, 4, 2, 2, { seed: 1 })).toThrow(/need n\*dim/);
  });

  it('never leaves a cluster empty when enough distinct points exist', () => {
    // A far outlier plus a tight group: k = 5 must use all five clusters.
    const data = new Float32Array([0, 0, 0.1, 0, 0, 0.1, 0.1, 0.1, 0.05, 0.05, 100, 100]);
    const r = kmeans(data, 6, 2, 5, { seed: 2 });
    expect(new Set(r.assignments).size).toBe(5);
  });

  it('respects weights: a heavy point pulls its centroid', () => {
    const data = new Float32Array([0, 0, 1, 0]);
    const r = kmeans(data, 2, 2, 1, { seed: 1, weights: new Float32Array([3, 1]) });
    expect(r.centroids[0]).toBeCloseTo(0.25, 6);
  });

  it('runs every iteration with a negative tol', () => {
    const { data, n, dim } = blobs([[0], [10]], 20, 0.5, 1);
    expect(kmeans(data, n, dim, 2, { seed: 1, maxIter: 7, tol: -1 }).iterations).toBe(7);
    expect(kmeans(data, n, dim, 2, { seed: 1, maxIter: 7, tol: 0 }).iterations).toBeLessThan(7);
  });
});

describe("kmeans with Hamerly's bounds", () => {
  it('assigns exactly as plain Lloyd iterations from the same start', () => {
    // Overlapping blobs, so points change cluster for several iterations and the bounds matter.
    const centres = Array.from({ length: 12 }, (_, b) =>
      Array.from({ length: 8 }, (_, d) => ((b * 7 + d * 3) % 11) * 0.6),
    );
    const { data, n, dim } = blobs(centres, 80, 2.5, 3);
    const k = 12;
    const fast = kmeans(data, n, dim, k, { seed: 9, maxIter: 15, tol: -1 });
    // Reference: 15 plain Lloyd steps from the same k-means++ start, then a final assignment.
    let centroids = kmeansPlusPlusForTest(data, n, dim, k, 9);
    let assign = nearest(data, n, dim, centroids, k);
    let changedLate = 0;
    for (let it = 0; it < 15; it++) {
      centroids = means(data, n, dim, assign, k, centroids);
      const next = nearest(data, n, dim, centroids, k);
      if (it >= 3) changedLate += next.filter((a, i) => a !== assign[i]).length;
      assign = next;
    }
    expect(changedLate).toBeGreaterThan(0); // the data keeps points moving after the first steps
    expect(Array.from(fast.assignments)).toEqual(Array.from(assign));
  });
});

function nearest(data: Float32Array, n: number, dim: number, c: Float32Array, k: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let d = 0; d < dim; d++) {
        const t = data[i * dim + d] - c[j * dim + d];
        s += t * t;
      }
      if (s < bestD) {
        bestD = s;
        best = j;
      }
    }
    out[i] = best;
  }
  return out;
}

function means(
  data: Float32Array,
  n: number,
  dim: number,
  a: Int32Array,
  k: number,
  prev: Float32Array,
): Float32Array {
  const sums = new Float64Array(k * dim);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    counts[a[i]]++;
    for (let d = 0; d < dim; d++) sums[a[i] * dim + d] += data[i * dim + d];
  }
  const out = Float32Array.from(prev);
  for (let j = 0; j < k; j++) {
    if (counts[j] === 0) continue;
    for (let d = 0; d < dim; d++) out[j * dim + d] = Math.fround(sums[j * dim + d] / counts[j]);
  }
  return out;
}
