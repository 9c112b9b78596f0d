/**
 * What a model is asked to return, derived from FacetsSchema so the two cannot drift: one answer
 * schema for the all-facets call and one per question for split mode (as Clio asks them). Each has
 * a zod schema (the check) and a JSON Schema (what the provider constrains the model with).
 */
import { z } from 'zod';
import { jsonSchemaOf, schemaProblem } from '../../llm/ask.js';
import { FacetsSchema, SENTIMENT_LABELS, SENTIMENT_VALUES, type SentimentValue } from '../schema.js';

export const SENTIMENT_LABEL_LIST = SENTIMENT_VALUES.map((v) => SENTIMENT_LABELS[v]) as [string, ...string[]];
const LABEL_TO_VALUE = new Map<string, SentimentValue>(SENTIMENT_VALUES.map((v) => [SENTIMENT_LABELS[v], v]));

const shape = FacetsSchema.shape;
// Models answer sentiment with words ("negative"), which they get right more often than numbers.
const sentimentLabels = z.array(z.enum(SENTIMENT_LABEL_LIST));

export const QUESTION_IDS = [
  'all',
  'content-creation',
  'categories',
  'pushback',
  'sentiment',
  'concern',
] as const;
export type QuestionId = (typeof QUESTION_IDS)[number];

const ANSWER_SCHEMAS = {
  all: z.strictObject({
    contentCreation: shape.contentCreation,
    categories: shape.categories,
    pushback: shape.pushback,
    pushbackReason: shape.pushbackReason,
    sentiment: sentimentLabels,
    concern: shape.concern,
    language: shape.language,
  }),
  'content-creation': z.strictObject({ contentCreation: shape.contentCreation }),
  categories: z.strictObject({ categories: shape.categories }),
  pushback: z.strictObject({ pushback: shape.pushback, pushbackReason: shape.pushbackReason }),
  sentiment: z.strictObject({ sentiment: sentimentLabels }),
  concern: z.strictObject({ concern: shape.concern, language: shape.language }),
} as const;

/** The part of Facets one question fills in. */
export type PartialFacets = Partial<
  Pick<
    z.infer<typeof FacetsSchema>,
    'contentCreation' | 'categories' | 'pushback' | 'pushbackReason' | 'sentiment' | 'concern' | 'language'
  >
>;

export const SPLIT_QUESTIONS: readonly QuestionId[] = [
  'content-creation',
  'categories',
  'pushback',
  'sentiment',
  'concern',
];

/** The zod answer schema of each question (the check, and the source of the provider's JSON Schema). */
export type AnswerOf<Q extends QuestionId> = z.infer<(typeof ANSWER_SCHEMAS)[Q]>;

export function answerSchema<Q extends QuestionId>(q: Q): z.ZodType<AnswerOf<Q>> {
  return ANSWER_SCHEMAS[q] as unknown as z.ZodType<AnswerOf<Q>>;
}

/** Tool / json_schema name: provider names allow [a-zA-Z0-9_-]. */
export function schemaName(q: QuestionId): string {
  return q === 'all' ? 'facets' : `facet_${q.replace(/-/g, '_')}`;
}

export function answerJsonSchema(q: QuestionId): Record<string, unknown> {
  return jsonSchemaOf(ANSWER_SCHEMAS[q]);
}

/** What zod cannot check: the sentiment list needs one label per user message. */
export function answerProblem(answer: object, userMessages: number): string | null {
  const labels = (answer as { sentiment?: unknown[] }).sentiment;
  if (labels === undefined || labels.length === userMessages) return null;
  return `sentiment has ${labels.length} labels but the conversation has ${userMessages} user messages`;
}

/** A checked answer → the facets it fills in, sentiment as numbers. */
export function toPartialFacets(answer: object): PartialFacets {
  const a = answer as Record<string, unknown>;
  const out: PartialFacets = {};
  if ('contentCreation' in a) out.contentCreation = a.contentCreation as boolean;
  if ('categories' in a)
    out.categories = [...new Set(a.categories as NonNullable<PartialFacets['categories']>)];
  if ('pushback' in a) {
    out.pushback = a.pushback as boolean;
    // A reason without pushback is noise; pushback without a reason is still pushback.
    out.pushbackReason = out.pushback
      ? ((a.pushbackReason as PartialFacets['pushbackReason']) ?? 'policy_other')
      : null;
  }
  if ('sentiment' in a) out.sentiment = (a.sentiment as string[]).map((l) => LABEL_TO_VALUE.get(l)!);
  if ('concern' in a) out.concern = (a.concern as string).trim();
  if ('language' in a) out.language = normaliseLanguage(a.language as string);
  return out;
}

export type Validation = { ok: true; facets: PartialFacets } | { ok: false; reason: string };

/** Checks one answer value against the question's schema and the conversation (no model call). */
export function validateAnswer(q: QuestionId, value: unknown, userMessages: number): Validation {
  const parsed = ANSWER_SCHEMAS[q].safeParse(value);
  if (!parsed.success) return { ok: false, reason: schemaProblem(parsed.error) };
  const problem = answerProblem(parsed.data, userMessages);
  return problem === null
    ? { ok: true, facets: toPartialFacets(parsed.data) }
    : { ok: false, reason: problem };
}

function normaliseLanguage(s: string): string {
  const t = s.trim().toLowerCase();
  return /^[a-z]{2,3}$/.test(t) ? t : 'und';
}
