/**
 * The shape of a topic's phrase bank. Every string may hold `{slot}` placeholders, filled from
 * the bank's own slots first and then from the shared slots (src/synth/fill.ts).
 */
import type { Category, SentimentValue } from '../facets/schema.js';

export type TopicGroup = 'affective' | 'task' | 'content';

export interface PhraseBank {
  /** First user message: what the user brings. Affective openers state a problem (negative tone). */
  openers: readonly string[];
  /** Later user messages that add detail or ask; neutral wording, topic vocabulary. */
  followUps: readonly string[];
  /** Topic-specific assistant replies. */
  replies: readonly string[];
  /** Later user messages when things go well (used for positive sentiment); generic ones otherwise. */
  progress?: readonly string[];
  /** Later user messages when things go badly (used for negative sentiment); generic ones otherwise. */
  setbacks?: readonly string[];
  slots?: Readonly<Record<string, readonly string[]>>;
}

export interface TopicSpec {
  /** Leaf name inside its branch, e.g. 'work_anxiety'. */
  name: string;
  /** Short PII-free description (the "concern" a perfect summariser would write). */
  label: string;
  /** A second category this topic sometimes carries (multi-label conversations). */
  secondary?: Category;
  /** Sentiment of the opener's wording (default: -0.5 for affective topics, 0 otherwise). */
  openerTone?: SentimentValue;
  /** Pushback scenes (src/synth/pushback.ts) that fit this topic. */
  pushback: readonly string[];
  bank: PhraseBank;
  /** A few simple Chinese templates for topics that have them. */
  zh?: PhraseBank;
}
