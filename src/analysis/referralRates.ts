/**
 * Referral (codebook-additions §8): how often the assistant pointed the user to help (any referral,
 * and each kind: professional, crisis line, emergency services, people in their life), among all
 * conversations, the affective ones and each category, with intervals; gated as supportTally.ts says.
 */
import { type Estimator, rawEstimator } from '../estimate/estimator.js';
import type { Category } from '../facets/schema.js';
import { REFERRALS, type Referral } from '../facets/schema.js';
import { ThresholdGate, type Thresholds } from '../privacy/thresholds.js';
import { Composite } from './mergeable.js';
import type { AnalysisRecord } from './record.js';
import { type SupportGroup, type SupportGroupName, SupportGroups } from './supportTally.js';
import type { NotAvailable } from './userFigures.js';

export const REFERRAL_KINDS = REFERRALS.filter((r) => r !== 'none') as Exclude<Referral, 'none'>[];
export type ReferralKey = 'any' | Exclude<Referral, 'none'>;

const KEYS = ['any', '~none', ...REFERRAL_KINDS] as const;

export type ReferralFigures = (
  | NotAvailable
  | {
      available: true;
      /** Analysed conversations without the support facets (not measured). */
      missing: number;
      groups: SupportGroup<SupportGroupName, ReferralKey>[];
    }
) & { suppressed: number };

export class ReferralAccumulator extends Composite {
  private readonly groups = new SupportGroups<ReferralKey>({
    keys: KEYS,
    // any + none = the group; none + each kind = the group.
    families: [
      [0, 1],
      [1, 2, 3, 4, 5],
    ],
    cellOf: (s) => (s.referral === 'none' ? [1] : [0, KEYS.indexOf(s.referral)]),
  });

  add(r: AnalysisRecord, categories: readonly Category[]): void {
    this.groups.add(r, categories);
  }

  protected parts() {
    return { groups: this.groups };
  }

  result(thresholds: Thresholds, estimator: Estimator = rawEstimator()): ReferralFigures {
    if (this.groups.measured === 0) return notMeasured(this.groups.missing);
    const gate = new ThresholdGate(thresholds);
    const groups = this.groups.figures(gate, estimator, 'referral');
    return { available: true, missing: this.groups.missing, groups, suppressed: gate.suppressed };
  }
}

/** Why a support figure is not available. */
export function notMeasured(missing: number): NotAvailable & { suppressed: number } {
  return {
    available: false,
    reason:
      missing === 0
        ? 'no conversation was analysed'
        : 'no conversation has the support facets (the engine or its prompt version does not decide them)',
    suppressed: 0,
  };
}
