/**
 * Agreement metrics for validating classifiers against labels, as the study validated its own:
 * precision, recall, F1, Cohen's kappa and confusion matrices. Pure functions, no I/O.
 * Undefined ratios (0/0) are NaN so a report can print '—' instead of a misleading 0.
 */

export interface LabelScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Gold occurrences of the label. */
  support: number;
  /** Predicted occurrences of the label. */
  predicted: number;
}

export interface ConfusionMatrix {
  /** Row = gold, column = predicted, in this order. */
  labels: string[];
  counts: number[][];
}

export interface MulticlassMetrics {
  n: number;
  accuracy: number;
  kappa: number;
  macroF1: number;
  perLabel: LabelScores[];
  confusion: ConfusionMatrix;
}

export interface BinaryMetrics {
  n: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  kappa: number;
  confusion: ConfusionMatrix;
}

export function ratio(a: number, b: number): number {
  return b === 0 ? Number.NaN : a / b;
}

export function f1Score(precision: number, recall: number): number {
  if (Number.isNaN(precision) || Number.isNaN(recall)) return Number.NaN;
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Cohen's kappa from a square confusion matrix: (po - pe) / (1 - pe). */
export function cohenKappa(counts: readonly (readonly number[])[]): number {
  const k = counts.length;
  let n = 0;
  let agree = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const c = counts[i][j];
      n += c;
      rows[i] += c;
      cols[j] += c;
      if (i === j) agree += c;
    }
  }
  if (n === 0) return Number.NaN;
  const po = agree / n;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rows[i] / n) * (cols[i] / n);
  // Both raters constant and identical: agreement is perfect but kappa is undefined.
  if (pe === 1) return po === 1 ? Number.NaN : 0;
  return (po - pe) / (1 - pe);
}

export function confusionMatrix(
  gold: readonly string[],
  pred: readonly string[],
  labels?: readonly string[],
): ConfusionMatrix {
  if (gold.length !== pred.length)
    throw new Error(`confusionMatrix: ${gold.length} gold vs ${pred.length} predicted`);
  const order = labels ? [...labels] : [...new Set([...gold, ...pred])].sort();
  for (const v of [...gold, ...pred]) if (!order.includes(v)) order.push(v);
  const index = new Map(order.map((l, i) => [l, i]));
  const counts = order.map(() => new Array<number>(order.length).fill(0));
  for (let i = 0; i < gold.length; i++) counts[index.get(gold[i])!][index.get(pred[i])!]++;
  return { labels: order, counts };
}

export function multiclassMetrics(
  gold: readonly string[],
  pred: readonly string[],
  labels?: readonly string[],
): MulticlassMetrics {
  const confusion = confusionMatrix(gold, pred, labels);
  const { counts } = confusion;
  const n = gold.length;
  let correct = 0;
  const perLabel: LabelScores[] = confusion.labels.map((label, i) => {
    const tp = counts[i][i];
    correct += tp;
    const support = counts[i].reduce((a, b) => a + b, 0);
    const predicted = counts.reduce((a, row) => a + row[i], 0);
    const precision = ratio(tp, predicted);
    const recall = ratio(tp, support);
    return { label, precision, recall, f1: f1Score(precision, recall), support, predicted };
  });
  // Macro over labels that occur in the gold data; a never-predicted label scores F1 0.
  const present = perLabel.filter((l) => l.support > 0);
  const macroF1 =
    present.length === 0
      ? Number.NaN
      : present.reduce((a, l) => a + (Number.isNaN(l.f1) ? 0 : l.f1), 0) / present.length;
  return { n, accuracy: ratio(correct, n), kappa: cohenKappa(counts), macroF1, perLabel, confusion };
}

export function binaryMetrics(gold: readonly boolean[], pred: readonly boolean[]): BinaryMetrics {
  if (gold.length !== pred.length)
    throw new Error(`binaryMetrics: ${gold.length} gold vs ${pred.length} predicted`);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i] && pred[i]) tp++;
    else if (!gold[i] && pred[i]) fp++;
    else if (gold[i] && !pred[i]) fn++;
    else tn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const counts = [
    [tn, fp],
    [fn, tp],
  ];
  return {
    n: gold.length,
    tp,
    fp,
    fn,
    tn,
    precision,
    recall,
    f1: f1Score(precision, recall),
    accuracy: ratio(tp + tn, gold.length),
    kappa: cohenKappa(counts),
    confusion: { labels: ['false', 'true'], counts },
  };
}

/** Per-label scores for multi-label sets (each label a one-vs-rest binary problem). */
export function multilabelMetrics(
  gold: readonly (readonly string[])[],
  pred: readonly (readonly string[])[],
  labels: readonly string[],
): { perLabel: (LabelScores & { kappa: number })[]; macroF1: number } {
  const perLabel = labels.map((label) => {
    const m = binaryMetrics(
      gold.map((g) => g.includes(label)),
      pred.map((p) => p.includes(label)),
    );
    return {
      label,
      precision: m.precision,
      recall: m.recall,
      f1: m.f1,
      support: m.tp + m.fn,
      predicted: m.tp + m.fp,
      kappa: m.kappa,
    };
  });
  const present = perLabel.filter((l) => l.support > 0);
  const macroF1 =
    present.length === 0
      ? Number.NaN
      : present.reduce((a, l) => a + (Number.isNaN(l.f1) ? 0 : l.f1), 0) / present.length;
  return { perLabel, macroF1 };
}

export function meanAbsoluteError(gold: readonly number[], pred: readonly number[]): number {
  if (gold.length !== pred.length) throw new Error('meanAbsoluteError: length mismatch');
  if (gold.length === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < gold.length; i++) s += Math.abs(gold[i] - pred[i]);
  return s / gold.length;
}
