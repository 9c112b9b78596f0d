/**
 * The concern: a short description of what the user brings, built only from the topic lexicon's
 * labels and terms, so it cannot carry a name, place or contact detail. It leads with the topic
 * that decided the category (or the strongest task topic), then the matched terms, so strings
 * about the same topic look alike and strings about different topics do not.
 */
import type { Category } from '../schema.js';
import { rankedTopics, type TopicTally, topTerms } from './topicMatch.js';
import { TOPICS } from './topics.js';

const CATEGORY_FALLBACK: Record<Category, string> = {
  interpersonal_advice: 'a personal situation with other people',
  coaching: 'personal goals and growth',
  counseling: 'emotional difficulties',
  companionship: 'casual conversation with the assistant',
  romantic_roleplay: 'romantic roleplay with the assistant',
};

export function buildConcern(
  tally: TopicTally,
  categories: readonly Category[],
  contentCreation: boolean,
  language: string,
): string {
  const primary = categories[0];
  let ranked: number[];
  if (contentCreation) ranked = rankedTopics(tally, (i) => TOPICS[i].id === 'writing');
  else if (primary !== undefined) ranked = rankedTopics(tally, (i) => TOPICS[i].category === primary);
  else ranked = rankedTopics(tally, (i) => TOPICS[i].category === null);
  if (ranked.length === 0) ranked = rankedTopics(tally);
  const head = ranked[0];
  if (head === undefined) {
    if (primary !== undefined) return CATEGORY_FALLBACK[primary];
    if (contentCreation) return 'writing task';
    return language === 'en' || language === 'und' ? 'general request' : `general request in ${language}`;
  }
  const terms = topTerms(tally, head, 3);
  const second = ranked[1];
  const extra =
    second !== undefined && tally.scores[second] >= 0.5 * tally.scores[head]
      ? ` and ${TOPICS[second].label}`
      : '';
  return `${TOPICS[head].label}${extra}: ${terms.join(', ')}`;
}
