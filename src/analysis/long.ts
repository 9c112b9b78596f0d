/**
 * Very long conversations (>= 50 human messages): how many there are. Their topics are clustered
 * separately by the cluster stage and arrive as a TopicTree.
 */
import { type Estimator, rawEstimator } from '../estimate/estimator.js';
import type { Category } from '../facets/schema.js';
import {
  GroupTally,
  type Shown,
  type Suppressed,
  ThresholdGate,
  type Thresholds,
} from '../privacy/thresholds.js';
import { effectiveCategories } from './groups.js';
import { Composite } from './mergeable.js';
import { PerStratum, rateStrata, shareStrata } from './perStratum.js';
import type { Share } from './prevalence.js';
import type { AnalysisRecord } from './record.js';

export const LONG_CONVERSATION_MIN_HUMAN_MESSAGES = 50;

/** A conversation of the "very long" group: enough human messages, and facets that did not fail. */
export function isLongConversation(r: AnalysisRecord): boolean {
  return r.facets.status.kind !== 'error' && r.humanMessages >= LONG_CONVERSATION_MIN_HUMAN_MESSAGES;
}

export interface LongConversations {
  minHumanMessages: number;
  /** Long conversations as a share of all analysed conversations. */
  all: Suppressed | Shown<Share>;
  /** Long affective conversations as a share of affective conversations. */
  affective: Suppressed | Shown<Share>;
  suppressed: number;
}

/** Counts of long conversations, fed one record at a time; only long ones reach the tallies. */
export class LongConversationsAccumulator extends Composite {
  private readonly longAll = new GroupTally();
  private readonly longAffective = new GroupTally();
  private readonly units = new PerStratum();
  private readonly affective = new PerStratum();
  private readonly long = new PerStratum();
  private readonly longAndAffective = new PerStratum();

  /** `categories` is effectiveCategories(r), passed in when the caller has it already. */
  add(r: AnalysisRecord, categories: readonly Category[] = effectiveCategories(r)): void {
    if (r.facets.status.kind === 'error') return;
    const h = r.stratum ?? 0;
    this.units.add(h);
    const isAffective = categories.length > 0;
    if (isAffective) this.affective.add(h);
    if (!isLongConversation(r)) return;
    this.longAll.add(r);
    this.long.add(h);
    if (!isAffective) return;
    this.longAffective.add(r);
    this.longAndAffective.add(h);
  }

  protected parts() {
    const { longAll, longAffective, units, affective, long, longAndAffective } = this;
    return { longAll, longAffective, units, affective, long, longAndAffective };
  }

  result(thresholds: Thresholds, estimator: Estimator = rawEstimator()): LongConversations {
    // A subset of conversations is a group like any other: it is shown only above the thresholds.
    const gate = new ThresholdGate(thresholds);
    const strata = estimator.strata;
    return {
      minHumanMessages: LONG_CONVERSATION_MIN_HUMAN_MESSAGES,
      all: gate.show(this.longAll.size(), () =>
        estimator.share(shareStrata(this.units, this.long, strata), 'long'),
      ),
      affective: gate.show(this.longAffective.size(), () => {
        const r = estimator.rate(
          rateStrata(this.units, this.affective, this.longAndAffective, strata),
          'long|affective',
        );
        return { count: r.count, n: r.n, share: r.rate, interval: r.interval, method: r.method };
      }),
      suppressed: gate.suppressed,
    };
  }
}

export function longConversations(
  records: Iterable<AnalysisRecord>,
  thresholds: Thresholds,
): LongConversations {
  const acc = new LongConversationsAccumulator();
  for (const r of records) acc.add(r);
  return acc.result(thresholds);
}
