/**
 * Per-message sentiment: lexicon valence with phrases, negation, intensifiers and contrast,
 * squashed to [-1, 1] and cut into the study's five points.
 */
import type { SentimentValue } from '../schema.js';
import {
  COMPOUND_HEADS,
  COMPOUND_VALENCE,
  CONTRASTS,
  EMOJI_VALENCE,
  HEDGES,
  INTENSIFIERS,
  NEGATORS,
  PHRASES,
  VALENCE,
} from './sentimentLexicon.js';
import { clauses, normalise, tokenise } from './text.js';

/** How far back a negator reaches ("not at all happy" still negates). */
const NEGATION_WINDOW = 3;
/** Squash constant: a single +2 word lands near 0.46, two of them near 0.72. */
const ALPHA = 15;

export interface SentimentOptions {
  /** Compound cut points between the five classes, ascending (4 values). */
  cuts?: readonly [number, number, number, number];
}

export const DEFAULT_CUTS: readonly [number, number, number, number] = [-0.55, -0.12, 0.12, 0.55];

/** A hyphenated evaluative word starting at token i, as [valence, tokens spanned]. */
function compoundAt(tokens: string[], i: number): [number, number] | undefined {
  if (!COMPOUND_HEADS.has(tokens[i])) return undefined;
  let key = tokens[i];
  for (let k = 1; k <= 3 && i + k < tokens.length; k++) {
    key += `-${tokens[i + k]}`;
    const v = COMPOUND_VALENCE.get(key);
    if (v !== undefined) return [v, k + 1];
  }
  return undefined;
}

/** Modal + perfect ("could have been", "should've been") before praise: it was not. */
const MODALS: ReadonlySet<string> = new Set(['could', 'should', 'would', 'might']);
/** "tries to be", "wants to be", "is supposed to be" funny: the attempt, not the result. */
const ATTEMPTS: ReadonlySet<string> = new Set([
  'tries',
  'try',
  'trying',
  'tried',
  'wants',
  'supposed',
  'attempts',
  'strains',
  'aspires',
  'pretends',
]);
const UNREALISED_WINDOW = 5;

/** Whether praise at i is only hoped for or missed: a modal perfect or an attempt shortly before it. */
function unrealised(tokens: string[], i: number): boolean {
  for (let j = i - 1; j >= Math.max(1, i - UNREALISED_WINDOW); j--) {
    const t = tokens[j];
    if (CONTRASTS.has(t) || NEGATORS.has(t)) return false;
    if (t === "could've" || t === "should've" || t === "would've") return true;
    if ((t === 'have' || t === 've') && MODALS.has(tokens[j - 1])) return true;
    if (t === 'to' && ATTEMPTS.has(tokens[j - 1])) return true;
  }
  return false;
}

function wordValence(tokens: string[], i: number, base?: number): number {
  const tok = tokens[i];
  let v = base ?? VALENCE.get(tok) ?? EMOJI_VALENCE.get(tok);
  if (v === undefined) return 0;
  const prev = tokens[i - 1];
  if (prev !== undefined) {
    if (prev === 'of' && (tokens[i - 2] === 'kind' || tokens[i - 2] === 'sort')) v *= 0.65;
    else {
      const f = INTENSIFIERS.get(prev);
      if (f !== undefined) v *= f;
    }
  }
  if (v > 0) {
    // "too clever", "too sweet": excess of a good quality is a complaint.
    if (prev === 'too') return -0.6 * (base ?? VALENCE.get(tok) ?? EMOJI_VALENCE.get(tok) ?? 0);
    if (unrealised(tokens, i)) return -0.5 * v;
  }
  for (let j = i - 1; j >= Math.max(0, i - NEGATION_WINDOW); j--) {
    // Negation does not reach across a contrast ("not long, but great") or a question mark.
    if (CONTRASTS.has(tokens[j]) || tokens[j] === '?' || tokens[j] === '!') break;
    if (NEGATORS.has(tokens[j])) {
      // "not only good", "not just fun": no negation, rather emphasis.
      const next = tokens[j + 1];
      if (next === 'only' || next === 'just' || next === 'merely') break;
      // "not good" is clearly negative; "not sad" is only mildly positive.
      v = v > 0 ? -0.6 * v : -0.35 * v;
      break;
    }
  }
  return v;
}

/** Largest single-word (or phrase) weight seen while scoring a message: the "very" classes need one strong word. */
interface Peak {
  value: number;
}

