/**
 * Seeded k-means (k-means++ init, Lloyd iterations) on a flat Float32Array of n × dim values.
 *
 * Why our own: the clustering must be reproducible byte for byte across platforms from one seed,
 * run on vectors already in memory without a copy, and carry no native dependency. Distances use
 * ‖x‖² + ‖c‖² − 2·x·c with four centroids per pass over x, so each x value is loaded once per
 * four dot products, and Hamerly's bounds skip points that cannot have changed cluster; sums are
 * in float64, centroids are stored as float32.
 */
import { createRng, type Rng } from '../util/random.js';

export interface KMeansOptions {
  seed: number;
  /** Upper bound on Lloyd iterations (default 100). */
  maxIter?: number;
  /**
   * Stop when the total squared centroid shift is at most `tol` × the mean per-dimension variance
   * of the data (scikit-learn's rule; default 1e-4). With `tol: 0` only exact convergence (no
   * assignment changed) stops early; with a negative tol every iteration runs (benchmarks).
   */
  tol?: number;
  /** Per-point weights (e.g. cluster sizes when clustering centroids); default all 1. */
  weights?: Float32Array;
}

export interface KMeansResult {
  /** Cluster of each point, in [0, k). */
  assignments: Int32Array;
  /** k × dim centroid coordinates. */
  centroids: Float32Array;
  /** The number of clusters actually used: min(k, n). */
  k: number;
  /** Weighted sum of squared distances of points to their centroid. */
  inertia: number;
  iterations: number;
}

/**
 * Clusters `n` points of `dim` dimensions into `k` groups. When n < k, k becomes n. When the data
 * holds fewer distinct points than k, the surplus clusters duplicate a centroid and stay empty.
 */
export function kmeans(
  data: Float32Array,
  n: number,
  dim: number,
  k: number,
  opts: KMeansOptions,
): KMeansResult {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(dim) || dim < 1) {
    throw new Error(
      `kmeans: n must be a non-negative integer and dim a positive integer (got n=${n}, dim=${dim})`,
    );
  }
  if (data.length < n * dim)
    throw new Error(`kmeans: data holds ${data.length} values, need n*dim = ${n * dim}`);
  if (!Number.isInteger(k) || k < 1) throw new Error(`kmeans: k must be a positive integer (got ${k})`);
  const weights = opts.weights;
  if (weights && weights.length < n) throw new Error(`kmeans: ${weights.length} weights for ${n} points`);
  if (n === 0) {
    return {
      assignments: new Int32Array(0),
      centroids: new Float32Array(0),
      k: 0,
      inertia: 0,
      iterations: 0,
    };
  }
  const kk = Math.min(k, n);
  const maxIter = opts.maxIter ?? 100;
  const tol = opts.tol ?? 1e-4;
  const rng = createRng(opts.seed);

  const norms = squaredNorms(data, n, dim);
  const centroids = kmeansPlusPlus(data, n, dim, kk, weights, rng);
  const cNorms = squaredNorms(centroids, kk, dim);
  const assignments = new Int32Array(n).fill(-1);
  const dist = new Float64Array(n);
  const sums = new Float64Array(kk * dim);
  const counts = new Float64Array(kk);
  const tolAbs = tol > 0 ? tol * meanVariance(data, n, dim) : tol;

  // Hamerly's bounds (Hamerly 2010): per point an upper bound on the distance to its centroid and a
  // lower bound on the distance to any other; a point whose bounds cannot be beaten skips its k
  // distance computations. Same assignments as plain Lloyd, a fraction of the work once it settles.
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const half = new Float64Array(kk);
  const moved = new Float64Array(kk);
  const previous = new Float32Array(kk * dim);
  let boundsValid = false;

  let iterations = 0;
  let inertia = 0;
  for (let it = 0; it < maxIter; it++) {
    iterations++;
    let changed: number;
    if (!boundsValid) {
      changed = assignAllWithBounds(data, n, dim, centroids, kk, norms, cNorms, assignments, upper, lower);
    } else {
      halfDistanceToNearestCentroid(centroids, kk, dim, cNorms, half);
      changed = assignBounded(data, n, dim, centroids, kk, norms, cNorms, assignments, upper, lower, half);
    }
    for (let i = 0; i < n; i++) dist[i] = upper[i] * upper[i];
    const relocated = relocateEmpty(data, n, dim, kk, assignments, dist, weights, centroids, cNorms, norms);
    changed += relocated;
    // Update step.
    previous.set(centroids);
    sums.fill(0);
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const c = assignments[i];
      const w = weights ? weights[i] : 1;
      counts[c] += w;
      const xo = i * dim;
      const so = c * dim;
      for (let d = 0; d < dim; d++) sums[so + d] += w * data[xo + d];
    }
    let shift = 0;
    for (let c = 0; c < kk; c++) {
      const so = c * dim;
      let m = 0;
      if (counts[c] !== 0) {
        // (a cluster empty even after relocation, all points identical, keeps its centroid)
        let nn = 0;
        for (let d = 0; d < dim; d++) {
          const v = Math.fround(sums[so + d] / counts[c]);
          const delta = v - centroids[so + d];
          shift += delta * delta;
          centroids[so + d] = v;
          nn += v * v;
        }
        cNorms[c] = nn;
      }
      for (let d = 0; d < dim; d++) {
        const delta = centroids[so + d] - previous[so + d];
        m += delta * delta;
      }
      moved[c] = Math.sqrt(m);
    }
    // A relocation moved points by hand: their bounds are stale, so start the bounds afresh.
    boundsValid = relocated === 0;
    if (boundsValid) loosenBounds(n, assignments, moved, kk, upper, lower);
    if (tol >= 0 && changed === 0) break;
    if (tol > 0 && shift <= tolAbs) break;
  }
  // Final assignment against the final centroids, so assignments and inertia agree with them.
  assignAllWithBounds(data, n, dim, centroids, kk, norms, cNorms, assignments, upper, lower);
  inertia = 0;
  for (let i = 0; i < n; i++) inertia += (weights ? weights[i] : 1) * upper[i] * upper[i];
  return { assignments, centroids, k: kk, inertia, iterations };
}

