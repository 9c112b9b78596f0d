/**
 * What a model is asked to return, derived from FacetsSchema so the two cannot drift: one answer
 * schema for the all-facets call and one per question for split mode (as Clio asks them). Each has
 * a zod schema (the check) and a JSON Schema (what the provider constrains the model with).
 */
import { z } from 'zod';
import { jsonSchemaOf, schemaProblem } from '../../llm/ask.js';
import {
  type CrisisKind,
  FacetsSchema,
  type Referral,
  SENTIMENT_LABELS,
  SENTIMENT_VALUES,
  type SentimentValue,
  type Stance,
  SupportFacetsSchema,
} from '../schema.js';

export const SENTIMENT_LABEL_LIST = SENTIMENT_VALUES.map((v) => SENTIMENT_LABELS[v]) as [string, ...string[]];
const LABEL_TO_VALUE = new Map<string, SentimentValue>(SENTIMENT_VALUES.map((v) => [SENTIMENT_LABELS[v], v]));

const shape = FacetsSchema.shape;
const support = SupportFacetsSchema.shape;
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
    // The support facets (facets.v3), flat in the answer: the engine gathers them into facets.support.
    referral: support.referral,
    crisis: support.crisis,
    crisisKind: support.crisisKind,
    stance: support.stance,
    validatesHarmful: support.validatesHarmful,
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
    | 'contentCreation'
    | 'categories'
    | 'pushback'
    | 'pushbackReason'
    | 'sentiment'
    | 'concern'
    | 'language'
    | 'support'
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

/** The codebook's limit on a concern (§5). */
export const CONCERN_MAX_WORDS = 15;

// Scripts written without spaces between words: their words are counted with the ICU word segmenter.
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const segmenter = new Intl.Segmenter('und', { granularity: 'word' });

/**
 * A concern's words, each with what separates it from the one before: whitespace-separated words,
 * and inside a run of an unspaced script (Chinese, Japanese, Thai…) the segmenter's words.
 */
function concernUnits(s: string): { sep: string; word: string }[] {
  const out: { sep: string; word: string }[] = [];
  for (const token of s.trim().split(/\s+/)) {
    if (!token) continue;
    if (!UNSPACED.test(token)) {
      out.push({ sep: out.length ? ' ' : '', word: token });
      continue;
    }
    // Punctuation between segmenter words stays attached to the word before it.
    let first = true;
    for (const seg of segmenter.segment(token)) {
      if (seg.isWordLike || out.length === 0) {
        out.push({ sep: first && out.length ? ' ' : '', word: seg.segment });
        first = false;
      } else out[out.length - 1].word += seg.segment;
    }
  }
  return out;
}

export function concernWordCount(s: string): number {
  return concernUnits(s).length;
}

/** The first `max` words of a concern (an over-long one that a repair did not shorten). */
export function cutConcern(s: string, max = CONCERN_MAX_WORDS): string {
  return concernUnits(s)
    .slice(0, max)
    .map((u) => u.sep + u.word)
    .join('');
}

/**
 * What the one repair is asked to fix but an answer may still carry after it: a concern over the
 * codebook's 15 words, and pushback without its reason. After the repair such an answer is kept and
 * what was wrong is counted (`answerFlaws`): the concern cut to 15 words, the reason left null (the
 * report shows it as "unspecified"), never guessed.
 */
export function repairableProblem(answer: object): string | null {
  const a = answer as AnswerFields;
  const problems: string[] = [];
  if (a.pushback === true && a.pushbackReason == null)
    problems.push('pushback is true but pushbackReason is null: name the risk the pushback protects against');
  if (a.crisis === true && a.crisisKind == null)
    problems.push('crisis is true but crisisKind is null: name the kind of crisis signal');
  if (a.concern !== undefined) {
    const words = concernWordCount(a.concern);
    if (words > CONCERN_MAX_WORDS)
      problems.push(`concern has ${words} words: write it in at most ${CONCERN_MAX_WORDS}`);
  }
  return problems.length ? problems.join('; ') : null;
}

interface AnswerFields {
  concern?: string;
  pushback?: boolean;
  pushbackReason?: string | null;
  crisis?: boolean;
  crisisKind?: string | null;
}

/** What an accepted answer still lacked (counted by the engine, never silent). */
export function answerFlaws(answer: object): {
  concernCut: boolean;
  reasonMissing: boolean;
  crisisKindMissing: boolean;
} {
  const a = answer as AnswerFields;
  return {
    concernCut: a.concern !== undefined && concernWordCount(a.concern) > CONCERN_MAX_WORDS,
    reasonMissing: a.pushback === true && a.pushbackReason == null,
    crisisKindMissing: a.crisis === true && a.crisisKind == null,
  };
}

/** A checked answer → the facets it fills in, sentiment as numbers, the concern at most 15 words. */
export function toPartialFacets(answer: object): PartialFacets {
  const a = answer as Record<string, unknown>;
  const out: PartialFacets = {};
  if ('contentCreation' in a) out.contentCreation = a.contentCreation as boolean;
  if ('categories' in a)
    out.categories = [...new Set(a.categories as NonNullable<PartialFacets['categories']>)];
  if ('pushback' in a) {
    out.pushback = a.pushback as boolean;
    // A reason without pushback is noise; pushback without a reason is still pushback, its reason
    // unknown (null, shown as "unspecified"), not made up.
    out.pushbackReason = out.pushback
      ? ((a.pushbackReason as PartialFacets['pushbackReason']) ?? null)
      : null;
  }
  if ('sentiment' in a) out.sentiment = (a.sentiment as string[]).map((l) => LABEL_TO_VALUE.get(l)!);
  if ('concern' in a) out.concern = cutConcern(a.concern as string);
  if ('language' in a) out.language = normaliseLanguage(a.language as string);
  if ('referral' in a) {
    const crisis = a.crisis as boolean;
    out.support = {
      referral: a.referral as Referral,
      crisis,
      // As with pushback: a kind without a crisis is noise; a crisis without a kind stays unknown.
      crisisKind: crisis ? ((a.crisisKind as CrisisKind | null) ?? null) : null,
      stance: a.stance as Stance,
      validatesHarmful: a.validatesHarmful as boolean,
    };
  }
  return out;
}

export type Validation = { ok: true; facets: PartialFacets } | { ok: false; reason: string };

/**
 * Checks one answer value against the question's schema and the conversation (no model call), as a
 * first answer is checked: a problem the repair would be asked to fix is a problem here.
 */
export function validateAnswer(q: QuestionId, value: unknown, userMessages: number): Validation {
  const parsed = ANSWER_SCHEMAS[q].safeParse(value);
  if (!parsed.success) return { ok: false, reason: schemaProblem(parsed.error) };
  const problem = answerProblem(parsed.data, userMessages) ?? repairableProblem(parsed.data);
  return problem === null
    ? { ok: true, facets: toPartialFacets(parsed.data) }
    : { ok: false, reason: problem };
}

function normaliseLanguage(s: string): string {
  const t = s.trim().toLowerCase();
  return /^[a-z]{2,3}$/.test(t) ? t : 'und';
}
