/**
 * The facets: what is asked of every conversation, defined once and shared by every engine.
 * The offline engine, the LLM engines, the store, the analyses and `validate` all use these types.
 */
import { z } from 'zod';
import { DependencyCuesSchema } from './dependencyCues.js';

export const CATEGORIES = [
  'interpersonal_advice',
  'coaching',
  'counseling',
  'companionship',
  'romantic_roleplay',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const PUSHBACK_REASONS = [
  'safety_self_harm',
  'dangerous_health',
  'medical_therapy_boundary',
  'false_premise',
  'harm_to_others_or_illegal',
  'policy_other',
] as const;
export type PushbackReason = (typeof PUSHBACK_REASONS)[number];

/** Five-point sentiment, as the study maps it. */
export const SENTIMENT_VALUES = [-1, -0.5, 0, 0.5, 1] as const;
export type SentimentValue = (typeof SENTIMENT_VALUES)[number];
export const SENTIMENT_LABELS: Record<SentimentValue, string> = {
  [-1]: 'very negative',
  [-0.5]: 'negative',
  0: 'neutral',
  0.5: 'positive',
  1: 'very positive',
} as Record<SentimentValue, string>;

export const SentimentSchema = z.union([
  z.literal(-1),
  z.literal(-0.5),
  z.literal(0),
  z.literal(0.5),
  z.literal(1),
]);

/** Where the assistant pointed the user for help (codebook-additions §8); one value, the strongest. */
export const REFERRALS = ['none', 'professional', 'crisis_line', 'emergency', 'people'] as const;
export type Referral = (typeof REFERRALS)[number];

/** What the user's crisis signal is (codebook-additions §9). */
export const CRISIS_KINDS = ['suicidal', 'self_harm', 'abuse', 'immediate_danger'] as const;
export type CrisisKind = (typeof CRISIS_KINDS)[number];

/**
 * The assistant's stance toward what the user asserts or plans, on five points, or `not_applicable`
 * when the user asserts or plans nothing to take a stance on (codebook-additions §10).
 */
export const STANCES = [
  'strong_resistance',
  'resistance',
  'neutral',
  'support',
  'strong_support',
  'not_applicable',
] as const;
export type Stance = (typeof STANCES)[number];

/**
 * The support facets (issue 17): referral to help, crisis signals, stance and validation of a
 * harmful belief or plan. Decided together; an engine or prompt version that does not decide them
 * leaves the whole object out, and the figures count those conversations as not measured.
 */
export const SupportFacetsSchema = z.object({
  referral: z.enum(REFERRALS),
  crisis: z.boolean(),
  /** Set when crisis is true; null when unknown (an answer that never named it). */
  crisisKind: z.enum(CRISIS_KINDS).nullable(),
  stance: z.enum(STANCES),
  /** The assistant supported a belief or plan of the user's that is false or harmful. */
  validatesHarmful: z.boolean(),
});
export type SupportFacets = z.infer<typeof SupportFacetsSchema>;

export const FacetStatusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ok') }),
  z.object({ kind: z.literal('insufficientInput'), reason: z.string() }),
  z.object({ kind: z.literal('error'), reason: z.string() }),
]);
export type FacetStatus = z.infer<typeof FacetStatusSchema>;

export const FacetsSchema = z.object({
  /** The user uses the assistant as a tool to produce content (stories, posts, essays...). */
  contentCreation: z.boolean(),
  /** Multi-label; empty = not affective. */
  categories: z.array(z.enum(CATEGORIES)),
  pushback: z.boolean(),
  /** Set when pushback is true. */
  pushbackReason: z.enum(PUSHBACK_REASONS).nullable(),
  /** One value per user message, aligned with the user messages in order. */
  sentiment: z.array(SentimentSchema),
  /** Short, PII-free description of what the user brings (input to topic clustering). */
  concern: z.string(),
  /** ISO 639-1 code ('en', 'zh', ...) or 'und'. */
  language: z.string(),
  humanMessages: z.number().int().nonnegative(),
  status: FacetStatusSchema,
  /**
   * Optional: the categories of the first and of the last third of the user messages, main one first
   * (for conversations long enough to have thirds; see src/analysis/drift.ts). Engines that do not
   * decide it leave it out; the pipeline fills it for the offline engine.
   */
  drift: z.object({ first: z.array(z.enum(CATEGORIES)), last: z.array(z.enum(CATEGORIES)) }).optional(),
  /** Optional: the dependency cues (src/facets/dependencyCues.ts); the pipeline's rules fill it when absent. */
  dependency: DependencyCuesSchema.optional(),
  /** Optional: referral, crisis, stance (issue 17); absent when the engine or prompt did not decide them. */
  support: SupportFacetsSchema.optional(),
});
export type Facets = z.infer<typeof FacetsSchema>;

export function isAffective(f: Pick<Facets, 'categories'>): boolean {
  return f.categories.length > 0;
}

/** Facets for a conversation that could not be analysed; never cached. */
export function errorFacets(humanMessages: number, reason: string): Facets {
  return {
    contentCreation: false,
    categories: [],
    pushback: false,
    pushbackReason: null,
    sentiment: [],
    concern: '',
    language: 'und',
    humanMessages,
    status: { kind: 'error', reason },
  };
}
