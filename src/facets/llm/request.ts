/**
 * One facet question about one conversation, as the LLM is asked it: the prompt file's fixed
 * instructions as `system` (identical for every conversation, so providers can cache them) and the
 * delimited transcript as `user`.
 */
import { type Conversation, humanMessageCount, transcriptForModel } from '../../conversation/model.js';
import type { Question } from '../../llm/ask.js';
import { DEFAULT_CONCERN_LANGUAGE, languageName } from '../../prompts/language.js';
import { loadPrompt, type Prompt } from '../../prompts/load.js';
import { PROMPT_FILES } from '../../prompts/registry.js';
import { type AnswerOf, answerSchema, type QuestionId, schemaName } from './answers.js';

export interface RequestOptions {
  /** Transcript budget in characters (start and end kept). */
  maxTranscriptChars: number;
  /** Default: `outputTokensFor(question, userMessages)`. */
  maxOutputTokens?: number;
}

export const DEFAULT_MAX_TRANSCRIPT_CHARS = 48_000;

/**
 * The prompt file of each facet question (see prompts/registry.ts), its `{{reportLanguage}}` slot
 * filled with the language the concerns are to be written in (the report's language).
 */
export function loadFacetPrompt(
  q: QuestionId,
  dir?: string,
  concernLanguage = DEFAULT_CONCERN_LANGUAGE,
): Prompt {
  return loadPrompt(PROMPT_FILES[q === 'all' ? 'facets' : (`facet-${q}` as const)], dir, {
    reportLanguage: languageName(concernLanguage),
  });
}

export function facetQuestion<Q extends QuestionId>(
  q: Q,
  prompt: Pick<Prompt, 'text'>,
  conv: Conversation,
  opts: RequestOptions,
): Question<AnswerOf<Q>> {
  const n = humanMessageCount(conv);
  const transcript = transcriptForModel(conv, { maxChars: opts.maxTranscriptChars });
  // Only what varies per conversation: the count of user messages (the sentiment list's length, which
  // a cut transcript no longer shows) and the data. The rest is in the cached instructions.
  const user = `User messages: ${n}\n<conversation>\n${neutraliseMarkers(transcript)}\n</conversation>`;
  return {
    name: schemaName(q),
    schema: answerSchema(q),
    system: prompt.text,
    user,
    maxOutputTokens: opts.maxOutputTokens ?? outputTokensFor(q, n),
  };
}

/** A transcript that itself contains "</conversation>" must not close the data block early. */
function neutraliseMarkers(transcript: string): string {
  return transcript.replace(/<(\/?)conversation>/gi, '<$1conversation\u200b>');
}

/** Output budget: room for the JSON skeleton plus a sentiment label per user message. */
export function outputTokensFor(q: QuestionId, userMessages: number): number {
  const perMessage = q === 'all' || q === 'sentiment' ? 6 * userMessages : 0;
  return 400 + perMessage;
}
