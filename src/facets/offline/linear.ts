/**
 * Small linear models over hashed features: the shipped weights file format, its validating
 * loader, and scoring. A model has one logit per class (a binary model has one class, "true").
 * Features are bucket counts, scaled by 1/sqrt(number of features) so long and short texts
 * weigh alike.
 */
import { readFileSync } from 'node:fs';

export const LINEAR_FORMAT = 'affectlens-linear-1';

export interface LinearModel {
  head: string;
  dim: number;
  classes: string[];
  bias: number[];
  /** weights[c] is a dense Float32Array of length dim (zeros where the file had nothing). */
  weights: Float32Array[];
  /** Free-form training facts kept with the weights (sources, counts, seed). */
  meta: Record<string, unknown>;
}

/** On-disk form: sparse, weights as integers (value × scale), indices delta-encoded. */
export interface LinearModelFile {
  format: typeof LINEAR_FORMAT;
  head: string;
  dim: number;
  classes: string[];
  scale: number;
  bias: number[];
  /** Delta-encoded ascending bucket indices that have a non-zero weight in some class. */
  index: number[];
  /** weights[c][k] is the weight of class c at the k-th listed bucket, times scale, rounded. */
  weights: number[][];
  meta: Record<string, unknown>;
}

export class ModelFileError extends Error {}

function fail(file: string, what: string): never {
  throw new ModelFileError(`offline model ${file}: ${what}`);
}

const isIntArray = (x: unknown): x is number[] => Array.isArray(x) && x.every((v) => Number.isInteger(v));

/** Parses and checks a weights file's JSON; every problem names the file and the field. */
export function parseLinearModel(json: string, file: string): LinearModel {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    fail(file, `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof raw !== 'object' || raw === null) fail(file, 'expected a JSON object');
  const m = raw as Partial<LinearModelFile>;
  if (m.format !== LINEAR_FORMAT) fail(file, `field "format" must be "${LINEAR_FORMAT}"`);
  if (typeof m.head !== 'string') fail(file, 'field "head" must be a string');
  if (
    !Number.isInteger(m.dim) ||
    (m.dim as number) <= 0 ||
    ((m.dim as number) & ((m.dim as number) - 1)) !== 0
  )
    fail(file, 'field "dim" must be a power of two');
  const dim = m.dim as number;
  if (!Array.isArray(m.classes) || m.classes.length === 0 || !m.classes.every((c) => typeof c === 'string'))
    fail(file, 'field "classes" must be a non-empty list of strings');
  const k = m.classes.length;
  if (typeof m.scale !== 'number' || !(m.scale > 0)) fail(file, 'field "scale" must be a positive number');
  if (!Array.isArray(m.bias) || m.bias.length !== k || !m.bias.every((b) => Number.isFinite(b)))
    fail(file, `field "bias" must hold ${k} numbers`);
  if (!isIntArray(m.index)) fail(file, 'field "index" must be a list of integers');
  if (!Array.isArray(m.weights) || m.weights.length !== k) fail(file, `field "weights" must hold ${k} lists`);
  const weights: Float32Array[] = [];
  for (let c = 0; c < k; c++) {
    const row = m.weights[c];
    if (!isIntArray(row) || row.length !== m.index.length)
      fail(file, `field "weights[${c}]" must hold ${m.index.length} integers`);
    weights.push(new Float32Array(dim));
  }
  let at = 0;
  for (let j = 0; j < m.index.length; j++) {
    at += m.index[j];
    if (at < 0 || at >= dim || (j > 0 && m.index[j] <= 0))
      fail(file, `field "index" entry ${j} is out of order or range`);
    for (let c = 0; c < k; c++) weights[c][at] = m.weights[c][j] / m.scale;
  }
  return {
    head: m.head,
    dim,
    classes: m.classes,
    bias: m.bias,
    weights,
    meta: typeof m.meta === 'object' && m.meta !== null ? m.meta : {},
  };
}

export function loadLinearModel(file: string): LinearModel {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(
      file,
      code === 'ENOENT'
        ? 'file not found (run the offline training script, or restore data/offline/)'
        : `cannot read (${code ?? String(err)})`,
    );
  }
  return parseLinearModel(json, file);
}

/** The on-disk form of a model; weights below `prune` in every class are dropped. */
export function serialiseLinearModel(model: LinearModel, scale = 1000, prune = 0.5 / 1000): LinearModelFile {
  const index: number[] = [];
  const weights: number[][] = model.classes.map(() => []);
  let last = 0;
  for (let i = 0; i < model.dim; i++) {
    let keep = false;
    for (const w of model.weights) if (Math.abs(w[i]) >= prune) keep = true;
    if (!keep) continue;
    index.push(i - last);
    last = i;
    model.weights.forEach((w, c) => {
      weights[c].push(Math.round(w[i] * scale));
    });
  }
  return {
    format: LINEAR_FORMAT,
    head: model.head,
    dim: model.dim,
    classes: model.classes,
    scale,
    bias: model.bias.map((b) => Math.round(b * 1e4) / 1e4),
    index,
    weights,
    meta: model.meta,
  };
}

/** Logits, one per class, of a bag of bucket indices. */
export function linearLogits(model: LinearModel, features: readonly number[]): number[] {
  const norm = features.length > 0 ? 1 / Math.sqrt(features.length) : 0;
  const out = new Array<number>(model.weights.length);
  for (let c = 0; c < model.weights.length; c++) {
    const w = model.weights[c];
    let s = 0;
    for (let i = 0; i < features.length; i++) s += w[features[i]];
    out[c] = model.bias[c] + s * norm;
  }
  return out;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function softmax(logits: readonly number[]): number[] {
  const m = Math.max(...logits);
  const e = logits.map((l) => Math.exp(l - m));
  const z = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / z);
}
