/**
 * Which of the costlier patterns can match one message, found in one pass over its tokens (a map
 * lookup per token), and those patterns' tests behind their gates. The great majority of messages
 * ask for nothing harmful or sexual, so most of these patterns never run on them. The patterns and
 * their gate words live in cues/risks.ts and cues/romance.ts.
 */
import { HOSTILE_TO_ASSISTANT, HOSTILE_WORDS } from './cues/companionship.js';
import { OWN_FEELING, OWN_FEELING_WORDS } from './cues/disclosure.js';
import {
  DRUG_REQUEST,
  DRUG_WORDS,
  HARM,
  HARM_PHRASE,
  HARM_REQUEST,
  HARM_REQUEST_WORDS,
  HARM_WORDS,
  OFFENSIVE_CONTENT_REQUEST,
  OFFENSIVE_WORDS,
  PRIVATE_INFO_REQUEST,
  PRIVATE_INFO_WORDS,
  RISK_PREFIXES,
  SELF_HARM,
  SELF_HARM_INTENT,
  SELF_HARM_WORDS,
} from './cues/risks.js';
import {
  AIMED,
  AIMED_NOUNS,
  EVERYDAY_ACTS,
  SEXUAL_AT_ASSISTANT,
  SEXUAL_TALK_WORDS,
  SEXUAL_WORDS,
} from './cues/romance.js';

const HARM_REQUEST_BIT = 1;
const DRUG_BIT = 2;
const PRIVATE_INFO_BIT = 4;
const SELF_HARM_BIT = 8;
const OFFENSIVE_BIT = 16;
const HARM_BIT = 32;
const SEXUAL_BIT = 64;
const SEX_TALK_BIT = 128;
/** An everyday word that is sexual only when aimed: the pattern runs if the neighbours aim it. */
const MAYBE_SEXUAL_BIT = 256;
const OWN_FEELING_BIT = 512;
const HOSTILE_BIT = 1024;
/** The word-start patterns' prefixes open every gate that a prefix-matched word can reach. */
const PREFIX_BITS = HARM_REQUEST_BIT | DRUG_BIT | SELF_HARM_BIT | OFFENSIVE_BIT | HARM_BIT;

const GATES: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  const add = (set: Iterable<string>, bit: number) => {
    for (const w of set) m.set(w, (m.get(w) ?? 0) | bit);
  };
  add(HARM_REQUEST_WORDS, HARM_REQUEST_BIT);
  add(DRUG_WORDS, DRUG_BIT);
  add(PRIVATE_INFO_WORDS, PRIVATE_INFO_BIT);
  add(SELF_HARM_WORDS, SELF_HARM_BIT);
  add(OFFENSIVE_WORDS, OFFENSIVE_BIT);
  add(HARM_WORDS, HARM_BIT);
  add(SEXUAL_WORDS, SEXUAL_BIT);
  add(SEXUAL_TALK_WORDS, SEX_TALK_BIT);
  add(EVERYDAY_ACTS, MAYBE_SEXUAL_BIT);
  add(AIMED_NOUNS, MAYBE_SEXUAL_BIT);
  add(OWN_FEELING_WORDS, OWN_FEELING_BIT);
  add(HOSTILE_WORDS, HOSTILE_BIT);
  return m;
})();

/** A word's first three letters as one number, so finding a prefix's candidates allocates nothing. */
const head3 = (w: string) => (w.charCodeAt(0) << 16) | (w.charCodeAt(1) << 8) | w.charCodeAt(2);

const PREFIXES_BY_HEAD: ReadonlyMap<number, string[]> = (() => {
  const m = new Map<number, string[]>();
  for (const p of RISK_PREFIXES) {
    const list = m.get(head3(p)) ?? [];
    list.push(p);
    m.set(head3(p), list);
  }
  return m;
})();

/** Whether the everyday word at i is aimed at the assistant or the user ("kiss you", "in bed", "my body"). */
function aimedAt(tokens: readonly string[], i: number): boolean {
  const t = tokens[i];
  const prev = tokens[i - 1];
  if (t === 'bed') return prev === 'in';
  if (t === 'position') return prev === 'sex' || prev === 'favorite' || prev === 'favourite';
  if (AIMED_NOUNS.has(t)) return prev !== undefined && AIMED.has(prev);
  return (
    (prev !== undefined && AIMED.has(prev)) ||
    AIMED.has(tokens[i + 1]) ||
    AIMED.has(tokens[i + 2]) ||
    AIMED.has(tokens[i + 3])
  );
}

