/**
 * The offline engine's speed-ups must not move a single output: each shortcut is checked here against
 * the plain computation it replaces, on random text built from the characters the rules care about.
 */
import { describe, expect, it } from 'vitest';
import { PHRASES } from '../../../src/facets/offline/cues/sentiment.js';
import { hashedFeatures } from '../../../src/facets/offline/hashing.js';
import { PHRASE_RE } from '../../../src/facets/offline/messageSentiment.js';
import {
  clausePieces,
  clauses,
  detectLanguage,
  isBreak,
  LATIN_STOPWORDS,
  splitCount,
  tokenise,
  tokensAndBreaks,
  withoutBreaks,
} from '../../../src/facets/offline/text.js';
import { createRng } from '../../../src/util/random.js';

const PIECES = [
  'not',
  'bad',
  'i',
  "i'm",
  'feel',
  'so',
  'alone',
  'thank',
  'you',
  'much',
  'well-made',
  'a',
  'little',
  'more',
  'than',
  'le',
  'der',
  'você',
  'für',
  'x_y',
  "don't",
  "'s",
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '\u3000',
  '\u2028',
  '.',
  '!',
  '?',
  ';',
  ',',
  ':',
  ':-)',
  ';p',
  '-',
  '😀',
  '❤',
  '中文',
  'я',
  '42',
  '÷',
];

function randomTexts(n: number, seed: number): string[] {
  const rng = createRng(seed);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const len = Math.floor(rng() * 30);
    let s = '';
    for (let k = 0; k < len; k++) s += PIECES[Math.floor(rng() * PIECES.length)];
    out.push(s);
  }
  return out;
}

const TEXTS = [
  '',
  ' ',
  '\nhello',
  'wow! great. not bad;  really\n\nfine?  ok',
  'a. b.\n c',
  ...randomTexts(3000, 11),
];

describe('one scan for tokens and clause breaks', () => {
  it('gives the tokens of tokenise', () => {
    for (const t of TEXTS) expect(withoutBreaks(tokensAndBreaks(t))).toEqual(tokenise(t));
  });

  it("groups tokens as tokenising each clause does, break k ending clause piece k's tokens", () => {
    for (const t of TEXTS) {
      const groups: string[][] = [[]];
      for (const p of tokensAndBreaks(t)) {
        if (isBreak(p)) groups.push([]);
        else groups[groups.length - 1].push(p);
      }
      expect(groups).toEqual(clausePieces(t).map(tokenise));
      expect(groups.filter((g) => g.length > 0)).toEqual(
        clauses(t)
          .map(tokenise)
          .filter((g) => g.length > 0),
      );
    }
  });

  it('tells breaks from tokens by the first character', () => {
    for (const t of TEXTS) for (const p of tokensAndBreaks(t)) expect(isBreak(p)).toBe(/^\s/.test(p));
  });
});

describe('shortcuts elsewhere', () => {
  it('counts whitespace-separated pieces as split does', () => {
    for (let c = 0; c < 0x10000; c++) {
      const s = `a${String.fromCharCode(c)}b`;
      expect(splitCount(s)).toBe(s.split(/\s+/).length);
    }
    for (const t of TEXTS) expect(splitCount(t)).toBe(t.split(/\s+/).length);
  });

  it('finds the same phrases as the plain alternation', () => {
    const plain = new RegExp(PHRASES.map(([re]) => `(${re.source})`).join('|'), 'g');
    const phraseTexts = [
      ...TEXTS,
      "i'm not bad at all, i feel so alone; thank you so much! it's well-made. a little more than a demo",
      'nothing more than to rest, little more than an hour, not ok, fed up, heart broken',
    ];
    const groupOf = (m: RegExpMatchArray) => m.findIndex((g, i) => i > 0 && g !== undefined);
    for (const t of phraseTexts) {
      const a = [...t.matchAll(plain)].map((m) => [m.index, m[0], groupOf(m)]);
      const b = [...t.matchAll(PHRASE_RE)].map((m) => [m.index, m[0], groupOf(m)]);
      expect(b).toEqual(a);
    }
  });

  it('hashes given tokens as it hashes the text, and cuts long text itself', () => {
    const opts = { dim: 1 << 12, maxChars: 40, namespace: 'u' };
    for (const t of TEXTS) {
      expect(hashedFeatures(t, opts, [], tokenise(t))).toEqual(hashedFeatures(t, opts));
    }
  });

  it('names the language as a word-by-word match does', () => {
    // The previous implementation, kept as the reference for the Latin-script branch.
    const words = LATIN_STOPWORDS;
    const codes = Object.keys(words);
    const reference = (text: string) => {
      const hits = codes.map(() => 0);
      const found =
        text
          .slice(0, 1200)
          .toLowerCase()
          .match(/[a-zà-ÿ]+/g) ?? [];
      for (const w of found.slice(0, 200))
        codes.forEach((c, k) => {
          if (words[c].includes(w)) hits[k]++;
        });
      let lang = 'en';
      let top = 0;
      hits.forEach((n, i) => {
        if (n > top) [lang, top] = [codes[i], n];
      });
      return lang;
    };
    const rng = createRng(5);
    const all = Object.values(words).flat();
    for (let i = 0; i < 500; i++) {
      const n = 1 + Math.floor(rng() * 400);
      const text = Array.from({ length: n }, () =>
        rng() < 0.6 ? all[Math.floor(rng() * all.length)] : PIECES[Math.floor(rng() * 20)],
      ).join(rng() < 0.5 ? ' ' : ', ');
      if (!/[A-Za-z\u00c0-\u024f]/.test(text) || /[^\u0000-\u036f]/.test(text)) continue;
      expect(detectLanguage(text)).toBe(reference(text));
    }
  });
});
