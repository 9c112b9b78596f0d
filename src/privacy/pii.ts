/**
 * A deterministic PII detector for every text that leaves the cluster stage (names, descriptions).
 * It is a backstop, not the only gate: it favours recall on the kinds it knows, since a hit only
 * drops a short label, and keeps ordinary concern phrases ("anxiety about work", "May I ask") clean.
 * Numbers are checked with their real check digits (Luhn, mod 97, Verhoeff) where one exists, so a
 * count or a date is not mistaken for a card or an id.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { CHINESE_SURNAMES, isGivenName, isSurname, isUnambiguousName } from './names.js';
import { isGeneralEnglish } from './vocabulary.js';

export type PiiKind =
  | 'email'
  | 'url'
  | 'ip_address'
  | 'card_number'
  | 'government_id'
  | 'iban'
  | 'phone'
  | 'street_address'
  | 'postcode'
  | 'person_name'
  | 'organisation';

export interface PiiHit {
  kind: PiiKind;
  start: number;
  end: number;
  /** The matched text (for tests and local debugging; never written to a report). */
  match: string;
}

export function detectPii(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  const add = (kind: PiiKind, start: number, match: string) =>
    hits.push({ kind, start, end: start + match.length, match });
  const each = (re: RegExp, fn: (m: RegExpExecArray) => void) => {
    for (const m of text.matchAll(re)) fn(m as RegExpExecArray);
  };

  each(EMAIL, (m) => add('email', m.index, m[0]));
  each(URL_SCHEME, (m) => add('url', m.index, m[0].replace(/[.,;:!?)]+$/, '')));
  each(BARE_DOMAIN, (m) => {
    if (text[m.index - 1] !== '@') add('url', m.index, m[0]);
  });
  each(IPV4, (m) => {
    if (isIPv4(m[0])) add('ip_address', m.index, m[0]);
  });
  each(IPV6_CANDIDATE, (m) => {
    const c = m[0];
    if ((c.match(/:/g) ?? []).length >= 2 && /[0-9a-f]/i.test(c) && isIPv6(c)) add('ip_address', m.index, c);
  });
  each(CARD_CANDIDATE, (m) => {
    const run = validRun(m[0], (c) => {
      const digits = c.replace(/\D/g, '');
      return digits.length >= 13 && digits.length <= 19 && luhnValid(digits);
    });
    if (run) add('card_number', m.index + run.offset, run.text);
  });
  each(SSN, (m) => add('government_id', m.index, m[0]));
  each(UK_NINO, (m) => add('government_id', m.index, m[0]));
  each(CA_SIN, (m) => {
    if (luhnValid(m[0].replace(/\D/g, ''))) add('government_id', m.index, m[0]);
  });
  each(AADHAAR, (m) => {
    if (verhoeffValid(m[0].replace(/\D/g, ''))) add('government_id', m.index, m[0]);
  });
  each(IBAN_CANDIDATE, (m) => {
    if (ibanValid(m[0])) add('iban', m.index, m[0]);
  });
  each(PHONE_CANDIDATE, (m) => {
    const run = validRun(m[0], looksLikePhone);
    if (run) add('phone', m.index + run.offset, run.text);
  });
  each(STREET, (m) => {
    const nameWords = m[1].trim().split(/\s+/);
    if (nameWords.every((w) => !ADDRESS_FILLER.has(w.toLowerCase()))) add('street_address', m.index, m[0]);
  });
  each(PO_BOX, (m) => add('street_address', m.index, m[0]));
  each(UK_POSTCODE, (m) => add('postcode', m.index, m[0]));
  for (const h of personNames(text)) hits.push(h);
  for (const h of organisations(text)) hits.push(h);
  for (const h of chineseNames(text)) hits.push(h);

  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

export function containsPii(text: string): boolean {
  return detectPii(text).length > 0;
}

/**
 * A number-like candidate can swallow a neighbouring number ("555-123-4567 2 kids"): try every run
 * of its space-separated chunks, longest first, and return the first that passes.
 */