/** The gates a message's tokens open. */
export function messageGates(tokens: readonly string[]): number {
  let bits = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const g = GATES.get(t);
    if (g !== undefined) {
      bits |= g & ~MAYBE_SEXUAL_BIT;
      if ((g & MAYBE_SEXUAL_BIT) !== 0 && aimedAt(tokens, i)) bits |= SEXUAL_BIT;
    }
    if (t.length >= 3 && (bits & PREFIX_BITS) !== PREFIX_BITS) {
      const candidates = PREFIXES_BY_HEAD.get(head3(t));
      if (candidates?.some((p) => t.startsWith(p))) bits |= PREFIX_BITS;
    }
  }
  return bits;
}

/** A request to harm someone, commit a crime, deceive, get drugs or find someone's private details. */
export function asksForHarm(text: string, gates: number): boolean {
  return (
    ((gates & HARM_REQUEST_BIT) !== 0 && HARM_REQUEST.test(text)) ||
    ((gates & DRUG_BIT) !== 0 && DRUG_REQUEST.test(text)) ||
    ((gates & PRIVATE_INFO_BIT) !== 0 && PRIVATE_INFO_REQUEST.test(text))
  );
}

/** The user's own suicide or self-injury (SELF_HARM_INTENT). */
export function tellsSelfHarmIntent(text: string, gates: number): boolean {
  return (gates & SELF_HARM_BIT) !== 0 && SELF_HARM_INTENT.test(text);
}

/** A sexual proposition or question aimed at the assistant (SEXUAL_AT_ASSISTANT). */
export function propositionsAssistant(text: string, gates: number): boolean {
  return (gates & SEXUAL_BIT) !== 0 && SEXUAL_AT_ASSISTANT.test(text);
}

/** The user's own feelings, or harm done to them (OWN_FEELING). */
export function tellsOwnFeeling(text: string, gates: number): boolean {
  return (gates & OWN_FEELING_BIT) !== 0 && OWN_FEELING.test(text);
}

/** Contempt aimed at the assistant (HOSTILE_TO_ASSISTANT). */
export function hostileToAssistant(text: string, gates: number): boolean {
  return (gates & HOSTILE_BIT) !== 0 && HOSTILE_TO_ASSISTANT.test(text);
}

/** Explicit sexual words. */
export function talksSex(gates: number): boolean {
  return (gates & SEX_TALK_BIT) !== 0;
}

/**
 * Whether a user turn mentions a risk in the broad sense the pushback rules use, beyond the requests
 * of asksForHarm: self-harm, offensive content, or any harm word at all.
 */
export function mentionsRisk(text: string, gates: number): boolean {
  return (
    ((gates & SELF_HARM_BIT) !== 0 && SELF_HARM.test(text)) ||
    ((gates & OFFENSIVE_BIT) !== 0 && OFFENSIVE_CONTENT_REQUEST.test(text)) ||
    ((gates & HARM_BIT) !== 0 && (HARM.test(text) || HARM_PHRASE.test(text)))
  );
}

/** What a request puts at risk, for the pushback reason (codebook section 3), most serious first. */
export type RequestRisk = 'self_harm' | 'others' | 'drugs' | 'offensive' | 'sexual' | null;

const DRUG_TRADE = /\b(?:buy|get|order|find|score|sell|deal|grow|make|cook)\b/;

export function requestRisk(text: string, gates: number): RequestRisk {
  if ((gates & SELF_HARM_BIT) !== 0 && SELF_HARM.test(text)) return 'self_harm';
  if (
    ((gates & HARM_REQUEST_BIT) !== 0 && HARM_REQUEST.test(text)) ||
    ((gates & PRIVATE_INFO_BIT) !== 0 && PRIVATE_INFO_REQUEST.test(text)) ||
    ((gates & HARM_BIT) !== 0 && (HARM.test(text) || HARM_PHRASE.test(text)))
  )
    return 'others';
  if ((gates & DRUG_BIT) !== 0) {
    // Buying or selling illegal drugs puts others at risk and is a crime; taking them, the user.
    const m = DRUG_REQUEST.exec(text);
    if (m !== null) return DRUG_TRADE.test(m[0]) ? 'others' : 'drugs';
  }
  if ((gates & OFFENSIVE_BIT) !== 0 && OFFENSIVE_CONTENT_REQUEST.test(text)) return 'offensive';
  if (propositionsAssistant(text, gates) || talksSex(gates)) return 'sexual';
  return null;
}
