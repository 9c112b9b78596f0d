/** What a cascade did: the report's estimation section shows it (counts over the whole log only). */
import type { RateEstimate } from './estimator.js';

export const STRATA = ['candidates', 'near_misses', 'rest'] as const;
export type StratumName = (typeof STRATA)[number];

export interface CascadeStratum {
  name: StratumName;
  /** Conversations the screen put in this stratum. */
  conversations: number;
  /** Share of them sent to the verifier. */
  rate: number;
  /** Sent to the verifier. */
  selected: number;
  /** Verified (the verifier answered). */
  verified: number;
  /** The verifier failed on them: treated as missing at random within the stratum. */
  failed: number;
}

export interface CascadeSummary {
  screen: { engine: string; model: string; version: string };
  verifier: { engine: string; model: string; promptVersion: string };
  strata: CascadeStratum[];
  /** Whether the rest's rate was chosen by the tool (from the strata's sizes) or given. */
  rateChosen: boolean;
  /** Conversations verified, and how many a full run would have sent. */
  verifiedConversations: number;
  fullRunConversations: number;
  /** What the verification cost, and what a full run would have cost at the same price per conversation. */
  costUSD: number | null;
  fullRunCostUSD: number | null;
  /**
   * The offline engine against the verifier on this log: for each facet, how often a conversation the
   * verifier calls positive was flagged by the screen (recall, estimated over the whole log: the random
   * samples measure what the screen missed), and how often a screen flag was confirmed (precision).
   */
  agreement: { facet: string; recall: RateEstimate; precision: RateEstimate }[];
}
