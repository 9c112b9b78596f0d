/**
 * Very long conversations (>= 50 human messages): how many there are. Their topics are clustered
 * separately by the cluster stage and arrive as a TopicTree.
 */
import type { Category } from '../facets/schema.js';
import {
  GroupTally,
  type Shown,
  type Suppressed,
  ThresholdGate,
  type Thresholds,
} from '../privacy/thresholds.js';
import { effectiveCategories } from './groups.js';
import { type Share, share } from './prevalence.js';
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
export class LongConversationsAccumulator {
  private readonly longAll = new GroupTally();
  private readonly longAffective = new GroupTally();
  private analysed = 0;
  private affective = 0;

  /** `categories` is effectiveCategories(r), passed in when the caller has it already. */
  add(r: AnalysisRecord, categories: readonly Category[] = effectiveCategories(r)): void {
    if (r.facets.status.kind === 'error') return;
    this.analysed++;
    const isAffective = categories.length > 0;
    if (isAffective) this.affective++;
    if (!isLongConversation(r)) return;
    this.longAll.add(r);
    if (isAffective) this.longAffective.add(r);
  }

  result(thresholds: Thresholds): LongConversations {
    // A subset of conversations is a group like any other: it is shown only above the thresholds.
    const gate = new ThresholdGate(thresholds);
    return {
      minHumanMessages: LONG_CONVERSATION_MIN_HUMAN_MESSAGES,
      all: gate.show(this.longAll.size(), () => share(this.longAll.conversations, this.analysed)),
      affective: gate.show(this.longAffective.size(), () =>
        share(this.longAffective.conversations, this.affective),
      ),
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
