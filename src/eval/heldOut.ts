/**
 * Leave-one-source-out for what the offline engine fits (the content-creation and pushback heads):
 * for every source, heads fitted on every fittable record of the other sources (never a record
 * whose id the held-out source also holds) score that source. The rules are not fitted, so their
 * figures are the same either way; they are scored here through the same held-out heads, because
 * content creation (a head) decides whether categories are dropped.
 */
import { offlineFacets } from '../facets/offline/facets.js';
import { serialiseLinearModel } from '../facets/offline/linear.js';
import { HEADS, type OfflineModels, shippedModels } from '../facets/offline/models.js';
import { dataExamples, type Examples, type FitItem, fitHeads, fitOrder } from '../facets/offline/training.js';
import type { Facets } from '../facets/schema.js';
import type { Source } from './sources.js';
import { synthExamples } from './synthHeadExamples.js';

export interface HeldOutRun {
  /** Per source (same order as the input): facets from heads fitted without it. */
  heldOut: Facets[][];
  /** Per source: facets from the shipped heads (in-sample for the sources they were fitted on). */
  shipped: Facets[][];
  /** Per source: fittable records the held-out fit left out (0: the held-out heads are the full fit). */
  leftOut: number[];
  /** Whether a fit on every fittable record reproduces the shipped weights files. */
  shippedMatchesFit: boolean;
}

function sameWeights(a: OfflineModels, b: OfflineModels): boolean {
  return HEADS.every((h) => {
    const x = serialiseLinearModel(a[h]);
    const y = serialiseLinearModel(b[h]);
    return JSON.stringify([x.bias, x.index, x.weights]) === JSON.stringify([y.bias, y.index, y.weights]);
  });
}

export function runHeldOut(sources: readonly Source[]): HeldOutRun {
  const synth: Examples = synthExamples();
  const fittable: FitItem[] = fitOrder(sources.flatMap((s) => s.items));
  const fitWithout = (keep: (it: FitItem) => boolean) => fitHeads(dataExamples(fittable, keep), synth, {});
  const full = fitWithout(() => true);
  const shipped = shippedModels();
  const run = (items: Source['items'], models: OfflineModels) =>
    items.map((it) => offlineFacets(it.conversation, { models }));
  const out: HeldOutRun = {
    heldOut: [],
    shipped: [],
    leftOut: [],
    shippedMatchesFit: sameWeights(full, shipped),
  };
  for (const s of sources) {
    const ids = new Set(s.items.map((it) => it.id));
    const outside = (it: FitItem) => it.file !== s.file && !ids.has(it.id);
    const leftOut = fittable.filter((it) => !outside(it)).length;
    out.leftOut.push(leftOut);
    out.heldOut.push(run(s.items, leftOut === 0 ? full : fitWithout(outside)));
    out.shipped.push(run(s.items, shipped));
  }
  return out;
}
