/**
 * What each privacy gate removed: counts only, reported in the privacy section. Every withheld text
 * is counted once, under the first gate that stopped it; the audit is credited only with texts it
 * judged (it does not run on a text a deterministic gate already withheld).
 */
export interface PrivacyGateCounts {
  clustersMergedByThreshold: number;
  conversationsSuppressedByThreshold: number;
  textsDroppedByPiiDetector: number;
  /** A token outside general English and the curated domain terms (a surname, a town, a made-up word). */
  textsDroppedByVocabulary: number;
  /** A checked token (domain term, number) without enough genuinely different sources. */
  textsDroppedBySupport: number;
  /** A verbatim run of a concern too few users (or sources) wrote. */
  textsDroppedByEcho: number;
  textsDroppedByAudit: number;
  numbersSuppressedByThreshold: number;
}

export function emptyGateCounts(): PrivacyGateCounts {
  return {
    clustersMergedByThreshold: 0,
    conversationsSuppressedByThreshold: 0,
    textsDroppedByPiiDetector: 0,
    textsDroppedByVocabulary: 0,
    textsDroppedBySupport: 0,
    textsDroppedByEcho: 0,
    textsDroppedByAudit: 0,
    numbersSuppressedByThreshold: 0,
  };
}

/** Adds `more` into `total` in place. */
export function addGateCounts(total: PrivacyGateCounts, more: PrivacyGateCounts): void {
  for (const k of Object.keys(total) as (keyof PrivacyGateCounts)[]) total[k] += more[k];
}