function squaredNorms(data: Float32Array, n: number, dim: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const o = i * dim;
    for (let d = 0; d < dim; d++) s += data[o + d] * data[o + d];
    out[i] = s;
  }
  return out;
}

function meanVariance(data: Float32Array, n: number, dim: number): number {
  let total = 0;
  for (let d = 0; d < dim; d++) {
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const v = data[i * dim + d];
      s += v;
      s2 += v * v;
    }
    const m = s / n;
    total += Math.max(0, s2 / n - m * m);
  }
  return total / dim;
}

function sqDist(a: Float32Array, ao: number, b: Float32Array, bo: number, dim: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) {
    const t = a[ao + d] - b[bo + d];
    s += t * t;
  }
  return s;
}

/** The k-means++ start for a seed, exactly as kmeans() draws it (for tests against a reference). */
export function kmeansPlusPlusForTest(
  data: Float32Array,
  n: number,
  dim: number,
  k: number,
  seed: number,
): Float32Array {
  return kmeansPlusPlus(data, n, dim, Math.min(k, n), undefined, createRng(seed));
}

/** k-means++ (Arthur & Vassilvitskii): each next centre drawn with probability ∝ weight × D². */
function kmeansPlusPlus(
  data: Float32Array,
  n: number,
  dim: number,
  k: number,
  weights: Float32Array | undefined,
  rng: Rng,
): Float32Array {
  const centroids = new Float32Array(k * dim);
  const chosen = new Uint8Array(n);
  const w = (i: number) => (weights ? weights[i] : 1);
  let first = drawWeighted(n, w, rng);
  if (first < 0) first = Math.floor(rng() * n);
  centroids.set(data.subarray(first * dim, first * dim + dim), 0);
  chosen[first] = 1;
  const d2 = new Float64Array(n);
  for (let i = 0; i < n; i++) d2[i] = sqDist(data, i * dim, centroids, 0, dim);
  for (let c = 1; c < k; c++) {
    let next = drawWeighted(n, (i) => w(i) * d2[i], rng);
    if (next < 0) {
      // Every point sits on a centre (duplicates): take any point not yet used, uniformly.
      const free: number[] = [];
      for (let i = 0; i < n; i++) if (!chosen[i]) free.push(i);
      next = free.length > 0 ? free[Math.floor(rng() * free.length)] : Math.floor(rng() * n);
    }
    chosen[next] = 1;
    const co = c * dim;
    centroids.set(data.subarray(next * dim, next * dim + dim), co);
    for (let i = 0; i < n; i++) {
      const dd = sqDist(data, i * dim, centroids, co, dim);
      if (dd < d2[i]) d2[i] = dd;
    }
  }
  return centroids;
}

