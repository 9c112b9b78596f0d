import type { Facets } from '../facets/schema.js';

/** One analysed conversation as the analyses see it: facets plus who and how long. */
export interface AnalysisRecord {
  conversationId: string;
  /** Absent when the log has no user ids; thresholds then count the conversation as its own user. */
  userId?: string;
  humanMessages: number;
  facets: Facets;
}
