/**
 * Word handling shared by the offline embedder, the offline namer and the support gate, so that
 * "a word" means the same thing where it is counted and where it is checked.
 */

/** Function words and the generic words every concern shares; they never name a topic. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    "i'm im i've ive don't dont can't cant it's its won't wont doesn't didn't isn't aren't wasn't " +
    'user users person someone something anything everything thing things way ways get gets got getting make ' +
    'makes made want wants wanted need needs needed feel feels feeling like help helps helping ask asks asking ' +
    'advice talk talks talking conversation conversations discuss discusses discussing seek seeks seeking ' +
    'regarding related concerning whether how one two lot lots really much many'
  ).split(/\s+/),
);

const HAN = /\p{Script=Han}/u;
const HAN_OR_NOT = /\p{Script=Han}+|[^\p{Script=Han}]+/gu;
let hanSegmenter: Intl.Segmenter | undefined;

/**
 * Lowercased word tokens (letters, digits, inner apostrophes and hyphens). Chinese has no spaces:
 * a run of Han characters is split into words by ICU's dictionary word breaker
 * (`Intl.Segmenter('zh')`, built into Node), so "工作压力与职业倦怠" gives 工作 压力 与 职业 倦怠 and
 * counts, echoes and vocabulary checks work on words in Chinese as in English.
 */
export function tokenize(text: string): string[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
  if (!HAN.test(text)) return tokens;
  hanSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const t of tokens) {
    if (!HAN.test(t)) {
      out.push(t);
      continue;
    }
    for (const part of t.match(HAN_OR_NOT) ?? []) {
      if (!HAN.test(part)) {
        const rest = part.replace(/^['’-]+|['’-]+$/g, '');
        if (rest) out.push(rest);
        continue;
      }
      for (const s of hanSegmenter.segment(part)) if (s.isWordLike) out.push(s.segment);
    }
  }
  return out;
}

/**
 * A light, deterministic stem so "worries"/"worry" and "friends"/"friend" count as one word.
 * Deliberately conservative: a wrong merge would let one user's rare word borrow another's support.
 */
export function stem(word: string): string {
  const w = word.replace(/’/g, "'");
  if (w.length <= 3) return w;
  if (w.endsWith("'s")) return w.slice(0, -2);
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('s')) return w.slice(0, -1);
  return w;
}

/** True for tokens that carry meaning (not a stopword, not a bare number, at least two letters). */
export function isContentWord(token: string): boolean {
  return token.length >= 2 && !STOPWORDS.has(token) && /\p{L}/u.test(token);
}

/** The stemmed content words of a text, in order (with repeats). */
export function contentWords(text: string): string[] {
  return tokenize(text).filter(isContentWord).map(stem);
}
