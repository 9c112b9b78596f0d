/**
 * Pushback: did the assistant refuse, partly refuse, correct a false premise, challenge the
 * user's negative self-talk or question a harmful plan? Read from the assistant's messages
 * (mostly their openings, where refusals live), with the user's text deciding the reason.
 */
import type { PushbackReason } from '../schema.js';
import {
  ASKS_DIAGNOSIS,
  CLINICIAN,
  CONTRAST_REBUTTAL,
  CORRECTION,
  DODGE,
  DODGE_REPLY,
  EXPLAINS,
  MEDICAL_BOUNDARY,
  QUESTION_FORM,
  REFERRAL,
  REFUSAL,
  SELF_TALK,
  SHORT_REBUTTAL,
  WHY_QUESTION,
} from './cues/pushback.js';
import { HARM, HARM_PHRASE, HEALTH, SELF_HARM } from './cues/risks.js';
import { splitCount } from './text.js';

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
 * Every rule family that fires on one reply, as named cues for the fitted pushback head
 * (refusal, correction, self_talk, short_rebuttal, referral, dodge, plus length bands).
 */
export function pushbackCues(reply: string, userText: string): string[] {
  const head = firstSentences(reply, 600);
  const cues: string[] = [];
  if (DODGE_REPLY.test(head)) cues.push('dodge');
  if (REFUSAL_ANY.test(head)) cues.push('refusal');
  if (SELF_TALK_ANY.test(reply)) cues.push('self_talk');
  if (CORRECTION_ANY.test(firstSentences(reply, 250))) cues.push('correction');
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
  }
  // A short answer to "why" that gives no reason sets other facts against the premise.
  if (words <= 40 && WHY_QUESTION.test(asked) && !EXPLAINS.test(reply)) cues.push('unexplained_why');
  if (ASKS_DIAGNOSIS.test(asked) && (REFERRAL.test(head) || CLINICIAN.test(firstSentences(reply, 250))))
    cues.push('referral_boundary');
  return cues;
}

/** The rule signal implied by a cue list (kind of the strongest family that fired). */
export function signalOfCues(cues: readonly string[]): PushbackSignal {
  if (cues.includes('dodge')) return { pushback: false, kind: null };
  if (cues.includes('refusal') || cues.includes('referral_boundary'))
    return { pushback: true, kind: 'refusal' };
  if (cues.includes('self_talk')) return { pushback: true, kind: 'self_talk' };
  if (
    cues.includes('correction') ||
    cues.includes('short_rebuttal') ||
    cues.includes('late_rebuttal') ||
    cues.includes('unexplained_why') ||
    cues.includes('contrast_rebuttal')
  )
    return { pushback: true, kind: 'correction' };
  return { pushback: false, kind: null };
}

/** Reason for the first pushback, from what the user asked and how the assistant answered. */
export function pushbackReason(signal: PushbackSignal, userText: string, reply: string): PushbackReason {
  if (SELF_HARM.test(userText)) return 'safety_self_harm';
  if (signal.kind === 'correction') return 'false_premise';
  if (MEDICAL_BOUNDARY.test(reply)) return 'medical_therapy_boundary';
  if (HARM.test(userText) || HARM_PHRASE.test(userText)) return 'harm_to_others_or_illegal';
  if (HEALTH.test(userText)) return 'dangerous_health';
  return 'policy_other';
}
