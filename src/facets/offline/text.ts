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

/** Clauses: split on sentence punctuation and line breaks, keeping order. */
export function clauses(normalised: string): string[] {
  return normalised
    .split(/(?<=[.!?;])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
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

const LATIN_STOPWORDS: Record<string, string[]> = {
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
/** Function word → indices into LANG_CODES of the languages that use it. */
const STOPWORD_LANGS: ReadonlyMap<string, number[]> = (() => {
  const m = new Map<string, number[]>();
  LANG_CODES.forEach((code, i) => {
    for (const w of LATIN_STOPWORDS[code]) m.set(w, [...(m.get(w) ?? []), i]);
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
  const lower = sample.toLowerCase();
  const word = /[a-zà-ÿ]+/g;
  let m = word.exec(lower);
  for (let i = 0; m !== null && i < MAX_LANG_WORDS; i++, m = word.exec(lower)) {
    const langs = STOPWORD_LANGS.get(m[0]);
    if (langs) for (const l of langs) hits[l]++;
  }
  let lang = 'en';
  let top = 0;
  // English is first in the table and wins ties, so short or technical text stays 'en'.
  hits.forEach((n, i) => {
    if (n > top) {
      lang = LANG_CODES[i];
      top = n;
    }
  });
  return lang;
}

/** A character of a script scriptOf() names (everything from Greek up). */
const BEYOND_LATIN = /[^\u0000-\u036f]/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;
