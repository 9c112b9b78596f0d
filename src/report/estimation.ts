/**
 * The report's account of how its figures were estimated: the method and its plain-words summary, the
 * calibration that corrected them, or what a cascade verified and how the screen fared against the
 * verifier. Counts over the whole log only (strata sizes), gated rates for the agreement.
 */
import type { Calibration, ConfusionCounts } from '../estimate/calibrated.js';
import type { CascadeSummary } from '../estimate/cascadeSummary.js';
import type { Estimator } from '../estimate/estimator.js';
import type { Report } from './reportSchema.js';

export interface EstimationInput {
  estimator: Estimator;
  engine: string;
  calibration?: Calibration;
  cascade?: CascadeSummary;
}

export function describeEstimation(input: EstimationInput): Report['estimation'] {
  const { estimator, calibration, cascade } = input;
  const uncorrected = [...(estimator.uncorrected ?? new Map<string, string>())]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([facet, reason]) => ({ facet, reason }));
  return {
    method: estimator.method,
    summary: summaryOf(input),
    uncorrected,
    calibration: calibration
      ? {
          source: calibration.source,
          engine: calibration.engine,
          facets: ratesOf(calibration.facets),
          domains: (calibration.domains ?? []).map((d) => ({ name: d.name, facets: ratesOf(d.facets) })),
        }
      : null,
    cascade: cascade ?? null,
  };
}

/** Each facet's measured rates, in a fixed order. */
function ratesOf(facets: Record<string, ConfusionCounts>) {
  return Object.entries(facets)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([facet, c]) => ({
      facet,
      positives: c.tp + c.fn,
      negatives: c.fp + c.tn,
      tpr: c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn),
      fpr: c.fp + c.tn === 0 ? 0 : c.fp / (c.fp + c.tn),
    }));
}

function summaryOf({ estimator, engine, calibration, cascade }: EstimationInput): string {
  if (estimator.method === 'cascade' && cascade) {
    const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
    return (
      `Figures come from ${cascade.verifier.engine} (${cascade.verifier.model}) answers on ` +
      `${cascade.verifiedConversations.toLocaleString('en-US')} of ${cascade.fullRunConversations.toLocaleString('en-US')} ` +
      `conversations (${pct(cascade.verifiedConversations / Math.max(1, cascade.fullRunConversations))}): every conversation the offline ` +
      'screen flagged for any figure, and seeded random samples of the rest, combined by stratified two-phase ' +
      'estimators whose intervals include the sampling. Conversations the verifier failed on are treated as ' +
      'missing at random within their stratum.'
    );
  }
  if (estimator.method === 'calibrated' && calibration)
    return (
      `Shares of all conversations are corrected for the offline engine's error rates measured on ${calibration.source} ` +
      ((calibration.domains?.length ?? 0) > 1
        ? `(Rogan–Gladen, with intervals that carry the uncertainty of those rates and their disagreement across the ${calibration.domains?.length} kinds of traffic measured: each draw takes its rates from one of them). `
        : '(Rogan–Gladen, with intervals that carry the uncertainty of those rates). ') +
      'Rates within a group and sentiment ' +
      'changes are as classified. The offline engine is a screening tool: verify with an LLM engine (--cascade) ' +
      'when the numbers matter.'
    );
  if (engine === 'offline')
    return (
      'Shares are counts as the offline engine classified them: screening figures, not corrected for its errors ' +
      '(no calibration was available). On real assistant traffic the offline engine calls some ordinary or hostile ' +
      'requests affective, so treat small shares as upper-biased; calibrate (--calibration) or verify (--cascade).'
    );
  return (
    `Shares are counts as ${engine} classified every conversation; its errors are not corrected. Score it on ` +
    'labelled conversations of your own (affectlens label, affectlens validate) to know how far to trust them.'
  );
}
