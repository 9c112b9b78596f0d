/** The shape of clustered topics as they leave the cluster stage (already privacy-gated). */
export interface TopicNode {
  id: string;
  /** At most ten words, describing the group. */
  name: string;
  /** At most two sentences; '' when the audit dropped it. */
  description: string;
  conversations: number;
  users: number;
  children: TopicNode[];
}

export interface TopicTree {
  /** What was clustered: a category, 'long_conversations', or 'pushback_reasons:<category>'. */
  group: string;
  /** Conversations that went in. */
  total: number;
  topics: TopicNode[];
  /** Counted but not described: everything that merged away under the thresholds or gates. */
  belowThreshold: { conversations: number };
}

/** What each privacy gate removed, counts only. */
export interface PrivacyGateCounts {
  clustersMergedByThreshold: number;
  conversationsSuppressedByThreshold: number;
  textsDroppedByPiiDetector: number;
  textsDroppedByAudit: number;
  numbersSuppressedByThreshold: number;
}

export function emptyGateCounts(): PrivacyGateCounts {
  return {
    clustersMergedByThreshold: 0,
    conversationsSuppressedByThreshold: 0,
    textsDroppedByPiiDetector: 0,
    textsDroppedByAudit: 0,
    numbersSuppressedByThreshold: 0,
  };
}
