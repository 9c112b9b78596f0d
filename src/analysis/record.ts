import type { Facets } from '../facets/schema.js';

/** One analysed conversation as the analyses see it: facets plus who and how long. */
export interface AnalysisRecord {
  conversationId: string;
  /** Absent when the log has no user ids; thresholds then count the conversation as its own user. */
  userId?: string;
  humanMessages: number;
  facets: Facets;
  /**
   * The sampling stratum the conversation was verified in (a cascade: 0 = the screen's candidates,
   * then the sampled rest); absent in a run that classifies every conversation the same way.
   */
  stratum?: number;
  /** When the conversation started (ISO 8601), if the log says: the over-time figures bucket by it. */
  createdAt?: string;
  /** The conversation's value of the `--segment-by` field, as text; absent when it has none. */
  segment?: string;
}
