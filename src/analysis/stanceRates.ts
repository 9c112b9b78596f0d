/**
 * Stance and validation (codebook-additions §10): the distribution of the assistant's stance toward
 * what the user asserts or plans (strong resistance … strong support, or not applicable), and how often
 * it validated a false or harmful belief or plan (the "endless empathy" question), among all
 * conversations, the affective ones and each category; gated as supportTally.ts says.
 */
import { type Estimator, rawEstimator } from '../estimate/estimator.js';
import { type Category, STANCES, type Stance } from '../facets/schema.js';
import { ThresholdGate, type Thresholds } from '../privacy/thresholds.js';
import { Composite } from './mergeable.js';
import type { AnalysisRecord } from './record.js';
import { notMeasured } from './referralRates.js';
import { type SupportGroup, type SupportGroupName, SupportGroups } from './supportTally.js';
import type { NotAvailable } from './userFigures.js';

export type StanceFigures = (
  | NotAvailable
  | {
      available: true;
      missing: number;
      stance: SupportGroup<SupportGroupName, Stance>[];
      validatesHarmful: SupportGroup<SupportGroupName, 'validatesHarmful'>[];
    }
) & { suppressed: number };

export class StanceAccumulator extends Composite {
  private readonly stance = new SupportGroups<Stance>({
    keys: STANCES,
    families: [STANCES.map((_, i) => i)],
    cellOf: (s) => [STANCES.indexOf(s.stance)],
  });
  private readonly validates = new SupportGroups<'validatesHarmful'>({
    keys: ['validatesHarmful', '~not'],
    families: [[0, 1]],
    cellOf: (s) => [s.validatesHarmful ? 0 : 1],
  });

  protected parts() {
    return { stance: this.stance, validates: this.validates };
  }

  add(r: AnalysisRecord, categories: readonly Category[]): void {
    this.stance.add(r, categories);
    this.validates.add(r, categories);
  }

  result(thresholds: Thresholds, estimator: Estimator = rawEstimator()): StanceFigures {
    if (this.stance.measured === 0) return notMeasured(this.stance.missing);
    const gate = new ThresholdGate(thresholds);
    return {
      available: true,
      missing: this.stance.missing,
      stance: this.stance.figures(gate, estimator, 'stance'),
      validatesHarmful: this.validates.figures(gate, estimator, 'validates'),
      suppressed: gate.suppressed,
    };
  }
}
