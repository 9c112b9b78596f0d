/**
 * The deterministic checks every outgoing text passes before (and whatever) the configured auditor
 * says, in order:
 * 1. the PII detector (person and organisation names, contact details, addresses, ids);
 * 2. the vocabulary: every token is general English, a curated domain term, or general Chinese
 *    (vocabulary.ts, chineseVocabulary.ts); a token outside it (a surname, a town, a company, a
 *    made-up word) is withheld however many users wrote it;
 * 3. the support rule for checked tokens (domain terms such as "HIV" or "Ozempic", and numbers):
 *    they need `minUsers` genuinely different sources among the group's concerns, where
 *    near-duplicate texts count once (nearDuplicates.ts). Common words are not counted: a theme
 *    such as "neighbor" or "secret" may be named however few summaries used that exact word;
 * 4. the verbatim-echo rule (support.ts): no concern, or run of words, that too few wrote.
 * Pure, apart from the vocabulary it loads once.
 */

import type { SourceIndex } from './nearDuplicates.js';
import { detectPii } from './pii.js';
import { echoesRareConcern } from './support.js';
import { classifyTextTokens } from './vocabulary.js';

export type GateVerdict = 'pass' | 'pii' | 'outside_vocabulary' | 'unsupported' | 'echo';

export interface GateContext {
  /** Sources over the whole group's concerns (what a checked token's support is counted on). */
  groupSources: SourceIndex;
  minUsers: number;
  /** The concerns the namer was shown, and their user keys: what it could have echoed. */
  shownConcerns: readonly string[];
  shownUserKeys: readonly string[];
  /** Sources over `shownConcerns` (built on first use when absent). */
  shownSources?: SourceIndex;
}

/** The tokens of `text` outside the vocabulary, and the checked ones (domain terms, numbers). */
export function vocabularyCheck(text: string): { outside: string[]; checked: string[] } {
  const outside: string[] = [];
  const checked: string[] = [];
  for (const [t, c] of classifyTextTokens(text)) {
    if (c === 'outside') outside.push(t);
    else if (c !== 'common') checked.push(t);
  }
  return { outside, checked };
}

export function deterministicGate(text: string, ctx: GateContext): GateVerdict {
  if (detectPii(text).length > 0) return 'pii';
  const { outside, checked } = vocabularyCheck(text);
  if (outside.length > 0) return 'outside_vocabulary';
  if (checked.some((t) => ctx.groupSources.support(t) < ctx.minUsers)) return 'unsupported';
  if (echoesRareConcern(text, ctx.shownConcerns, ctx.shownUserKeys, ctx.minUsers, ctx.shownSources))
    return 'echo';
  return 'pass';
}
