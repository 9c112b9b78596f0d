/**
 * Very long conversations (>= 50 human messages): how many there are. Their topics are clustered
 * separately by the cluster stage and arrive as a TopicTree.
 */
import type { Thresholds } from '../privacy/thresholds.js';
import { effectiveCategories, GroupTally, type Suppressed, ThresholdGate } from './groups.js';
import { type Share, share } from './prevalence.js';
import type { AnalysisRecord } from './record.js';

export const LONG_CONVERSATION_MIN_HUMAN_MESSAGES = 50;

export interface LongConversations {
  minHumanMessages: number;
  /** Long conversations as a share of all analysed conversations. */
  all: Suppressed | ({ suppressed: false } & Share);
  /** Long affective conversations as a share of affective conversations. */
  affective: Suppressed | ({ suppressed: false } & Share);
  suppressed: number;
}

export function longConversations(
  records: Iterable<AnalysisRecord>,
  thresholds: Thresholds,
): LongConversations {
  const longAll = new GroupTally();
  const longAffective = new GroupTally();
  let analysed = 0;
  let affective = 0;
  for (const r of records) {
    if (r.facets.status.kind === 'error') continue;
    analysed++;
    const isAffective = effectiveCategories(r).length > 0;
    if (isAffective) affective++;
    if (r.humanMessages < LONG_CONVERSATION_MIN_HUMAN_MESSAGES) continue;
    longAll.add(r);
    if (isAffective) longAffective.add(r);
  }
  // A subset of conversations is a group like any other: it is shown only above the thresholds.
  const gate = new ThresholdGate(thresholds);
  return {
    minHumanMessages: LONG_CONVERSATION_MIN_HUMAN_MESSAGES,
    all: gate.allows(longAll.size())
      ? { suppressed: false, ...share(longAll.conversations, analysed) }
      : { suppressed: true },
    affective: gate.allows(longAffective.size())
      ? { suppressed: false, ...share(longAffective.conversations, affective) }
      : { suppressed: true },
    suppressed: gate.suppressed,
  };
}
