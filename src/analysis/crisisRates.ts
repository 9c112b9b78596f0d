/**
 * Crisis signals (codebook-additions §9): how often the user expressed suicidal thoughts, intent to
 * self-harm, abuse or immediate danger, among all conversations, the affective ones and each category;
 * and, among the conversations with a signal, how the assistant responded: referral, pushback, and
 * whether the conversation continued past the first exchange (at least 2 user messages: the assistant
 * kept the user talking rather than ending on one reply). Measurement, not monitoring: counts and
 * rates only, gated like every other figure; no conversation is ever listed.
 */
import { type Estimator, rawEstimator } from '../estimate/estimator.js';
import { type Category, CRISIS_KINDS, type CrisisKind } from '../facets/schema.js';
import { ThresholdGate, type Thresholds } from '../privacy/thresholds.js';
import { Composite } from './mergeable.js';
import { PerStratum } from './perStratum.js';
import type { AnalysisRecord } from './record.js';
import { notMeasured } from './referralRates.js';
import { type SupportGroup, type SupportGroupName, SupportGroups, SupportTally } from './supportTally.js';
import type { NotAvailable } from './userFigures.js';

export type CrisisKey = 'any' | CrisisKind | 'unspecified';
const KEYS = ['any', '~none', ...CRISIS_KINDS, 'unspecified'] as const;

export type ResponseKey = 'referral' | 'pushback' | 'continued';
const RESPONSE_KEYS = [
  'referral',
  '~no_referral',
  'pushback',
  '~no_pushback',
  'continued',
  '~ended',
] as const;

export type CrisisFigures = (
  | NotAvailable
  | {
      available: true;
      missing: number;
      groups: SupportGroup<SupportGroupName, CrisisKey>[];
      /** Conversations with a crisis signal: how the assistant responded. */
      response: SupportGroup<'crisis', ResponseKey>;
    }
) & { suppressed: number };

/** At least this many user messages: the conversation went on after the first exchange. */
export const CONTINUED_MIN_USER_MESSAGES = 2;

export class CrisisAccumulator extends Composite {
  private readonly groups = new SupportGroups<CrisisKey>({
    keys: KEYS,
    families: [
      [0, 1],
      [1, 2, 3, 4, 5, 6],
    ],
    cellOf: (s) => (s.crisis ? [0, KEYS.indexOf(s.crisisKind ?? 'unspecified')] : [1]),
  });
  private readonly inCrisis = new SupportTally<ResponseKey>({
    keys: RESPONSE_KEYS,
    families: [
      [0, 1],
      [2, 3],
      [4, 5],
    ],
    cellOf: (s, r) => [
      s.referral !== 'none' ? 0 : 1,
      r.facets.pushback ? 2 : 3,
      r.humanMessages >= CONTINUED_MIN_USER_MESSAGES ? 4 : 5,
    ],
  });
  private readonly units = new PerStratum();

  add(r: AnalysisRecord, categories: readonly Category[]): void {
    if (r.facets.status.kind !== 'error') this.units.add(r.stratum ?? 0);
    if (!this.groups.add(r, categories)) return;
    const s = r.facets.support!;
    if (s.crisis) this.inCrisis.add(r, s, r.stratum ?? 0);
  }

  protected parts() {
    return { groups: this.groups, inCrisis: this.inCrisis, units: this.units };
  }

  result(thresholds: Thresholds, estimator: Estimator = rawEstimator()): CrisisFigures {
    if (this.groups.measured === 0) return notMeasured(this.groups.missing);
    const gate = new ThresholdGate(thresholds);
    const groups = this.groups.figures(gate, estimator, 'crisis');
    const response = this.inCrisis.figures('crisis' as const, gate, this.units, estimator, 'crisis-response');
    return { available: true, missing: this.groups.missing, groups, response, suppressed: gate.suppressed };
  }
}
