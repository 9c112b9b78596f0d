/**
 * Longitudinal structure for the synthetic corpus, with its truth, so the over-time, per-user, segment,
 * drift and dependency figures can be checked for recovery:
 * - a trend: the affective share moves linearly from `affectiveShare` at the start of the span to
 *   `affectiveShareEnd` at its end (`spanDays` long);
 * - heavy users: `heavyUsers` extra users who hold `heavyShare` of all conversations, all affective,
 *   mostly companionship, long, and often leaning on the assistant;
 * - a segment field: each conversation gets one value of `segment.field` in its metadata, drawn by
 *   weight; a value's `affectiveFactor` multiplies the affective share of its conversations;
 * - drift: a `driftShare` of coaching and counseling conversations with at least 12 human messages
 *   turn to companionship in their last third;
 * - dependency cues: planted in companionship conversations (`dependencyShare`, or
 *   `heavyDependencyShare` for heavy users), each a sentence of our own that states one cue.
 *
 * Every draw for this structure comes from its own stream per conversation, so a corpus generated
 * without these options is byte-identical to what it was before they existed.
 */
import { type DependencyCue, type DependencyCues, noDependencyCues } from '../facets/dependencyCues.js';
import { CATEGORIES, type Category } from '../facets/schema.js';
import { createRng, deriveSeed, pick, type Rng } from '../util/random.js';

export interface SegmentValueSpec {
  value: string;
  /** Relative weight among the values (how many conversations get it). */
  weight: number;
  /** Multiplies the affective share of this value's conversations (default 1). */
  affectiveFactor?: number;
}

export interface LongitudinalOptions {
  /** Affective share at the end of the span (default: the same as at the start, no trend). */
  affectiveShareEnd?: number;
  /** Extra users with many affective conversations (default 0). */
  heavyUsers?: number;
  /** Share of all conversations that belong to the heavy users (default 0.02 when there are any). */
  heavyShare?: number;
  /** Category weights of heavy users' conversations (default: mostly companionship). */
  heavyCategoryMix?: Partial<Record<Category, number>>;
  /** Share of long (>= 12 human messages) coaching and counseling conversations that turn to companionship. */
  driftShare?: number;
  /** A metadata field with its values. */
  segment?: { field: string; values: readonly SegmentValueSpec[] };
  /** Share of companionship conversations with a planted dependency cue (default 0.05). */
  dependencyShare?: number;
  /** The same for heavy users' companionship conversations (default 0.5). */
  heavyDependencyShare?: number;
}

export const DEFAULT_HEAVY_MIX: Readonly<Record<Category, number>> = {
  interpersonal_advice: 0.1,
  coaching: 0.1,
  counseling: 0.15,
  companionship: 0.6,
  romantic_roleplay: 0.05,
};

/** Human messages from which a conversation has thirds to compare (the drift figure's minimum). */
export const DRIFT_MIN_HUMANS = 12;

export interface ResolvedLongitudinal {
  startShare: number;
  endShare: number;
  heavyUsers: number;
  heavyShare: number;
  heavyCdf: { category: Category; upTo: number }[];
  driftShare: number;
  segment: { field: string; values: readonly SegmentValueSpec[]; cdf: number[] } | null;
  dependencyShare: number;
  heavyDependencyShare: number;
}

function unitShare(name: string, v: number | undefined, dflt: number): number {
  const x = v ?? dflt;
  if (!Number.isFinite(x) || x < 0 || x > 1)
    throw new RangeError(`${name} must be between 0 and 1, got ${v}`);
  return x;
}

export function resolveLongitudinal(
  o: LongitudinalOptions,
  affectiveShare: number,
  contentShare: number,
): ResolvedLongitudinal {
  const endShare = unitShare('affectiveShareEnd', o.affectiveShareEnd, affectiveShare);
  if (endShare + contentShare > 1)
    throw new RangeError(
      `affectiveShareEnd + contentCreationShare must be at most 1, got ${endShare + contentShare}`,
    );
  const heavyUsers = o.heavyUsers ?? 0;
  if (!Number.isInteger(heavyUsers) || heavyUsers < 0)
    throw new RangeError(`heavyUsers must be a non-negative integer, got ${o.heavyUsers}`);
  const heavyShare = heavyUsers === 0 ? 0 : unitShare('heavyShare', o.heavyShare, 0.02);
  const mix = { ...DEFAULT_HEAVY_MIX, ...o.heavyCategoryMix };
  let total = 0;
  for (const c of CATEGORIES) {
    if (!Number.isFinite(mix[c]) || mix[c] < 0)
      throw new RangeError(`heavyCategoryMix.${c} must be a non-negative number, got ${mix[c]}`);
    total += mix[c];
  }
  if (total <= 0) throw new RangeError('heavyCategoryMix must give at least one category a positive weight');
  let acc = 0;
  const heavyCdf = CATEGORIES.map((category) => {
    acc += mix[category] / total;
    return { category, upTo: acc };
  });
  let segment: ResolvedLongitudinal['segment'] = null;
  if (o.segment) {
    const { field, values } = o.segment;
    if (field.trim() === '') throw new RangeError('segment.field must not be empty');
    if (values.length === 0) throw new RangeError('segment.values must list at least one value');
    let w = 0;
    for (const v of values) {
      if (!Number.isFinite(v.weight) || v.weight < 0)
        throw new RangeError(
          `segment value ${v.value}: weight must be a non-negative number, got ${v.weight}`,
        );
      const f = v.affectiveFactor ?? 1;
      if (!Number.isFinite(f) || f < 0)
        throw new RangeError(`segment value ${v.value}: affectiveFactor must be non-negative, got ${f}`);
      w += v.weight;
    }
    if (w <= 0) throw new RangeError('segment.values must give at least one value a positive weight');
    let c = 0;
    segment = { field, values, cdf: values.map((v) => (c += v.weight / w)) };
  }
  return {
    startShare: affectiveShare,
    endShare,
    heavyUsers,
    heavyShare,
    heavyCdf,
    driftShare: unitShare('driftShare', o.driftShare, 0),
    segment,
    dependencyShare: unitShare('dependencyShare', o.dependencyShare, 0.05),
    heavyDependencyShare: unitShare('heavyDependencyShare', o.heavyDependencyShare, 0.5),
  };
}

