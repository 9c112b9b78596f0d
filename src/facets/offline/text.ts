/**
 * Text plumbing for the offline engine: one normalisation and one tokeniser so every rule sees
 * the same tokens, plus language identification by script and common function words.
 */

/** Lowercases and folds typographic quotes so "don’t" and "don't" are the same token. */
export function normalise(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc`´]/g, "'");
}

const TOKEN_RE = /[a-z0-9]+(?:'[a-z]+)*|[!?]|[\u{1F300}-\u{1FAFF}\u2600-\u27BF]|[:;]-?[()dp]/gu;

/** Word tokens (with inner apostrophes), '!' and '?', emoji and ASCII emoticons, from normalised text. */
export function tokenise(normalised: string): string[] {
  return normalised.match(TOKEN_RE) ?? [];
}

/** Where `clauses` cuts: whitespace after sentence punctuation, or line breaks. */
const CLAUSE_BREAK = /(?<=[.!?;])\s+|\n+/;

/** Clauses: split on sentence punctuation and line breaks, keeping order. */
export function clauses(normalised: string): string[] {
  return normalised
    .split(CLAUSE_BREAK)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * The text between clause breaks, untrimmed: piece k holds the tokens of the scan's k-th clause
 * (`clauses` is these pieces trimmed, empty ones dropped).
 */
export function clausePieces(normalised: string): string[] {
  return normalised.split(CLAUSE_BREAK);
}

/**
 * Tokens and clause breaks in one scan: the tokens of `tokenise`, in order, with each break `clauses`
 * cuts at kept as its whitespace. A break is all whitespace and a token never holds any, so neither
 * alternative can start where the other matches: the tokens between two breaks are exactly the
 * tokens of the clause between them.
 */
const SCAN_RE = new RegExp(`${TOKEN_RE.source}|${CLAUSE_BREAK.source}`, 'gu');

export function tokensAndBreaks(normalised: string): string[] {
  return normalised.match(SCAN_RE) ?? [];
}

/** Whether a piece of `tokensAndBreaks` is a break (tokens start with a letter, digit, '!?:;' or emoji). */
export function isBreak(piece: string): boolean {
  const c = piece.charCodeAt(0);
  return !((c > 0x20 && c <= 0x7a) || (c >= 0x2600 && c <= 0x27bf) || (c >= 0xd800 && c <= 0xdbff));
}

/** The tokens of a `tokensAndBreaks` scan: `tokenise` of the same text. */
export function withoutBreaks(scan: string[]): string[] {
  let k = 0;
  while (k < scan.length && !isBreak(scan[k])) k++;
  if (k === scan.length) return scan;
  const out = scan.slice(0, k);
  for (k++; k < scan.length; k++) if (!isBreak(scan[k])) out.push(scan[k]);
  return out;
}

/** Whether a UTF-16 code unit is in the regular-expression class \s (WhiteSpace and LineTerminator). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `text.split(/\s+/).length` without building the pieces: one more than the whitespace runs. */
export function splitCount(text: string): number {
  let n = 1;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (space && !inRun) n++;
    inRun = space;
  }
  return n;
}

/** Script of a code point, for the scripts whose language is unambiguous enough to name. */
function scriptOf(c: number): string | undefined {
  if (c < 0x370) return undefined;
  if (c >= 0x4e00 && c <= 0x9fff) return 'zh';
  if (c >= 0x3400 && c <= 0x4dbf) return 'zh';
  if (c >= 0x3040 && c <= 0x30ff) return 'ja';
  if (c >= 0xac00 && c <= 0xd7af) return 'ko';
  if (c >= 0x0400 && c <= 0x04ff) return 'ru';
  if (c >= 0x0600 && c <= 0x06ff) return 'ar';
  if (c >= 0x0590 && c <= 0x05ff) return 'he';
  if (c >= 0x0370 && c <= 0x03ff) return 'el';
  if (c >= 0x0900 && c <= 0x097f) return 'hi';
  if (c >= 0x0e00 && c <= 0x0e7f) return 'th';
  return undefined;
}

/** Common function words per Latin-script language (exported as the tests' reference). */
export const LATIN_STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the',
    'and',
    'is',
    'i',
    'you',
    'to',
    'of',
    'it',
    'a',
    'my',
    'what',
    'how',
    'in',
    'that',
    'this',
    'for',
  ],
  es: ['el', 'la', 'de', 'que', 'y', 'en', 'los', 'es', 'por', 'una', 'como', 'para', 'pero', 'muy'],
  fr: ['le', 'la', 'les', 'de', 'et', 'est', 'je', 'pas', 'une', 'des', 'que', 'pour', 'vous', 'avec'],
  de: ['der', 'die', 'das', 'und', 'ist', 'ich', 'nicht', 'ein', 'eine', 'zu', 'mit', 'sie', 'auf', 'wie'],
  pt: ['o', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'para', 'não', 'uma', 'os', 'com', 'como', 'você'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'non', 'un', 'sono', 'come', 'della', 'mi', 'questo'],
  nl: ['de', 'het', 'een', 'en', 'van', 'ik', 'niet', 'dat', 'is', 'je', 'op', 'met', 'voor'],
};
const LANG_CODES = Object.keys(LATIN_STOPWORDS);
/** A character of a word for language identification: [a-zà-ÿ] (0xe0-0xff, '÷' included). */
function isLatinWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0xff);
}

/**
 * A word of at most MAX_STOPWORD_CHARS [a-zà-ÿ] characters as a number: its code units in base 256.
 * No unit is 0, so different words get different codes, and 6 units stay below 2^53.
 */
function wordCode(w: string): number {
  let code = 0;
  for (let i = 0; i < w.length; i++) code = code * 256 + w.charCodeAt(i);
  return code;
}
const MAX_STOPWORD_CHARS = 6;

/** Function word (by wordCode) → indices into LANG_CODES of the languages that use it. */
const STOPWORD_LANGS: ReadonlyMap<number, number[]> = (() => {
  const m = new Map<number, number[]>();
  LANG_CODES.forEach((code, i) => {
    for (const w of LATIN_STOPWORDS[code]) {
      if (w.length > MAX_STOPWORD_CHARS || ![...w].every((ch) => isLatinWordChar(ch.charCodeAt(0))))
        throw new Error(`stopword "${w}" is not a short [a-zà-ÿ] word`);
      const k = wordCode(w);
      m.set(k, [...(m.get(k) ?? []), i]);
    }
  });
  return m;
})();
/** Enough words to tell the languages apart; more only costs time. */
const MAX_LANG_WORDS = 200;

/**
 * ISO 639-1 code of the dominant script (Han → 'zh', kana → 'ja', ...); for Latin script the language
 * whose function words are most frequent; 'und' when there are no letters. Code and math written
 * in English count as English.
 */
export function detectLanguage(text: string): string {
  const sample = text.length > 1200 ? text.slice(0, 1200) : text;
  const counts = new Map<string, number>();
  let latin = 0;
  // Most logs are plain Latin-script text: then no script can win and only "any letter?" matters.
  if (BEYOND_LATIN.test(sample)) {
    for (let i = 0; i < sample.length; i++) {
      const c = sample.charCodeAt(i);
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) {
        latin++;
        continue;
      }
      if (c < 0x370) continue;
      const s = scriptOf(c);
      if (s !== undefined) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
  } else if (LATIN_LETTER.test(sample)) latin = 1;
  let best = 'und';
  let bestCount = 0;
  for (const [lang, n] of counts) {
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  // Kana implies Japanese even when Han characters outnumber it.
  if (best === 'zh' && (counts.get('ja') ?? 0) > 0) best = 'ja';
  // One Han character counts for about three Latin letters of information.
  if (bestCount > 0 && bestCount * 6 >= latin) return best;
  if (latin === 0) return 'und';
  const hits = new Array<number>(LANG_CODES.length).fill(0);
  // Words are maximal runs of [a-zà-ÿ]; each is looked up by its code, so no word becomes a string.
  const lower = sample.toLowerCase();
  let words = 0;
  for (let i = 0; i < lower.length && words < MAX_LANG_WORDS; ) {
    if (!isLatinWordChar(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    let code = 0;
    const start = i;
    for (; i < lower.length; i++) {
      const c = lower.charCodeAt(i);
      if (!isLatinWordChar(c)) break;
      code = code * 256 + c;
    }
    words++;
    if (i - start > MAX_STOPWORD_CHARS) continue;
    const langs = STOPWORD_LANGS.get(code);
    if (langs) for (const l of langs) hits[l]++;
  }
  let lang = 'en';
  let top = 0;
  // English is first in the table and wins ties, so short or technical text stays 'en'.
  for (let i = 0; i < hits.length; i++) {
    if (hits[i] > top) {
      lang = LANG_CODES[i];
      top = hits[i];
    }
  }
  return lang;
}

/** A character of a script scriptOf() names (everything from Greek up). */
const BEYOND_LATIN = /[^\u0000-\u036f]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
