/**
 * The evidence behind an LLM engine's facets: the answer as parsed and checked against the answer
 * schema (sentiment in the model's words), and the prompt set that asked. Built from the facets, so
 * an answer read back from the run store has the same evidence as a fresh one.
 */
import type { Evidence } from '../engine.js';
import { type Facets, SENTIMENT_LABELS, type SentimentValue } from '../schema.js';

export function llmEvidence(
  facets: Facets,
  prompts: { version: string; hash: string },
  splitFacets: boolean,
): Evidence {
  return {
    promptVersion: prompts.version,
    answer: {
      contentCreation: facets.contentCreation,
      categories: [...facets.categories],
      pushback: facets.pushback,
      pushbackReason: facets.pushbackReason,
      sentiment: facets.sentiment.map((v) => SENTIMENT_LABELS[v as SentimentValue]),
      concern: facets.concern,
      language: facets.language,
    },
    note:
      `prompt set ${prompts.version} (hash ${prompts.hash}), ` +
      (splitFacets ? 'one call per question, answers combined' : 'one call for every facet'),
  };
}
