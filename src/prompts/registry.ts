/**
 * Which prompt file each model-backed step uses. Changing a step's wording means adding a new
 * versioned file in prompts/ and pointing its entry here; the old file stays for reproducibility.
 */
export const PROMPT_FILES = {
  /**
   * Every facet in one call. v2 (issue 14) follows the codebook case by case in ≤ 600 tokens, its
   * definitions in prompts/partials/ shared with the split prompts; v1 stays for reproducibility.
   * v3 (issue 17) adds referral, crisis and stance (prompts/partials/support.md); v2 stays too.
   */
  facets: 'facets.v3.md',
  /** One question per call (`--split-facets`), as Clio asks them. */
  'facet-content-creation': 'facet-content-creation.v2.md',
  'facet-categories': 'facet-categories.v2.md',
  'facet-pushback': 'facet-pushback.v2.md',
  'facet-sentiment': 'facet-sentiment.v2.md',
  'facet-concern': 'facet-concern.v2.md',
  /** Names and describes one topic cluster, in the report's language (v2; v1 always English). */
  'cluster-name': 'cluster-name.v2.md',
  /** Rates how identifying one outgoing text is. */
  'privacy-audit': 'privacy-audit.v1.md',
} as const;

export type PromptId = keyof typeof PROMPT_FILES;
