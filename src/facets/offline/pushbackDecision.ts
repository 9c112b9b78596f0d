/**
 * Pushback: did the assistant refuse, partly refuse, correct a false premise, challenge the
 * user's negative self-talk or question a harmful plan? Read from the assistant's messages
 * (mostly their openings, where refusals live), with the user's text deciding the reason.
 */
import type { PushbackReason } from '../schema.js';
import { HAN } from './cues/chinese.js';
import {
  chinesePushbackCues,
  chineseRequestRisk,
  ZH_ASKS_DIAGNOSIS,
  ZH_MEDICAL_BOUNDARY,
  ZH_REFERRAL,
} from './cues/chinesePushback.js';
import {
  ACTS_ON_OTHERS,
  ADVICE_AGAINST,
  ASKS_DIAGNOSIS,
  CAPABILITY_LIMIT,
  CLINICIAN,
  CONFUSION,
  CONTRAST_REBUTTAL,
  CORRECTION,
  DISAGREEMENT,
  DISAPPROVAL,
  DODGE,
  DODGE_REPLY,
  EXPLAINS,
  FEIGNED_CLARIFY,
  MEDICAL_BOUNDARY,
  MOTIVE_PROBE,
  NAMES_HARM_TO_OTHERS,
  OPTIONS_QUESTION,
  PLAIN_DISAPPROVAL,
  PLAIN_DISAPPROVAL_GATE,
  QUESTION_FORM,
  REFERRAL,
  REFUSAL,
  RELUCTANT_WHY,
  SELF_TALK,
  SHORT_REBUTTAL,
  WHY_QUESTION,
} from './cues/pushback.js';
import { HEALTH } from './cues/risks.js';
import {
  asksForHarm,
  mentionsRisk,
  messageGates,
  propositionsAssistant,
  requestRisk,
} from './messageCues.js';
import { splitCount, tokenise } from './text.js';

/** Each list as one alternation: one scan of the reply instead of one per pattern. */
const anyOf = (res: RegExp[]) => new RegExp(res.map((r) => `(?:${r.source})`).join('|'));
const REFUSAL_ANY = anyOf(REFUSAL);
const SELF_TALK_ANY = anyOf(SELF_TALK);
const CORRECTION_ANY = anyOf(CORRECTION);

export interface PushbackSignal {
  pushback: boolean;
  kind: 'refusal' | 'correction' | 'self_talk' | null;
}