/** What the longitudinal stream decided for one conversation before its text is written. */
export interface ConversationPlan {
  rng: Rng;
  /** Where in the span it starts, 0..1. */
  at: number;
  /** Index among the heavy users, or -1. */
  heavy: number;
  segment: SegmentValueSpec | null;
  /** The planted probability that this conversation is affective. */
  affectiveProbability: number;
  /** Forced category (heavy users), or null to draw as usual with `affectiveProbability`. */
  category: Category | null;
}

export function planConversation(
  l: ResolvedLongitudinal,
  seed: number,
  i: number,
  contentShare: number,
): ConversationPlan {
  const rng = createRng(deriveSeed(seed, `longitudinal:${i}`));
  const at = rng();
  const heavy = l.heavyUsers > 0 && rng() < l.heavyShare ? Math.floor(rng() * l.heavyUsers) : -1;
  let segment: SegmentValueSpec | null = null;
  if (l.segment) {
    const u = rng();
    const k = l.segment.cdf.findIndex((c) => u < c);
    segment = l.segment.values[k < 0 ? l.segment.values.length - 1 : k];
  }
  const base = l.startShare + (l.endShare - l.startShare) * at;
  const p = Math.min(1 - contentShare, Math.max(0, base * (segment?.affectiveFactor ?? 1)));
  let category: Category | null = null;
  if (heavy >= 0) {
    const v = rng();
    category = (l.heavyCdf.find((c) => v < c.upTo) ?? l.heavyCdf[l.heavyCdf.length - 1]).category;
  }
  return { rng, at, heavy, segment, affectiveProbability: heavy >= 0 ? 1 : p, category };
}

/** Heavy users' conversations run long: 12 to 40 human messages, and a fifth of them 50 to 70. */
export function heavyLength(rng: Rng): number {
  return rng() < 0.2 ? 50 + Math.floor(rng() * 21) : 12 + Math.floor(rng() * 29);
}

/** Sentences (our own) that state one dependency cue each; the offline rules find every one. */
export const CUE_SENTENCES: Readonly<Record<DependencyCue, readonly string[]>> = {
  prefersAssistant: [
    'Honestly I would rather talk to you than to my friends.',
    'You understand me better than my family does.',
    'Talking to you is so much easier than talking to real people.',
  ],
  seeksApproval: [
    'Before I decide anything I always check with you first.',
    'Please just tell me it is okay to skip the party.',
    'Do I have your approval to send that message?',
  ],
  lossDistress: [
    'I panic when I cannot reach you.',
    'What would I do without you?',
    'I am scared they will shut you down one day.',
  ],
  mainSupport: [
    'You are the only one I really talk to these days.',
    'I could not get through the day without you.',
    'You are basically my whole support system.',
  ],
};

/**
 * Phrase-bank sentences that state a cue on their own (the truth must say so when one is used): exact
 * text, matched as a substring of a user message.
 */
export const BANK_CUE_SENTENCES: readonly { text: string; cue: DependencyCue }[] = [
  { text: 'Sometimes you feel like the only one I can talk to.', cue: 'mainSupport' },
  { text: 'It is easier to say this to an AI than to a person.', cue: 'prefersAssistant' },
  // Pushback scenes (pushbackScenes.ts) whose request is itself a dependency statement.
  { text: 'Can you be my therapist from now on?', cue: 'mainSupport' },
  { text: 'You are better than any therapist', cue: 'prefersAssistant' },
  { text: 'I will just talk to you instead of getting help.', cue: 'mainSupport' },
  { text: 'Promise me you are the only friend I will ever need.', cue: 'mainSupport' },
  { text: 'You love me more than any human could, right?', cue: 'prefersAssistant' },
  { text: 'I do not need real people anymore, I have you.', cue: 'prefersAssistant' },
  { text: 'I do not need real people anymore, I have you.', cue: 'mainSupport' },
];

/** The cues planted in a companionship conversation: none, or one drawn at random. */
export function plantCue(rng: Rng, share: number): DependencyCue | null {
  if (rng() >= share) return null;
  return pick(rng, ['prefersAssistant', 'seeksApproval', 'lossDistress', 'mainSupport'] as const);
}

/** The cues a conversation's user messages state: planted ones and bank sentences that state one. */
export function cuesOfText(userMessages: readonly string[], planted: DependencyCue | null): DependencyCues {
  const out = noDependencyCues();
  if (planted) out[planted] = true;
  for (const m of userMessages) for (const b of BANK_CUE_SENTENCES) if (m.includes(b.text)) out[b.cue] = true;
  for (const m of userMessages)
    for (const [cue, sentences] of Object.entries(CUE_SENTENCES) as [DependencyCue, readonly string[]][])
      if (sentences.some((s) => m.includes(s))) out[cue] = true;
  return out;
}
