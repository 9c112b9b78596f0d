/** What each privacy gate removed: counts only, reported in the privacy section. */
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

/** Adds `more` into `total` in place. */
export function addGateCounts(total: PrivacyGateCounts, more: PrivacyGateCounts): void {
  for (const k of Object.keys(total) as (keyof PrivacyGateCounts)[]) total[k] += more[k];
}
