/**
 * The figures the dev-data eval prints and records, per source or pooled: each a name, a value and
 * the number of labelled cases it rests on. Built on validateFacets, plus what it does not score
 * (pushback-reason accuracy, from the reference set's reason labels).
 */
import type { BinaryMetrics } from '../facets/metrics.js';
import type { Facets } from '../facets/schema.js';
import { type LabelledItem, type ValidationReport, validateFacets } from '../facets/validate.js';

export interface Figure {
  key: FigureKey;
  value: number;
  /** Labelled cases behind the figure. */
  n: number;
}

export type FigureKey =
  | 'affective P'
  | 'affective R'
  | 'affective F1'
  | 'affective acc'
  | 'category macro-F1'
  | 'content F1'
  | 'content acc'
  | 'pushback F1'
  | 'pushback acc'
  | 'pushback reason acc'
  | 'sentiment acc'
  | 'sentiment kappa'
  | 'polarity acc'
  | 'polarity macro-F1'
  | 'valence r'
  | 'change right';

/** Among conversations both the labels and the engine call pushback: the share with the gold reason. */
export function reasonAccuracy(
  items: readonly LabelledItem[],
  results: readonly Facets[],
): Figure | undefined {
  let n = 0;
  let same = 0;
  items.forEach((it, i) => {
    const gold = it.labels.pushback_reason;
    if (it.labels.pushback !== true || typeof gold !== 'string' || !results[i].pushback) return;
    n++;
    if (results[i].pushbackReason === gold) same++;
  });
  return n === 0 ? undefined : { key: 'pushback reason acc', value: same / n, n };
}

function binary(out: Figure[], name: 'affective' | 'content' | 'pushback', m?: BinaryMetrics): void {
  if (!m) return;
  // A one-class gold set has no F1 to speak of: accuracy is its recall or its specificity.
  if (m.tp + m.fn === 0 || m.tn + m.fp === 0) {
    out.push({ key: `${name} acc`, value: m.accuracy, n: m.n });
    return;
  }
  if (name === 'affective') {
    out.push({ key: 'affective P', value: m.precision, n: m.tp + m.fp });
    out.push({ key: 'affective R', value: m.recall, n: m.tp + m.fn });
  }
  out.push({ key: `${name} F1`, value: m.f1, n: m.n });
}

/** Every figure the labels of these items support. */
export function figures(items: readonly LabelledItem[], results: readonly Facets[]): Figure[] {
  const r: ValidationReport = validateFacets(items, results);
  const out: Figure[] = [];
  binary(out, 'affective', r.affective);
  if (r.categories?.perLabel.some((l) => l.support > 0))
    out.push({ key: 'category macro-F1', value: r.categories.macroF1, n: r.categories.n });
  binary(out, 'content', r.contentCreation);
  binary(out, 'pushback', r.pushback);
  const reason = reasonAccuracy(items, results);
  if (reason) out.push(reason);
  if (r.sentiment) {
    out.push({ key: 'sentiment acc', value: r.sentiment.accuracy, n: r.sentiment.n });
    out.push({ key: 'sentiment kappa', value: r.sentiment.kappa, n: r.sentiment.n });
  }
  if (r.polarity) {
    out.push({ key: 'polarity acc', value: r.polarity.accuracy, n: r.polarity.n });
    out.push({ key: 'polarity macro-F1', value: r.polarity.macroF1, n: r.polarity.n });
  }
  if (r.valenceCorrelation)
    out.push({ key: 'valence r', value: r.valenceCorrelation.r, n: r.valenceCorrelation.n });
  if (r.sentimentChange)
    out.push({ key: 'change right', value: r.sentimentChange.share, n: r.sentimentChange.n });
  return out;
}

export function figure(fs: readonly Figure[], key: FigureKey): Figure | undefined {
  return fs.find((f) => f.key === key);
}
