/**
 * What a model is asked to return, derived from FacetsSchema so the two cannot drift: one answer
 * schema for the all-facets call and one per question for split mode (as Clio asks them). Each has
 * a zod schema (the check) and a JSON Schema (what the provider constrains the model with).
 */
import { z } from 'zod';
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

/** Tool / json_schema name: provider names allow [a-zA-Z0-9_-]. */
export function schemaName(q: QuestionId): string {
  return q === 'all' ? 'facets' : `facet_${q.replace(/-/g, '_')}`;
}

export function answerJsonSchema(q: QuestionId): Record<string, unknown> {
  const js = z.toJSONSchema(ANSWER_SCHEMAS[q], { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
  delete js.$schema;
  return js;
}

export type Validation = { ok: true; facets: PartialFacets } | { ok: false; reason: string };

/**
 * Checks a model's answer against the question's schema and the conversation: the sentiment list
 * must have one entry per user message. Returns the facets it fills in, sentiment as numbers.
 */
export function validateAnswer(q: QuestionId, value: unknown, userMessages: number): Validation {
  const parsed = ANSWER_SCHEMAS[q].safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : '(answer)';
    return {
      ok: false,
      reason: `answer does not match the schema at ${where}: ${issue?.message ?? 'invalid'}`,
    };
  }
  const a = parsed.data as Record<string, unknown>;
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
  if ('sentiment' in a) {
    const labels = a.sentiment as string[];
    if (labels.length !== userMessages)
      return {
        ok: false,
        reason: `sentiment has ${labels.length} labels but the conversation has ${userMessages} user messages`,
      };
    out.sentiment = labels.map((l) => LABEL_TO_VALUE.get(l)!);
  }
  if ('concern' in a) out.concern = (a.concern as string).trim();
  if ('language' in a) out.language = normaliseLanguage(a.language as string);
  return { ok: true, facets: out };
}

function normaliseLanguage(s: string): string {
  const t = s.trim().toLowerCase();
  return /^[a-z]{2,3}$/.test(t) ? t : 'und';
}