function validRun(candidate: string, ok: (s: string) => boolean): { text: string; offset: number } | null {
  const chunks = [...candidate.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  for (let len = chunks.length; len >= 1; len--) {
    for (let a = 0; a + len <= chunks.length; a++) {
      const text = candidate.slice(chunks[a].start, chunks[a + len - 1].end);
      if (ok(text)) return { text, offset: chunks[a].start };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL_SCHEME = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'`]+/gi;
const TLDS =
  'com|org|net|edu|gov|io|co|uk|de|fr|es|it|nl|ru|cn|jp|in|br|au|ca|us|info|biz|me|app|dev|xyz|online|site|ly|tv|ai';
/** A dotted name ending in a known lower-case TLD ("work.In the end" is a missing space, not a URL). */
const BARE_DOMAIN = new RegExp(
  `\\b[A-Za-z0-9][A-Za-z0-9-]*(?:\\.[A-Za-z0-9-]+)*\\.(?:${TLDS})\\b(?:/[^\\s<>"'\`]*)?`,
  'g',
);
const IPV4 = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const IPV6_CANDIDATE = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g;
const CARD_CANDIDATE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
/** US SSN / ITIN: area not 000 or 666, group not 00, serial not 0000; separators required. */
const SSN = /(?<![\d-])(?!000|666)\d{3}([- ])(?!00)\d{2}\1(?!0000)\d{4}(?![\d-])/g;
/** UK National Insurance number (HMRC prefix rules). */
const UK_NINO =
  /\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/gi;
/** Canadian SIN, 3-3-3 with a Luhn check digit. */
const CA_SIN = /(?<![\d-])\d{3}([- ])\d{3}\1\d{3}(?![\d-])/g;
/** Indian Aadhaar, 4-4-4 (first digit 2-9) with a Verhoeff check digit. */
const AADHAAR = /(?<![\d-])[2-9]\d{3}([- ])\d{4}\1\d{4}(?![\d-])/g;
const IBAN_CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g;
const PHONE_CANDIDATE = /(?<![\w+])(?:\+ ?)?\(?\d[\d ().-]{5,22}\d(?![\w])/g;

const STREET_SUFFIX =
  'Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Court|Ct|Place|Pl|Way|Terrace|Close|' +
  'Crescent|Cres|Square|Sq|Highway|Hwy|Parkway|Pkwy|Gardens|Grove|Row|Mews|Circle|Cir|Trail|Alley|Strasse|Straße';
/** House number, one to three street-name words, a street suffix. */
const STREET = new RegExp(
  `\\b\\d{1,5}[A-Za-z]?,?\\s+((?:[A-Za-z][A-Za-z'.-]*\\s+){1,3})(?:${STREET_SUFFIX})\\b\\.?`,
  'gi',
);
/** Words that may not be a street's name: they show the number counts something else. */
const ADDRESS_FILLER = new Set(
  (
    'a an the of in on at to for and or but by with from per my your our their his her its this that ' +
    'time times day days week weeks month months year years hour hours minute minutes second seconds mile miles ' +
    'km kilometre kilometres kilometer kilometers block blocks step steps people kids children more most less ' +
    'long short hard easy quick good bad best worst new old first last next other way ways'
  ).split(' '),
);
const PO_BOX = /\bP\.? ?O\.? ?Box \d+\b/gi;
/** UK postcode, upper case as written on post (lower-case letter pairs are too often words). */
const UK_POSTCODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b/g;

function looksLikePhone(raw: string): boolean {
  const s = raw.trim();
  const digits = s.replace(/\D/g, '');
  if ((s.match(/\(/g) ?? []).length !== (s.match(/\)/g) ?? []).length) return false;
  if (s.startsWith('+')) return digits.length >= 8 && digits.length <= 15;
  // Dates and ranges such as 2024-01-31 or 1990-2000 are never phone numbers.
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(s) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(s)) return false;
  // US: (555) 123-4567, 555-123-4567, 555.123.4567, 1-555-123-4567.
  if (/^(?:1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/.test(s)) return true;
  // UK: 020 7946 0958, 07700 900123, 01632 960001, (0161) 496 0000.
  if (
    /^(?:\(0\d{2,4}\) ?|0\d{2,4}[ -]?)\d{3,4}[ -]?\d{3,4}$/.test(s) &&
    digits.length >= 10 &&
    digits.length <= 11
  )
    return true;
  // Unformatted 10-11 digit numbers with a trunk prefix, and US local 555-0123.
  if (/^0\d{9,10}$/.test(s) || /^\d{3}-\d{4}$/.test(s)) return true;
  return false;
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0 && !/^0+$/.test(digits);
}

function ibanValid(raw: string): boolean {
  const s = raw.replace(/ /g, '');
  if (s.length < 15 || s.length > 34) return false;
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const c of v) rem = (rem * 10 + (c.charCodeAt(0) - 48)) % 97;
  }
  return rem === 1;
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

export function verhoeffValid(digits: string): boolean {
  let c = 0;
  const rev = digits.split('').reverse();
  for (let i = 0; i < rev.length; i++) c = VERHOEFF_D[c][VERHOEFF_P[i % 8][Number(rev[i])]];
  return c === 0;
}

// --- person names -----------------------------------------------------------------------------------

const HONORIFIC_STRONG =
  /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Professor|Rev|Fr|Sr|Sra|Srta|Herr|Frau|Mme|Mlle|Monsieur|Madame|Señor|Señora|Senor|Senora|Pastor|Rabbi|Imam|Sheikh|Coach|Officer|Detective|Judge|Senator|Governor)\.?$/;
const HONORIFIC_WEAK = /^(?:Miss|Sir|Dame|Lady|Lord|Madam|Aunt|Auntie|Uncle|Grandma|Grandpa|Nana)$/;
/** A name with a Japanese or Korean honorific suffix ("Tanaka-san", "Min-jun-ssi"). */
const NAME_SUFFIX = /\b[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?-(?:san|sama|kun|chan|sensei|senpai|ssi|nim)\b/g;
/** A capitalised word, including McX, O'X and hyphenated Anne-Marie. */
const CAP_TOKEN = /\b(?:[A-Z][a-z]*'?[A-Z][a-z]+|[A-Z][a-z]+)(?:-[A-Za-z][a-z]+)?\.?|\b[A-Z]\./g;

function normalName(tok: string): string {
  const t = tok.replace(/[.']/g, '');
  return t.charAt(0).toUpperCase() + t.slice(1).toLowerCase();
}

/**
 * Person names: honorific + capitalised word; a given name followed by a capitalised surname or
 * initial-surname; or a capitalised given name / surname from the lists that is not also an
 * everyday word. Lower-case names are left to the support gate (a word used by one user never
 * surfaces, whatever it is).
 */
function personNames(text: string): PiiHit[] {
  const toks = [...text.matchAll(CAP_TOKEN)].map((m) => ({
    raw: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  const hits: PiiHit[] = [];
  const hit = (a: number, b: number) =>
    hits.push({
      kind: 'person_name',
      start: toks[a].start,
      end: toks[b].end,
      match: text.slice(toks[a].start, toks[b].end),
    });
  const adjacent = (a: number) =>
    a + 1 < toks.length && /^\s+$/.test(text.slice(toks[a].end, toks[a + 1].start));
  for (let i = 0; i < toks.length; i++) {
    const raw = toks[i].raw;
    const name = normalName(raw);
    const nextName = adjacent(i) ? normalName(toks[i + 1].raw) : null;
    if (HONORIFIC_STRONG.test(raw) && nextName !== null && toks[i + 1].raw.length > 2) {
      hit(i, i + 1);
      i++;
      continue;
    }
    if (HONORIFIC_WEAK.test(raw) && nextName !== null && (isGivenName(nextName) || isSurname(nextName))) {
      hit(i, i + 1);
      i++;
      continue;
    }
    const initial = /^[A-Z]\.$/.test(raw);
    // A given name (or initial) before a surname from the lists, or before any capitalised word
    // outside general English ("Dana Whitfield", "Priya Venkataraman", "J. Okonkwo").
    if (
      (initial || isGivenName(name)) &&
      nextName !== null &&
      (isSurname(nextName) || (toks[i + 1].raw.length > 2 && !isGeneralEnglish(nextName.replace(/-.*/, ''))))
    ) {
      hit(i, i + 1);
      i++;
      continue;
    }
    if (raw.length > 2 && isUnambiguousName(name.replace(/-.*/, ''))) hit(i, i);
  }
  for (const m of text.matchAll(NAME_SUFFIX))
    hits.push({ kind: 'person_name', start: m.index, end: m.index + m[0].length, match: m[0] });
  return hits;
}

// --- organisations ----------------------------------------------------------------------------------

/** Last words that make a run of capitalised words an organisation ("Norbridge Logistics"). */
const ORG_SUFFIX = new Set(
  (
    'Inc Incorporated LLC LLP Ltd Limited Corp Corporation Company Co GmbH AG SA PLC Plc Logistics Hospital ' +
    'Hospitals Clinic Clinics School Schools University College Academy Institute Bank Group Labs Lab ' +
    'Church Mosque Temple Synagogue Solutions Systems Technologies Technology Tech Foundation Partners ' +
    'Consulting Consultants Services Media Studios Studio Airlines Airways Motors Pharmaceuticals Pharma ' +
    'Insurance Capital Holdings Industries Enterprises Agency Associates Center Centre Medical Healthcare ' +
    'Health Foods Energy Restaurant Cafe Café Hotel Hotels Stores Store Market Markets Supermarket Mall ' +
    'Gym Fitness Pharmacy Bakery Salon Construction Manufacturing Shipping Freight Transport Transportation ' +
    'Electric Electronics Software Networks Telecom Realty Properties Ventures Trust Council Department ' +
    'Ministry Police Prison Elementary Kindergarten Nursery Daycare Publishing Press Records Productions'
  ).split(' '),
);
/** Words before a run of capitalised words that say "this is a place of work or study". */
const ORG_CUE = /\b(?:at|from|for|with|of|joined|join|joining)\s+$/i;

/** True when most words after the first are capitalised (a title): capitals then say nothing. */
function titleCased(text: string): boolean {
  const ws = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = ws.slice(1).filter((w) => w.length > 3);
  if (long.length < 3) return false;
  return long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.7;
}

/**
 * Organisations: one to four capitalised words ending in an organisation word (Inc, Logistics,
 * Hospital, School...), when one of the words before it is outside general English ("Norbridge
 * Logistics", "Kessler & Voss Partners"), or, outside titles, when the run follows "at", "from",
 * "for", "joined"... ("at Riverside Hospital").
 */
function organisations(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  const title = titleCased(text);
  const RUN = /(?:\b(?:[A-Z][\p{L}'’.-]*|&)\s+){1,4}([A-Z][\p{L}.]*)/gu;
  for (const m of text.matchAll(RUN)) {
    const last = m[1].replace(/\.$/, '');
    if (!ORG_SUFFIX.has(last)) continue;
    const words = m[0]
      .trim()
      .split(/\s+/)
      .slice(0, -1)
      .filter((w) => w !== '&');
    if (words.length === 0) continue;
    const rare = words.some((w) => !isGeneralEnglish(w.replace(/[.'’]+$/g, '').replace(/[’']s$/, '')));
    const cued = !title && ORG_CUE.test(text.slice(0, m.index));
    if (rare || cued)
      hits.push({ kind: 'organisation', start: m.index, end: m.index + m[0].length, match: m[0] });
  }
  return hits;
}

// --- Chinese names ----------------------------------------------------------------------------------

const HAN_RUN = /\p{Script=Han}+/gu;
/** Words before a name in Chinese ("my coworker", "called", "with"...). */
const ZH_CUE =
  /(?:同事|朋友|老板|上司|经理|老师|同学|室友|邻居|男友|女友|男朋友|女朋友|丈夫|妻子|老公|老婆|前任|叫|名叫|叫做|名字是|和|跟|给|对|找|让)$/u;
/** Titles after a surname ("Mr Wang", "Teacher Li"). */
const ZH_TITLE = /^(?:先生|女士|小姐|太太|老师|医生|大夫|经理|总|教授|同学|阿姨|叔叔|师傅|律师|护士)/u;

/**
 * Chinese personal names in Han script: a common surname and a one- or two-character given name,
 * when it stands alone (a short Han run inside other text, "my coworker 王伟"), follows a cue such as
 * 同事 or 叫, or the surname precedes a title (王先生). Inside running Chinese text a bare surname
 * character is too common ("高兴") to count on its own.
 */
function chineseNames(text: string): PiiHit[] {
  const hits: PiiHit[] = [];
  const add = (start: number, match: string) =>
    hits.push({ kind: 'person_name', start, end: start + match.length, match });
  for (const m of text.matchAll(HAN_RUN)) {
    const run = m[0];
    const surnameAt = (i: number) =>
      CHINESE_SURNAMES.filter((s) => run.startsWith(s, i)).sort((a, b) => b.length - a.length)[0];
    // A standalone run of 2-4 characters that starts with a surname.
    const s0 = surnameAt(0);
    if (s0 && run.length > s0.length && run.length <= s0.length + 2) {
      add(m.index, run);
      continue;
    }
    for (let i = 0; i < run.length; i++) {
      const s = surnameAt(i);
      if (!s) continue;
      const after = run.slice(i + s.length);
      if (ZH_TITLE.test(after)) {
        add(m.index + i, run.slice(i, i + s.length + (ZH_TITLE.exec(after)?.[0].length ?? 0)));
        continue;
      }
      if (ZH_CUE.test(run.slice(0, i)) && after.length >= 1) {
        add(m.index + i, run.slice(i, i + s.length + Math.min(2, after.length)));
      }
    }
  }
  return hits;
}
