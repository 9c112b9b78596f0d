/**
 * Genuinely different sources. Thresholds count distinct users, and an attacker controls users: ten
 * accounts pasting one scripted story are ten users but one source. Here the texts behind a word are
 * grouped into near-duplicate families (connected components of "near-identical": most content words
 * shared, or the same out-of-vocabulary identifier), a family counts once, and each counted family
 * needs a user of its own. A word then needs `minUsers` families, i.e. support from genuinely
 * different conversations, before it may be named.
 *
 * Exact repeats from different users are one family too. That is right for free-text summaries (a
 * scripted story). Only checked terms (domain terms and numbers) are counted this way: the offline
 * engine's summaries are fixed labels of general-English words, which the gate does not count.
 */
import { contentWords, stem, tokenize } from '../text/words.js';
import { classifyToken } from './vocabulary.js';

/** Share of content words two texts must share (Jaccard) to count as one source. */
export const NEAR_DUPLICATE_JACCARD = 0.6;
/** Share of the shorter text's content words found in the longer one that makes them one source. */
export const NEAR_DUPLICATE_CONTAINMENT = 0.8;
/** Distinct texts compared pairwise for one question (the first ones, in input order). */
export const MAX_COMPARED_TEXTS = 2000;

interface IndexedText {
  text: string;
  user: string;
  /** Stemmed tokens (postings). */
  words: Set<string>;
  /** Stemmed content words (similarity). */
  content: Set<string>;
  /** Out-of-vocabulary tokens of 4+ letters: names and made-up words the text carries. */
  identifiers?: Set<string>;
}

export interface SourceIndex {
  readonly size: number;
  /** Distinct sources (near-duplicate families with a user each) among texts containing `token`. */
  support(token: string): number;
  /** Distinct sources among the given texts (indices into the indexed texts). */
  sourcesAmong(indices: readonly number[]): number;
}

/** The key a token is counted under (the same on the side that counts and the side that checks). */
export function supportKey(token: string): string {
  return stem(token.replace(/’/g, "'"));
}

export function indexSources(texts: readonly string[], userKeys: readonly string[]): SourceIndex {
  if (texts.length !== userKeys.length)
    throw new Error(`indexSources: ${texts.length} texts but ${userKeys.length} user keys`);
  const items: IndexedText[] = texts.map((text, i) => ({
    text,
    user: userKeys[i],
    words: new Set(tokenize(text).map(supportKey)),
    content: new Set(contentWords(text)),
  }));
  const postings = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const w of it.words) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  const cache = new Map<string, number>();
  const identifiers = (it: IndexedText): Set<string> => {
    if (!it.identifiers) {
      it.identifiers = new Set(
        tokenize(it.text).filter((t) => t.length >= 4 && classifyToken(t) === 'outside'),
      );
    }
    return it.identifiers;
  };
  const near = (a: IndexedText, b: IndexedText): boolean => nearDuplicateSets(a, b, identifiers);
  const sourcesAmong = (indices: readonly number[]): number => countSources(indices, items, near);
  return {
    size: items.length,
    sourcesAmong,
    support(token: string): number {
      const key = supportKey(token);
      let n = cache.get(key);
      if (n === undefined) {
        n = sourcesAmong(postings.get(key) ?? []);
        cache.set(key, n);
      }
      return n;
    },
  };
}

function nearDuplicateSets(
  a: IndexedText,
  b: IndexedText,
  identifiers: (it: IndexedText) => Set<string>,
): boolean {
  if (a.text === b.text) return true;
  let inter = 0;
  const [small, large] = a.content.size <= b.content.size ? [a.content, b.content] : [b.content, a.content];
  for (const w of small) if (large.has(w)) inter++;
  const union = a.content.size + b.content.size - inter;
  if (union > 0 && inter / union >= NEAR_DUPLICATE_JACCARD) return true;
  if (small.size >= 4 && inter / small.size >= NEAR_DUPLICATE_CONTAINMENT) return true;
  const ia = identifiers(a);
  if (ia.size === 0) return false;
  for (const t of identifiers(b)) if (ia.has(t)) return true;
  return false;
}

/** Families (connected components of `near`), then a greedy matching of families to distinct users. */
function countSources(
  indices: readonly number[],
  items: readonly IndexedText[],
  near: (a: IndexedText, b: IndexedText) => boolean,
): number {
  // Exact repeats first: one representative per distinct text, carrying all its users.
  const byText = new Map<string, { item: IndexedText; users: Set<string> }>();
  for (const i of indices) {
    const it = items[i];
    const e = byText.get(it.text);
    if (e) e.users.add(it.user);
    else byText.set(it.text, { item: it, users: new Set([it.user]) });
  }
  const distinct = [...byText.values()].slice(0, MAX_COMPARED_TEXTS);
  const parent = distinct.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let i = 0; i < distinct.length; i++) {
    for (let j = i + 1; j < distinct.length; j++) {
      const ri = find(i);
      const rj = find(j);
      if (ri !== rj && near(distinct[i].item, distinct[j].item)) parent[rj] = ri;
    }
  }
  const families = new Map<number, Set<string>>();
  distinct.forEach((d, i) => {
    const r = find(i);
    const users = families.get(r) ?? new Set<string>();
    for (const u of d.users) users.add(u);
    families.set(r, users);
  });
  // Each family needs a user no other counted family used: families with fewest users choose first
  // (a valid matching, so never more than the true number of distinct sources).
  const order = [...families.values()].sort((x, y) => x.size - y.size);
  const taken = new Set<string>();
  let n = 0;
  for (const users of order) {
    const free = [...users].sort().find((u) => !taken.has(u));
    if (free !== undefined) {
      taken.add(free);
      n++;
    }
  }
  return n;
}
