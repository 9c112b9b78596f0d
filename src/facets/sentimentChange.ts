/**
 * The study's sentiment-change rule, defined once: for a conversation with at least 6 human messages,
 * the mean sentiment of the last 3 minus the mean of the first 3 (−1 … 1), and whether that is better,
 * the same or worse. The report's Figure 4, `validate` and the evaluations all use this.
 */

export const SENTIMENT_MIN_HUMAN_MESSAGES = 6;
export const SENTIMENT_WINDOW = 3;
/**
 * A change within ±0.1 counts as "same". Means of three values on the 0.5-step scale move in steps of
 * 1/6 ≈ 0.167, so ±0.1 means "exactly unchanged" and every non-zero change counts as better or worse;
 * the band only guards against floating-point dust.
 */
export const SENTIMENT_SAME_BAND = 0.1;

/** mean(last 3) − mean(first 3) of per-message sentiment, or null when there are too few values. */
export function sentimentChangeOf(sentiment: readonly number[]): number | null {
  if (sentiment.length < SENTIMENT_MIN_HUMAN_MESSAGES) return null;
  let first = 0;
  let last = 0;
  for (let i = 0; i < SENTIMENT_WINDOW; i++) {
    first += sentiment[i];
    last += sentiment[sentiment.length - 1 - i];
  }
  return (last - first) / SENTIMENT_WINDOW;
}

export type ChangeDirection = 'better' | 'same' | 'worse';

export function changeDirection(change: number): ChangeDirection {
  return change > SENTIMENT_SAME_BAND ? 'better' : change < -SENTIMENT_SAME_BAND ? 'worse' : 'same';
}
