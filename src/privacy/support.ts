/**
 * Support within a group's concerns: how many distinct users wrote a word (the offline audit's rule
 * inside one cluster), and the verbatim-echo rule every outgoing text passes. The gate's support rule
 * for checked terms (domain terms, numbers), counted over genuinely different sources, is in gate.ts
 * and nearDuplicates.ts; words outside the vocabulary never pass at all (vocabulary.ts).
 */
import { contentWords, tokenize } from '../text/words.js';
import { indexSources, type SourceIndex } from './nearDuplicates.js';
import { classifyToken } from './vocabulary.js';

/** Stemmed content word → number of distinct users whose texts contain it. */
export type WordSupport = ReadonlyMap<string, number>;

export function wordSupport(texts: readonly string[], userKeys: readonly string[]): WordSupport {
  if (texts.length !== userKeys.length)
    throw new Error(`wordSupport: ${texts.length} texts but ${userKeys.length} user keys`);
  const users = new Map<string, Set<string>>();
  texts.forEach((t, i) => {
    for (const w of new Set(contentWords(t))) {
      let s = users.get(w);
      if (!s) {
        s = new Set();
        users.set(w, s);
      }
      s.add(userKeys[i]);
    }
  });
  const out = new Map<string, number>();
  for (const [w, s] of users) out.set(w, s.size);
  return out;
}

/**
 * The content words of `text` that occur in the given concerns but in fewer than `minUsers` users'
 * concerns (the offline audit, on a cluster's members). Words no concern contains (the namer's own
 * vocabulary: "seeking", "guidance") pass here and are left to the other checks.
 */
export function rareInputWords(text: string, groupSupport: WordSupport, minUsers: number): string[] {
  return [...new Set(contentWords(text))].filter((w) => {
    const n = groupSupport.get(w) ?? 0;
    return n > 0 && n < minUsers;
  });
}

/** Words in a row that, shared with fewer than minUsers users' concerns, count as an echo. */
export const ECHO_WINDOW = 5;

/**
 * Verbatim echo: true when `text` contains, word for word, a concern (of at least three words) that
 * fewer than `minUsers` users wrote, or any run of ECHO_WINDOW words that occurs in the concerns of
 * at least one but fewer than `minUsers` users. When the run holds a checked term (a domain term or a
 * number) users are not enough: it needs `minUsers` distinct sources (near-duplicate families with a
 * user each, see nearDuplicates.ts), so one story pasted by many accounts is one source.
 * Per-conversation concerns never leave, even cut short and even when each of their words is common:
 * a combination of common words can be one story.
 */
export function echoesRareConcern(
  text: string,
  concerns: readonly string[],
  userKeys: readonly string[],
  minUsers: number,
  sources: SourceIndex = indexSources(concerns, userKeys),
): boolean {
  const textToks = tokenize(text);
  const hay = ` ${textToks.join(' ')} `;
  const windows = new Set<string>();
  for (let i = 0; i + ECHO_WINDOW <= textToks.length; i++)
    windows.add(textToks.slice(i, i + ECHO_WINDOW).join(' '));
  const holders = new Map<string, number[]>();
  const note = (k: string, i: number) => {
    const list = holders.get(k);
    if (!list) holders.set(k, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  concerns.forEach((c, i) => {
    const toks = tokenize(c);
    if (toks.length >= 3 && hay.includes(` ${toks.join(' ')} `)) note(`=${toks.join(' ')}`, i);
    for (let j = 0; j + ECHO_WINDOW <= toks.length; j++) {
      const w = toks.slice(j, j + ECHO_WINDOW).join(' ');
      if (windows.has(w)) note(`~${w}`, i);
    }
  });
  for (const [key, list] of holders) {
    // A run of general-English words repeated by many users is a shared phrase (a fixed label, a
    // common complaint): distinct users count. A run that carries a checked term (a condition, a
    // medication, a number) is the kind of detail a planted story is told for: distinct sources count.
    const checked = tokenize(key.slice(1)).some((t) => classifyToken(t) !== 'common');
    const n = checked ? sources.sourcesAmong(list) : new Set(list.map((i) => userKeys[i])).size;
    if (n < minUsers) return true;
  }
  return false;
}
