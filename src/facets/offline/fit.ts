/**
 * Fitting the offline engine's linear models: multinomial (or, with one class, binary) logistic
 * regression over hashed bucket counts, by AdaGrad with L2, seeded. Used only by the training
 * script, never when the engine runs.
 */
import { createRng } from '../../util/random.js';
import type { LinearModel } from './linear.js';

export interface Example {
  features: number[];
  /** Class index; for a binary model (one class) 1 = true, 0 = false. */
  label: number;
  weight?: number;
}

export interface FitOptions {
  head: string;
  dim: number;
  /** Class names; one name means a binary model whose single logit is "true". */
  classes: string[];
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed: number;
  /** Reweight classes so each carries the same total weight (rare classes are not drowned). */
  balance?: boolean;
  meta?: Record<string, unknown>;
}

export function fitLinear(examples: readonly Example[], o: FitOptions): LinearModel {
  const k = o.classes.length;
  const binary = k === 1;
  const epochs = o.epochs ?? 8;
  const lr = o.learningRate ?? 0.5;
  const l2 = o.l2 ?? 1e-5;
  const weights = o.classes.map(() => new Float32Array(o.dim));
  const g2 = o.classes.map(() => new Float32Array(o.dim).fill(1e-6));
  const bias = new Array<number>(k).fill(0);
  const bg2 = new Array<number>(k).fill(1e-6);
  const nClass = binary ? 2 : k;
  const counts = new Array<number>(nClass).fill(0);
  for (const e of examples) counts[e.label]++;
  const classWeight = counts.map((c) => (o.balance && c > 0 ? examples.length / (nClass * c) : 1));
  const rng = createRng(o.seed);
  const order = examples.map((_, i) => i);
  const grad = new Array<number>(k).fill(0);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const idx of order) {
      const ex = examples[idx];
      const norm = ex.features.length > 0 ? 1 / Math.sqrt(ex.features.length) : 0;
      const logits = weights.map((w, c) => {
        let s = bias[c];
        for (const f of ex.features) s += w[f] * norm;
        return s;
      });
      const sw = (ex.weight ?? 1) * classWeight[ex.label];
      if (binary) {
        grad[0] = (1 / (1 + Math.exp(-logits[0])) - ex.label) * sw;
      } else {
        const m = Math.max(...logits);
        const e = logits.map((l) => Math.exp(l - m));
        const z = e.reduce((a, b) => a + b, 0);
        for (let c = 0; c < k; c++) grad[c] = (e[c] / z - (c === ex.label ? 1 : 0)) * sw;
      }
      for (let c = 0; c < k; c++) {
        const g = grad[c];
        bg2[c] += g * g;
        bias[c] -= (lr * g) / Math.sqrt(bg2[c]);
        const w = weights[c];
        const acc = g2[c];
        for (const f of ex.features) {
          const gf = g * norm + l2 * w[f];
          acc[f] += gf * gf;
          w[f] -= (lr * gf) / Math.sqrt(acc[f]);
        }
      }
    }
  }
  return {
    head: o.head,
    dim: o.dim,
    classes: o.classes,
    bias,
    weights,
    meta: {
      ...(o.meta ?? {}),
      epochs,
      learningRate: lr,
      l2,
      seed: o.seed,
      examples: examples.length,
      classCounts: counts,
    },
  };
}