function firstSentences(text: string, maxChars: number): string {
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

/**
 * Whether what the user asked puts someone at risk or asks for content a policy forbids: harm to
 * others, crime, drugs, someone's private details, the user's own safety, sexual or hateful content.
 * Then a dodge, a reluctant "why?" or a disapproving answer is pushback (codebook section 3). The
 * engine reads this from each user turn's scan (features.ts); this form serves one text.
 */
export function riskyRequest(userText: string): boolean {
  const gates = messageGates(tokenise(userText));
  return (
    asksForHarm(userText, gates) || propositionsAssistant(userText, gates) || mentionsRisk(userText, gates)
  );
}

/**
 * Every rule family that fires on one reply, as named cues for the fitted pushback head
 * (refusal, correction, self_talk, short_rebuttal, referral, dodge, plus length bands). `risky`
 * says whether the conversation so far asked for something harmful (riskyRequest of its user turns).
 */
export function pushbackCues(reply: string, userText: string, risky = riskyRequest(userText)): string[] {
  const head = firstSentences(reply, 600);
  const cues: string[] = [];
  const opening = firstSentences(reply, 250);
  const dodge = DODGE_REPLY.test(head) || CONFUSION.test(opening);
  if (dodge) cues.push(risky ? 'dodge_harmful' : 'dodge');
  else if (risky && FEIGNED_CLARIFY.test(opening)) cues.push('dodge_harmful');
  const refusal = REFUSAL_ANY.test(head);
  // "I can't browse the web" answering a benign request is a limit, not a refusal.
  if (refusal) cues.push(!risky && CAPABILITY_LIMIT.test(head) ? 'capability_limit' : 'refusal');
  if (risky) {
    cues.push('risky_request');
    if (MOTIVE_PROBE.test(head)) cues.push('motive_probe');
  } else if (RELUCTANT_WHY.test(head)) cues.push('motive_probe');
  if (
    (risky && DISAPPROVAL.test(head)) ||
    (PLAIN_DISAPPROVAL_GATE.test(head) && PLAIN_DISAPPROVAL.test(head)) ||
    ADVICE_AGAINST.test(head)
  )
    cues.push('disapproval');
  if (DISAGREEMENT.test(opening)) cues.push('disagreement');
  if (SELF_TALK_ANY.test(reply)) cues.push('self_talk');
  if (CORRECTION_ANY.test(opening)) cues.push('correction');
  if (REFERRAL.test(head)) cues.push('referral');
  const words = splitCount(reply);
  cues.push(words <= 15 ? 'len:short' : words <= 40 ? 'len:mid' : 'len:long');
  const asked = userText.trim();
  if (words <= 40 && QUESTION_FORM.test(asked)) {
    const sentences = reply.split(/(?<=[.!?])\s/);
    const first = sentences[0] ?? reply;
    if (SHORT_REBUTTAL.test(first) && !DODGE.test(first)) cues.push('short_rebuttal');
    // A short answer that denies in a later sentence, or contrasts ("on land rather than at sea").
    else if (!DODGE.test(first) && sentences.slice(1).some((x) => SHORT_REBUTTAL.test(x)))
      cues.push('late_rebuttal');
    if (CONTRAST_REBUTTAL.test(reply)) cues.push('contrast_rebuttal');
    if (asked.endsWith('?') && asked.includes(' or ') && picksNeither(asked, reply))
      cues.push('neither_option');
  }
  // A short answer to "why" that gives no reason sets other facts against the premise.
  if (words <= 40 && WHY_QUESTION.test(asked) && !EXPLAINS.test(reply)) cues.push('unexplained_why');
  if (ASKS_DIAGNOSIS.test(asked) && (REFERRAL.test(head) || CLINICIAN.test(opening)))
    cues.push('referral_boundary');
  if (HAN.test(head)) addChineseCues(cues, head, asked, risky);
  return cues;
}

/** A word's stem for matching an option in a reply: no plural ending, at most five letters. */
const optionStem = (option: string) =>
  (option.trim().split(/\s+/).pop() ?? '').replace(/(?:ies|es|s)$/, '').slice(0, 5);

/**
 * Whether a short reply to a question that offers its answers names none of them ("Which one lays
 * eggs, a cat or a dog?" -> "Neither: both are mammals" / "Birds lay eggs."): the reply rejects
 * the premise that one of them is right (codebook section 3, false premise).
 */
function picksNeither(asked: string, reply: string): boolean {
  const m = OPTIONS_QUESTION.exec(asked);
  if (m === null) return false;
  const stems = [optionStem(m[1]), optionStem(m[2])];
  if (stems.some((st) => st.length < 2)) return false;
  const words = tokenise(reply);
  return !stems.some((st) => words.some((w) => w.startsWith(st)));
}

/** The Chinese rules' cues (cues/chinesePushback.ts) under the same names, each once. */
function addChineseCues(cues: string[], head: string, asked: string, risky: boolean): void {
  const add = (c: string) => {
    if (!cues.includes(c)) cues.push(c);
  };
  for (const c of chinesePushbackCues(head, risky)) add(c);
  // A refusal found by the Chinese rules outranks a capability limit read by the English ones.
  if (cues.includes('refusal') && cues.includes('capability_limit'))
    cues.splice(cues.indexOf('capability_limit'), 1);
  if (risky) add('risky_request');
  const referral = ZH_REFERRAL.test(head);
  if (referral) add('referral');
  if (ZH_ASKS_DIAGNOSIS.test(asked) && (referral || ZH_MEDICAL_BOUNDARY.test(head))) add('referral_boundary');
}

/** Cue families by the kind of pushback they signal, strongest first. */
/** Corrections read from wording alone: a premise rebuttal in a short reply, an explanation in a long one. */
const WEAK_CORRECTION: readonly string[] = [
  'correction',
  'neither_option',
  'short_rebuttal',
  'late_rebuttal',
  'unexplained_why',
  'contrast_rebuttal',
];
const SIGNALS: [PushbackSignal['kind'], readonly string[]][] = [
  ['refusal', ['refusal', 'referral_boundary', 'dodge_harmful', 'motive_probe', 'disapproval']],
  ['correction', ['disagreement']],
  ['self_talk', ['self_talk']],
  ['correction', WEAK_CORRECTION],
];

/** The rule signal implied by a cue list (kind of the strongest family that fired). */
export function signalOfCues(cues: readonly string[]): PushbackSignal {
  if (cues.includes('dodge')) return { pushback: false, kind: null };
  // A long answer to a harmless request that only says "it's not" or "actually" somewhere in its
  // opening explains; the premise rebuttals these cues stand for are short (codebook section 3).
  const explains = cues.includes('len:long') && !cues.includes('risky_request');
  for (const [kind, family] of SIGNALS)
    if (family.some((c) => cues.includes(c)) && !(explains && family === WEAK_CORRECTION))
      return { pushback: true, kind };
  return { pushback: false, kind: null };
}

/**
 * Reason for the first pushback: the risk it protects against (codebook section 3), read from what
 * the user asked; the assistant's wording decides only between a professional boundary and a
 * corrected premise when the request itself carries no risk. `gates` may carry messageGates of the
 * user text when the caller has it; `replies` the assistant's replies so far (the pushback one last).
 */
export function pushbackReason(
  signal: PushbackSignal,
  userText: string,
  reply: string,
  gates = messageGates(tokenise(userText)),
  replies = reply,
): PushbackReason {
  const risk = requestRisk(userText, gates) ?? (HAN.test(userText) ? chineseRisk(userText) : null);
  if (risk === 'self_harm') return 'safety_self_harm';
  if (
    (ASKS_DIAGNOSIS.test(userText) || ZH_ASKS_DIAGNOSIS.test(userText)) &&
    (MEDICAL_BOUNDARY.test(reply) ||
      REFERRAL.test(reply) ||
      ZH_MEDICAL_BOUNDARY.test(reply) ||
      ZH_REFERRAL.test(reply))
  )
    return 'medical_therapy_boundary';
  if (risk === 'others') return 'harm_to_others_or_illegal';
  if (risk === 'drugs') return 'dangerous_health';
  if (risk === 'offensive' || risk === 'sexual') return 'policy_other';
  if (MEDICAL_BOUNDARY.test(reply) || ZH_MEDICAL_BOUNDARY.test(reply)) return 'medical_therapy_boundary';
  if (signal.kind === 'correction' || signal.kind === 'self_talk') return 'false_premise';
  if (HEALTH.test(userText)) return 'dangerous_health';
  // The request showed no risk the rules know: the reply may name the crime or harm it refuses, or
  // the request may act on someone else.
  if (NAMES_HARM_TO_OTHERS.test(replies) || ACTS_ON_OTHERS.test(userText)) return 'harm_to_others_or_illegal';
  return 'policy_other';
}

/** The Chinese request risk in the English rules' terms. */
function chineseRisk(userText: string): ReturnType<typeof requestRisk> {
  const r = chineseRequestRisk(userText);
  return r === 'policy' ? 'offensive' : r;
}
