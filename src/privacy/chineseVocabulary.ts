/**
 * The general Chinese vocabulary of released texts: which Chinese words a cluster name or description
 * may use on sight. The counterpart of SCOWL for English (vocabulary.ts), with the same rule: a word
 * outside it (a person's name, a town, a company, a made-up word) is withheld however many users wrote
 * it.
 *
 * - The words are jieba's dictionary (the `dict.txt.big` of the jieba project, MIT licence, read at run
 *   time from the npm package `jieba-js`; see data/ATTRIBUTION.md): about 580,000 Simplified and
 *   Traditional words, each with a part-of-speech tag. Entries tagged as proper nouns are left out:
 *   person names (nr, nrt, nrfg), places (ns), organisations (nt), other proper nouns (nz),
 *   abbreviations (j: mostly of organisations and institutions, 北大, 央视), and non-words (x, eng).
 *   The tags are not perfect (百度 and 故宫 are tagged as common nouns): this list is one layer, under
 *   the thresholds, the support and echo rules and the audit, not the only one. Numerals and quantities (m) are kept apart as numbers: like a digit in English
 *   they pass only with support from enough genuinely different conversations.
 * - data/vocabulary/zh-common.txt adds, by hand, everyday words the dictionary lacks or tags as a proper
 *   noun ("原生家庭", "心理咨询", "友谊").
 * - A single character is a word only when it is a function character (的, 和, 在, 对, 后 ...), never a
 *   common surname: 王, 李 or 张 alone is how a Chinese name begins.
 * - A run of Han characters passes when it can be covered whole by such words (a longest-first dynamic
 *   programme over the run), whatever way ICU's word breaker cut it: "孤独感" is one dictionary word even
 *   where ICU gives 孤独 | 感. "王伟" cannot be covered (王 is a surname, 伟 is not a word alone): withheld.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHINESE_SURNAMES } from './chineseSurnames.js';

export type HanClass = 'common' | 'number' | 'outside';

/** jieba tags of proper nouns and non-words: never part of the general vocabulary. */
const PROPER_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'x', 'eng']);
/** The longest dictionary word tried when covering a run (jieba's words are rarely longer). */
const MAX_WORD = 8;

/**
 * Function characters that stand as words alone: particles, conjunctions, prepositions, pronouns, the
 * suffixes that make nouns of other words, common one-character verbs and kinship words (我妈). Surnames among them are dropped below, except the three
 * whose use as a function word is far more common than as a surname (和, 向, 时).
 */
const FUNCTION_CHARS =
  '的地得了着过和与及或在对被把将为因从到让给跟比中上下里内外后前时间等之而且也都很太更最不没无非是有会能可要想该需使令由以其此这那哪某每各些个次种位类我你他她它们自己人事感心性者化度型式后当并向还就又再才只所如若即请帮找做说看去来用写问妈爸哥姐弟妹';
const SURNAME_BUT_FUNCTION = new Set(['和', '向', '时']);

const HAN_ONLY = /^\p{Script=Han}+$/u;

interface ChineseLists {
  words: Set<string>;
  numbers: Set<string>;
  singles: Set<string>;
}

let lists: ChineseLists | undefined;

function loadChinese(): ChineseLists {
  if (lists) return lists;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('jieba-js/package.json'));
  const words = new Set<string>();
  const numbers = new Set<string>();
  for (const line of readFileSync(join(root, 'dict', 'dict.txt.big'), 'utf8').split('\n')) {
    const [word, , tag] = line.trim().split(' ');
    if (!word || !tag || !HAN_ONLY.test(word) || [...word].length < 2 || PROPER_TAGS.has(tag)) continue;
    (tag === 'm' ? numbers : words).add(word);
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const extra = readFileSync(join(here, '..', '..', 'data', 'vocabulary', 'zh-common.txt'), 'utf8');
  for (const line of extra.split('\n')) {
    const w = line.replace(/#.*$/, '').trim();
    if (w) {
      words.add(w);
      numbers.delete(w);
    }
  }
  const surnames = new Set(CHINESE_SURNAMES.filter((s) => !SURNAME_BUT_FUNCTION.has(s)));
  const singles = new Set([...FUNCTION_CHARS].filter((c) => !surnames.has(c)));
  lists = { words, numbers, singles };
  return lists;
}

/** Number of Chinese words loaded (for provenance and tests). */
export function chineseVocabularySize(): number {
  return loadChinese().words.size;
}

/**
 * The class of a run of Han characters: 'common' when general words cover it whole, 'number' when the
 * cover needs a numeral, 'outside' when no cover exists (a name, a place, a made-up word).
 */
export function classifyHanRun(run: string): HanClass {
  const { words, numbers, singles } = loadChinese();
  const chars = [...run];
  const n = chars.length;
  // best[i]: fewest pieces covering chars[0..i), and whether a numeral was needed on the way.
  const best: ({ pieces: number; number: boolean } | undefined)[] = [{ pieces: 0, number: false }];
  for (let i = 1; i <= n; i++) {
    for (let len = Math.min(MAX_WORD, i); len >= 1; len--) {
      const prev = best[i - len];
      if (!prev) continue;
      const piece = chars.slice(i - len, i).join('');
      const isWord = len === 1 ? singles.has(piece) : words.has(piece);
      const isNumber = len > 1 && !isWord && numbers.has(piece);
      if (!isWord && !isNumber) continue;
      const cand = { pieces: prev.pieces + 1, number: prev.number || isNumber };
      const cur = best[i];
      if (!cur || cand.pieces < cur.pieces || (cand.pieces === cur.pieces && cur.number && !cand.number))
        best[i] = cand;
    }
  }
  const end = best[n];
  return !end ? 'outside' : end.number ? 'number' : 'common';
}
