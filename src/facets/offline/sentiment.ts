/**
 * Per-message sentiment: lexicon valence with phrases, negation, intensifiers and contrast,
 * squashed to [-1, 1] and cut into the study's five points.
 */
import type { SentimentValue } from '../schema.js';
import {
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

function wordValence(tokens: string[], i: number): number {
  const tok = tokens[i];
  let v = VALENCE.get(tok) ?? EMOJI_VALENCE.get(tok);
  if (v === undefined) return 0;
  const prev = tokens[i - 1];
  if (prev !== undefined) {
    if (prev === 'of' && (tokens[i - 2] === 'kind' || tokens[i - 2] === 'sort')) v *= 0.65;
    else {
      const f = INTENSIFIERS.get(prev);
      if (f !== undefined) v *= f;
    }
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

function clauseValence(tokens: string[]): number {
  let contrastAt = -1;
  let hedged = false;
  for (let i = 0; i < tokens.length; i++) {
    if (CONTRASTS.has(tokens[i])) contrastAt = i;
    else if (HEDGES.has(tokens[i])) hedged = true;
  }
  let sum = 0;
  for (let i = 0; i < tokens.length; i++) {
    const v = wordValence(tokens, i);
    if (v === 0) continue;
    if (contrastAt < 0) sum += v;
    else sum += i < contrastAt ? v * 0.5 : v * 1.5;
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
  let total = 0;
  // A phrase's words must not count again on their own, so matched phrases are blanked out.
  const n = normalised.replace(PHRASE_RE, (...m: unknown[]) => {
    for (let k = 0; k < PHRASE_VALUES.length; k++) {
      if (m[k + 1] !== undefined) {
        total += PHRASE_VALUES[k];
        break;
      }
    }
    return ' ';
  });
  let exclaims = 0;
  for (const c of clauses(n)) {
    const tokens = tokenise(c);
    for (const t of tokens) if (t === '!') exclaims++;
    total += clauseValence(tokens);
  }
  if (total !== 0 && exclaims > 0) total += Math.sign(total) * 0.3 * Math.min(exclaims, 3);
  return total;
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
  return toFivePoint(sentimentScore(text), options.cuts ?? DEFAULT_CUTS);
}

/** As messageSentiment, for text already passed through `normalise`. */
export function normalisedMessageSentiment(normalised: string): SentimentValue {
  const s = valenceSumOfNormalised(normalised);
  return toFivePoint(s / Math.sqrt(s * s + ALPHA), DEFAULT_CUTS);
}
