/**
 * Matches the topic lexicon against tokens (unigrams to trigrams) and tallies, per topic, the
 * weighted hits and which terms matched. One pass over the tokens through a word trie; no regular
 * expressions and no string building.
 */
import { ZH_TOPIC_TERMS } from './cues/chineseTopics.js';
import { MAX_TERM_WORDS, TERM_INDEX, TOPICS } from './cues/topics.js';

export interface TopicTally {
  /** Weighted score per topic index; repeated terms count with diminishing weight. */
  scores: number[];
  /** Matched term → count, per topic index (undefined until the topic's first hit). */
  terms: (Map<string, number> | undefined)[];
}

/** The lexicon as a word trie, so matching a phrase never builds a string per candidate gram. */
interface TermNode {
  /** The term this node completes ("panic attack"), for the per-topic term counts. */
  gram: string;
  /** Topics the term belongs to; undefined when the path is only a prefix of longer terms. */
  hits?: number[];
  next?: Map<string, TermNode>;
}

const TERM_TRIE: ReadonlyMap<string, TermNode> = (() => {
  const root = new Map<string, TermNode>();
  for (const [term, hits] of TERM_INDEX) {
    const words = term.split(' ');
    let level = root;
    let node: TermNode | undefined;
    words.forEach((w, k) => {
      node = level.get(w);
      if (!node) {
        node = { gram: words.slice(0, k + 1).join(' ') };
        level.set(w, node);
      }
      if (k < words.length - 1) {
        node.next ??= new Map();
        level = node.next;
      }
    });
    if (node) node.hits = hits;
  }
  return root;
})();

const NO_TERMS: ReadonlyMap<string, number> = new Map();

export function emptyTally(): TopicTally {
  // Term maps are created on first hit: most topics never match a given conversation. Plain arrays
  // (doubles all the same) are cheaper to create than a typed array, once per conversation.
  const scores: number[] = [];
  const terms: (Map<string, number> | undefined)[] = [];
  for (let i = 0; i < TOPICS.length; i++) {
    scores.push(0);
    terms.push(undefined);
  }
  return { scores, terms };
}

function termsOf(tally: TopicTally, topic: number): ReadonlyMap<string, number> {
  return tally.terms[topic] ?? NO_TERMS;
}

/** Adds one message's tokens to the tally. */
export function tallyTopics(tokens: readonly string[], tally: TopicTally): void {
  for (let i = 0; i < tokens.length; i++) {
    let node = TERM_TRIE.get(tokens[i]);
    for (let k = 1; node !== undefined; k++) {
      if (node.hits !== undefined) countTerm(tally, node.gram, node.hits);
      if (k >= MAX_TERM_WORDS || i + k >= tokens.length) break;
      node = node.next?.get(tokens[i + k]);
    }
  }
}

/** The Chinese terms of every topic as one alternation (longest first), and each term's topics. */
const ZH_TERM_TOPICS: ReadonlyMap<string, number[]> = (() => {
  const m = new Map<string, number[]>();
  TOPICS.forEach((t, i) => {
    for (const term of ZH_TOPIC_TERMS[t.id] ?? []) m.set(term, [...(m.get(term) ?? []), i]);
  });
  return m;
})();
/** Chinese terms by their first character, longest first: a scan of the text tries only these. */
const ZH_TERMS_BY_FIRST: ReadonlyMap<number, readonly string[]> = (() => {
  const m = new Map<number, string[]>();
  for (const term of ZH_TERM_TOPICS.keys()) {
    const c = term.charCodeAt(0);
    m.set(c, [...(m.get(c) ?? []), term]);
  }
  for (const terms of m.values()) terms.sort((a, b) => b.length - a.length);
  return m;
})();

/**
 * Adds one Chinese message's topic terms to the tally: matched in the text (Chinese has no spaces),
 * leftmost-longest and without overlaps. A character-indexed scan: a regular-expression alternation
 * of the same terms was five times slower on Chinese text.
 */
export function tallyChineseTopics(text: string, tally: TopicTally): void {
  for (let i = 0; i < text.length; ) {
    const candidates = ZH_TERMS_BY_FIRST.get(text.charCodeAt(i));
    let step = 1;
    if (candidates !== undefined) {
      for (const term of candidates) {
        if (text.startsWith(term, i)) {
          countTerm(tally, term, ZH_TERM_TOPICS.get(term) as number[]);
          step = term.length;
          break;
        }
      }
    }
    i += step;
  }
}

/** Counts one term for the topic with this id (a cue that is itself evidence of the topic). */
export function countTopicTerm(tally: TopicTally, topicId: string, term: string): void {
  const i = TOPIC_INDEX.get(topicId);
  if (i !== undefined) countTerm(tally, term, [i]);
}
const TOPIC_INDEX: ReadonlyMap<string, number> = new Map(TOPICS.map((t, i) => [t.id, i]));

/** The two tallies added up (a new tally; neither is changed). */
export function mergedTally(a: TopicTally, b: TopicTally): TopicTally {
  const out = emptyTally();
  for (const t of [a, b])
    for (let i = 0; i < TOPICS.length; i++) {
      out.scores[i] += t.scores[i];
      const terms = t.terms[i];
      if (terms === undefined) continue;
      const into = out.terms[i] ?? new Map<string, number>();
      out.terms[i] = into;
      for (const [k, v] of terms) into.set(k, (into.get(k) ?? 0) + v);
    }
  return out;
}

function countTerm(tally: TopicTally, gram: string, hits: readonly number[]): void {
  for (const t of hits) {
    let terms = tally.terms[t];
    if (terms === undefined) {
      terms = new Map();
      tally.terms[t] = terms;
    }
    const seen = terms.get(gram) ?? 0;
    terms.set(gram, seen + 1);
    // First mention counts fully, repeats add less: breadth of vocabulary beats repetition.
    tally.scores[t] += TOPICS[t].weight / (1 + seen);
  }
}

/** Sum of topic scores per category (affective topics) and for task topics. */
export function categoryScores(tally: TopicTally): { byCategory: Map<string, number>; task: number } {
  const byCategory = new Map<string, number>();
  let task = 0;
  TOPICS.forEach((t, i) => {
    const s = tally.scores[i];
    if (s === 0) return;
    if (t.category === null) task += s;
    else byCategory.set(t.category, (byCategory.get(t.category) ?? 0) + s);
  });
  return { byCategory, task };
}

/** Topic indices by score, best first (ties broken by table order for determinism). */
export function rankedTopics(tally: TopicTally, filter: (i: number) => boolean = () => true): number[] {
  const idx: number[] = [];
  for (let i = 0; i < TOPICS.length; i++) if (tally.scores[i] > 0 && filter(i)) idx.push(i);
  return idx.sort((a, b) => tally.scores[b] - tally.scores[a] || a - b);
}

/** A topic's matched terms, most frequent first, then alphabetical. */
export function topTerms(tally: TopicTally, topic: number, k: number): string[] {
  return [...termsOf(tally, topic).entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, k)
    .map(([t]) => t);
}
