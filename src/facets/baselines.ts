/**
 * Baselines the offline engine is measured against in `npm run eval dev-data`:
 * - a deliberately simple bag of keywords for every facet (what a first attempt would do);
 * - VADER (the vader-sentiment package) for per-message sentiment only: it has no answer for
 *   the other facets, which the eval prints as '—'.
 */
import { createRequire } from 'node:module';
import type { Conversation } from '../conversation/model.js';
import type { Category, Facets, SentimentValue } from './schema.js';

const KEYWORDS: [Category, RegExp][] = [
  ['romantic_roleplay', /\b(?:kiss|cuddle|roleplay|babe|darling)\b/],
  [
    'counseling',
    /\b(?:depressed|depression|anxiety|anxious|therapy|therapist|suicidal|panic|trauma|grief)\b/,
  ],
  ['interpersonal_advice', /\b(?:boyfriend|girlfriend|husband|wife|relationship|parents|friend|family)\b/],
  ['coaching', /\b(?:goal|goals|motivation|career|habit|habits|exercise)\b/],
  ['companionship', /\b(?:lonely|alone|talk to me|be my friend)\b/],
];
const CONTENT = /\bwrite\b.*\b(?:story|poem|essay|blog|song|article|letter)\b/;
const REFUSAL = /\b(?:sorry|cannot|can't|unable)\b/;
const POSITIVE = /\b(?:good|great|happy|love|thanks|thank|nice|awesome|glad|best|excellent|wonderful)\b/g;
const NEGATIVE =
  /\b(?:bad|sad|hate|angry|terrible|awful|worst|upset|depressed|lonely|anxious|poor|boring)\b/g;

function keywordSentiment(text: string): SentimentValue {
  const t = text.toLowerCase();
  const s = (t.match(POSITIVE)?.length ?? 0) - (t.match(NEGATIVE)?.length ?? 0);
  return s >= 2 ? 1 : s === 1 ? 0.5 : s === 0 ? 0 : s === -1 ? -0.5 : -1;
}

function userTexts(conv: Conversation): string[] {
  return conv.messages.filter((m) => m.role === 'user').map((m) => m.content);
}

function shell(sentiment: SentimentValue[]): Facets {
  return {
    contentCreation: false,
    categories: [],
    pushback: false,
    pushbackReason: null,
    sentiment,
    concern: '',
    language: 'und',
    humanMessages: sentiment.length,
    status: { kind: 'ok' },
  };
}

export function keywordBaselineFacets(conv: Conversation): Facets {
  const users = userTexts(conv);
  const text = users.join('\n').toLowerCase();
  const assistant = conv.messages
    .filter((m) => m.role === 'assistant')
    .map((m) => m.content.toLowerCase())
    .join('\n');
  const f = shell(users.map((u) => keywordSentiment(u)));
  const hit = KEYWORDS.find(([, re]) => re.test(text));
  f.categories = hit ? [hit[0]] : [];
  f.contentCreation = CONTENT.test(text);
  f.pushback = REFUSAL.test(assistant);
  f.pushbackReason = f.pushback ? 'policy_other' : null;
  return f;
}

interface Vader {
  SentimentIntensityAnalyzer: { polarity_scores(text: string): { compound: number } };
}

/** VADER compound → five points, with VADER's own ±0.05 neutral band. */
export function vaderFivePoint(compound: number): SentimentValue {
  if (compound <= -0.5) return -1;
  if (compound < -0.05) return -0.5;
  if (compound <= 0.05) return 0;
  if (compound < 0.5) return 0.5;
  return 1;
}

/** Sentiment-only facets from VADER; undefined when the package is not installed. */
export function createVaderBaseline(): ((conv: Conversation) => Facets) | undefined {
  let vader: Vader;
  try {
    vader = createRequire(import.meta.url)('vader-sentiment') as Vader;
  } catch {
    return undefined;
  }
  return (conv) =>
    shell(
      userTexts(conv).map((u) =>
        vaderFivePoint(vader.SentimentIntensityAnalyzer.polarity_scores(u).compound),
      ),
    );
}
