/**
 * Seeded draws from the distributions the estimators need (normal, gamma, beta, binomial), built on
 * the project's one seeded generator so every interval is reproducible on every platform.
 */
import type { Rng } from '../util/random.js';

/** Standard normal (Box–Muller; one of the pair is dropped for simplicity). */
export function drawNormal(rng: Rng): number {
  let u = 0;
  while (u === 0) u = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Gamma(shape, 1) by Marsaglia–Tsang; shape < 1 through the usual U^(1/shape) boost. */
export function drawGamma(rng: Rng, shape: number): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be positive, got ${shape}`);
  if (shape < 1) {
    let u = 0;
    while (u === 0) u = rng();
    return drawGamma(rng, shape + 1) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = drawNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Beta(a, b). */
export function drawBeta(rng: Rng, a: number, b: number): number {
  const x = drawGamma(rng, a);
  const y = drawGamma(rng, b);
  return x + y === 0 ? 0.5 : x / (x + y);
}

/** Dirichlet(alphas): a point on the simplex. */
export function drawDirichlet(rng: Rng, alphas: readonly number[]): number[] {
  const g = alphas.map((a) => drawGamma(rng, a));
  const sum = g.reduce((s, v) => s + v, 0);
  return sum === 0 ? alphas.map(() => 1 / alphas.length) : g.map((v) => v / sum);
}

/**
 * Binomial(n, p): exact for small n, a Poisson draw when the mean is small, otherwise a rounded
 * normal draw clamped to [0, n]. Its job is the spread of unseen counts in a finite population, where
 * these approximations are far inside the other uncertainties.
 */
export function drawBinomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 64) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng() < p) k++;
    return k;
  }
  if (p > 0.5) return n - drawBinomial(rng, n, 1 - p);
  const mean = n * p;
  if (mean < 12) return Math.min(n, drawPoisson(rng, mean));
  const k = Math.round(mean + Math.sqrt(mean * (1 - p)) * drawNormal(rng));
  return Math.max(0, Math.min(n, k));
}

/** Poisson(mean) by Knuth's product method (used for small means only). */
export function drawPoisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let prod = rng();
  while (prod > limit) {
    k++;
    prod *= rng();
  }
  return k;
}