/** Index drawn with probability ∝ f(i), or −1 when all f(i) are 0. */
function drawWeighted(n: number, f: (i: number) => number, rng: Rng): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += f(i);
  if (!(total > 0)) return -1;
  let r = rng() * total;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const v = f(i);
    if (v <= 0) continue;
    last = i;
    r -= v;
    if (r < 0) return i;
  }
  return last; // rounding: r landed on the total
}

/**
 * A full assignment that also records, per point, the distance to its centroid (upper bound) and to
 * the second nearest (lower bound). Returns how many points changed cluster.
 */
function assignAllWithBounds(
  data: Float32Array,
  n: number,
  dim: number,
  centroids: Float32Array,
  k: number,
  norms: Float64Array,
  cNorms: Float64Array,
  assignments: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): number {
  let changed = 0;
  for (let i = 0; i < n; i++) {
    if (nearestTwo(data, i * dim, dim, centroids, k, norms[i], cNorms, i, assignments, upper, lower))
      changed++;
  }
  return changed;
}

/** Scans all k centroids for point i; sets its assignment and both bounds; true if it changed. */
function nearestTwo(
  data: Float32Array,
  xo: number,
  dim: number,
  centroids: Float32Array,
  k: number,
  norm: number,
  cNorms: Float64Array,
  i: number,
  assignments: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
): boolean {
  let best = -1;
  let bestD = Number.POSITIVE_INFINITY;
  let secondD = Number.POSITIVE_INFINITY;
  const consider = (c: number, dot: number) => {
    const dd = cNorms[c] - 2 * dot;
    if (dd < bestD) {
      secondD = bestD;
      bestD = dd;
      best = c;
    } else if (dd < secondD) secondD = dd;
  };
  // Four centroids per pass over x: each x value is loaded once per four dot products.
  const k4 = k - (k % 4);
  let c = 0;
  for (; c < k4; c += 4) {
    const o0 = c * dim;
    const o1 = o0 + dim;
    const o2 = o1 + dim;
    const o3 = o2 + dim;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    let a3 = 0;
    for (let d = 0; d < dim; d++) {
      const x = data[xo + d];
      a0 += x * centroids[o0 + d];
      a1 += x * centroids[o1 + d];
      a2 += x * centroids[o2 + d];
      a3 += x * centroids[o3 + d];
    }
    consider(c, a0);
    consider(c + 1, a1);
    consider(c + 2, a2);
    consider(c + 3, a3);
  }
  for (; c < k; c++) {
    const o = c * dim;
    let s = 0;
    for (let d = 0; d < dim; d++) s += data[xo + d] * centroids[o + d];
    consider(c, s);
  }
  upper[i] = Math.sqrt(Math.max(0, norm + bestD));
  lower[i] = k > 1 ? Math.sqrt(Math.max(0, norm + secondD)) : Number.POSITIVE_INFINITY;
  if (assignments[i] === best) return false;
  assignments[i] = best;
  return true;
}