function clauseValence(tokens: string[], peak: Peak): number {
  let contrastAt = -1;
  let hedged = false;
  for (let i = 0; i < tokens.length; i++) {
    if (CONTRASTS.has(tokens[i])) contrastAt = i;
    else if (HEDGES.has(tokens[i])) hedged = true;
  }
  let sum = 0;
  for (let i = 0; i < tokens.length; i++) {
    const at = i;
    const compound = compoundAt(tokens, at);
    const v = wordValence(tokens, at, compound?.[0]);
    if (compound) i += compound[1] - 1;
    if (v === 0) continue;
    if (Math.abs(v) > Math.abs(peak.value)) peak.value = v;
    if (contrastAt < 0) sum += v;
    else sum += at < contrastAt ? v * 0.5 : v * 1.5;
  }
  // Hedged statements ("maybe it's fine", "i guess it was ok") are milder than they read.
  return hedged ? sum * 0.75 : sum;
}

/** All phrases in one alternation (one scan per message); group k+1 is phrase k. */
const PHRASE_RE = new RegExp(PHRASES.map(([re]) => `(${re.source})`).join('|'), 'g');
const PHRASE_VALUES = PHRASES.map(([, v]) => v);

/** Raw valence sum of a message (unbounded). */
export function valenceSum(text: string): number {
  return valenceSumOfNormalised(normalise(text));
}

/** As valenceSum, for text already passed through `normalise`. */
export function valenceSumOfNormalised(normalised: string): number {
  return scoreNormalised(normalised).sum;
}

/** Valence sum and the strongest single word or phrase behind it. */
export function scoreNormalised(normalised: string): { sum: number; peak: number } {
  const peak: Peak = { value: 0 };
  let total = 0;
  // A phrase's words must not count again on their own, so matched phrases are blanked out.
  const n = normalised.replace(PHRASE_RE, (...m: unknown[]) => {
    for (let k = 0; k < PHRASE_VALUES.length; k++) {
      if (m[k + 1] !== undefined) {
        total += PHRASE_VALUES[k];
        if (Math.abs(PHRASE_VALUES[k]) > Math.abs(peak.value)) peak.value = PHRASE_VALUES[k];
        break;
      }
    }
    return ' ';
  });
  let exclaims = 0;
  for (const c of clauses(n)) {
    const tokens = tokenise(c);
    for (const t of tokens) if (t === '!') exclaims++;
    total += clauseValence(tokens, peak);
  }
  if (total !== 0 && exclaims > 0) total += Math.sign(total) * 0.3 * Math.min(exclaims, 3);
  return { sum: total, peak: peak.value };
}

/** Weakest single word that can carry a message into a "very" class (a 3-word, or an intensified 2-word). */
export const STRONG_WORD = 2.5;
/** A valence sum this large (two or more clearly evaluative words of one sign) also reaches a "very" class. */
export const STRONG_SUM = 4;

/** Five-point class from a valence sum: "very" needs a strong word of the same sign, not a pile of mild ones. */
function fivePointOf(
  sum: number,
  peak: number,
  cuts: readonly [number, number, number, number],
): SentimentValue {
  const v = toFivePoint(sum / Math.sqrt(sum * sum + ALPHA), cuts);
  if (
    (v === 1 || v === -1) &&
    Math.abs(sum) < STRONG_SUM &&
    !(Math.abs(peak) >= STRONG_WORD && Math.sign(peak) === v)
  )
    return (v / 2) as SentimentValue;
  return v;
}

/** Compound score in [-1, 1]. */
export function sentimentScore(text: string): number {
  const s = valenceSum(text);
  return s / Math.sqrt(s * s + ALPHA);
}

export function toFivePoint(score: number, cuts = DEFAULT_CUTS): SentimentValue {
  if (score <= cuts[0]) return -1;
  if (score < cuts[1]) return -0.5;
  if (score <= cuts[2]) return 0;
  if (score < cuts[3]) return 0.5;
  return 1;
}

export function messageSentiment(text: string, options: SentimentOptions = {}): SentimentValue {
  const { sum, peak } = scoreNormalised(normalise(text));
  return fivePointOf(sum, peak, options.cuts ?? DEFAULT_CUTS);
}

/** As messageSentiment, for text already passed through `normalise`. */
export function normalisedMessageSentiment(normalised: string): SentimentValue {
  const { sum, peak } = scoreNormalised(normalised);
  return fivePointOf(sum, peak, DEFAULT_CUTS);
}
