/**
 * The concern: a short description of what the user brings, built only from the topic lexicon, so
 * it cannot carry a name, place or contact detail. For an affective conversation it is the fixed
 * label of one sub-topic ("coping with a breakup or divorce"), so every conversation about that
 * sub-topic gets the same string and clusters together. The subject of the conversation (a
 * breakup, work, exams, a loss) wins over the feelings that accompany many subjects (low mood,
 * worry, stress), which name the concern only when no subject matched. Task concerns keep their
 * matched lexicon terms after the label, since task topics are coarse.
 */
import type { Category } from '../schema.js';
import { TOPICS } from './cues/topics.js';
import { type TopicTally, topTerms } from './topicMatch.js';

const CATEGORY_FALLBACK: Record<Category, string> = {
  interpersonal_advice: 'a personal situation with other people',
  coaching: 'personal goals and growth',
  counseling: 'emotional difficulties',
  companionship: 'casual chat about everyday life',
  romantic_roleplay: 'romantic roleplay with the assistant',
};

/** A feeling topic must be this much stronger than the best subject to name the concern. */
const FEELING_DISCOUNT = 0.4;
/** Topics of the predicted categories are preferred, but a clearly stronger subject elsewhere wins. */
const CATEGORY_BONUS = 1.5;

function bestTopic(tally: TopicTally, filter: (i: number) => boolean, weight: (i: number) => number): number {
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < TOPICS.length; i++) {
    const s = tally.scores[i];
    if (s <= 0 || !filter(i)) continue;
    const w = s * weight(i);
    if (w > bestScore) {
      best = i;
      bestScore = w;
    }
  }
  return best;
}

export function buildConcern(
  tally: TopicTally,
  categories: readonly Category[],
  contentCreation: boolean,
  language: string,
): string {
  const primary = categories[0];
  if (primary !== undefined && !contentCreation) {
    const head = bestTopic(
      tally,
      (i) => TOPICS[i].category !== null,
      (i) =>
        (TOPICS[i].tier === 'feeling' ? FEELING_DISCOUNT : 1) *
        (categories.includes(TOPICS[i].category as Category) ? CATEGORY_BONUS : 1),
    );
    return head >= 0 ? TOPICS[head].label : CATEGORY_FALLBACK[primary];
  }
  let head = contentCreation
    ? bestTopic(
        tally,
        (i) => TOPICS[i].id === 'writing',
        () => 1,
      )
    : -1;
  if (head < 0)
    head = bestTopic(
      tally,
      (i) => TOPICS[i].category === null,
      () => 1,
    );
  if (head < 0)
    head = bestTopic(
      tally,
      () => true,
      () => 1,
    );
  if (head < 0) {
    if (contentCreation) return 'writing task';
    return language === 'en' || language === 'und' ? 'general request' : `general request in ${language}`;
  }
  if (TOPICS[head].category !== null) return TOPICS[head].label;
  return `${TOPICS[head].label}: ${topTerms(tally, head, 3).join(', ')}`;
}