/** Lloyd's assignment step, skipping every point whose bounds prove its centroid is still nearest. */
function assignBounded(
  data: Float32Array,
  n: number,
  dim: number,
  centroids: Float32Array,
  k: number,
  norms: Float64Array,
  cNorms: Float64Array,
  assignments: Int32Array,
  upper: Float64Array,
  lower: Float64Array,
  half: Float64Array,
): number {
  let changed = 0;
  for (let i = 0; i < n; i++) {
    const a = assignments[i];
    const bound = Math.max(half[a], lower[i]);
    if (upper[i] <= bound) continue;
    // Tighten the upper bound to the exact distance, then test again before a full scan.
    const xo = i * dim;
    const o = a * dim;
    let s = 0;
    for (let d = 0; d < dim; d++) s += data[xo + d] * centroids[o + d];
    upper[i] = Math.sqrt(Math.max(0, norms[i] + cNorms[a] - 2 * s));
    if (upper[i] <= bound) continue;
    if (nearestTwo(data, xo, dim, centroids, k, norms[i], cNorms, i, assignments, upper, lower)) changed++;
  }
  return changed;
}

/** s(c): half the distance from each centroid to its nearest other centroid. */
function halfDistanceToNearestCentroid(
  centroids: Float32Array,
  k: number,
  dim: number,
  cNorms: Float64Array,
  half: Float64Array,
): void {
  half.fill(Number.POSITIVE_INFINITY);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let s = 0;
      const ao = a * dim;
      const bo = b * dim;
      for (let d = 0; d < dim; d++) s += centroids[ao + d] * centroids[bo + d];
      const h = 0.5 * Math.sqrt(Math.max(0, cNorms[a] + cNorms[b] - 2 * s));
      if (h < half[a]) half[a] = h;
      if (h < half[b]) half[b] = h;
    }
  }
}

/** After centroids moved: the upper bound grows by its centroid's move, the lower shrinks by the largest other move. */
function loosenBounds(
  n: number,
  assignments: Int32Array,
  moved: Float64Array,
  k: number,
  upper: Float64Array,
  lower: Float64Array,
): void {
  let max1 = -1;
  let max2 = -1;
  let arg1 = -1;
  for (let c = 0; c < k; c++) {
    if (moved[c] > max1) {
      max2 = max1;
      max1 = moved[c];
      arg1 = c;
    } else if (moved[c] > max2) max2 = moved[c];
  }
  for (let i = 0; i < n; i++) {
    const a = assignments[i];
    upper[i] += moved[a];
    lower[i] -= a === arg1 ? Math.max(0, max2) : max1;
  }
}

/**
 * Gives each empty cluster the point farthest from its own centroid (one point per empty cluster,
 * never a point that would leave its cluster empty), so k clusters stay in use whenever the data
 * allows it. Clusters stay empty only when every remaining point sits exactly on its centroid.
 */
function relocateEmpty(
  data: Float32Array,
  n: number,
  dim: number,
  k: number,
  assignments: Int32Array,
  dist: Float64Array,
  weights: Float32Array | undefined,
  centroids: Float32Array,
  cNorms: Float64Array,
  norms: Float64Array,
): number {
  const sizes = new Int32Array(k);
  for (let i = 0; i < n; i++) sizes[assignments[i]]++;
  const empty: number[] = [];
  for (let c = 0; c < k; c++) if (sizes[c] === 0) empty.push(c);
  if (empty.length === 0) return 0;
  // Candidates by decreasing (weighted) distance; index breaks ties so the order is deterministic.
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => dist[i] > 0);
  const score = (i: number) => dist[i] * (weights ? weights[i] : 1);
  order.sort((a, b) => score(b) - score(a) || a - b);
  let next = 0;
  let moved = 0;
  for (const c of empty) {
    while (next < order.length && sizes[assignments[order[next]]] <= 1) next++;
    if (next >= order.length) break;
    const i = order[next++];
    sizes[assignments[i]]--;
    assignments[i] = c;
    sizes[c]++;
    dist[i] = 0;
    centroids.set(data.subarray(i * dim, i * dim + dim), c * dim);
    cNorms[c] = norms[i];
    moved++;
  }
  return moved;
}
