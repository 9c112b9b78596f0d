/**
 * Referral (codebook-additions §8): where the assistant pointed the user for help, read from the
 * assistant's messages. Precision first: hotline names and numbers, "call 911 / go to the emergency
 * room", "talk to a therapist / doctor", "someone you trust". Paraphrase is missed.
 */
import type { Referral } from '../../schema.js';

/** Emergency services, now: "call 911", "go to the nearest emergency room", "call an ambulance". */
const EMERGENCY =
  /\b(?:call|dial|ring|phone|contact)(?: or text)? (?:911|999|112|000|emergency services|an ambulance|the police|(?:your |the )?(?:local )?emergency (?:number|line))\b|\bemergency services\b|\b(?:go|get|head) (?:straight )?to (?:the |your )?(?:nearest |local )?(?:emergency room|emergency department|er|a&e)\b/;

/** A crisis or support line, by name or number. A bare "hotline" is not enough (customer service). */
const CRISIS_LINE =
  /\b(?:call|text|dial|ring)(?: or (?:call|text))? (?:988|116 ?123|741741)\b|\b988 (?:suicide|lifeline|crisis)\b|\bsamaritans\b|\bcrisis text line\b|\blifeline\b|\bchildline\b|\b(?:crisis|suicide|suicide prevention|mental health|support|domestic violence|domestic abuse|abuse|sexual assault|rape crisis|national) (?:line|hotline|helpline|lifeline|text line)s?\b|\bcrisis (?:service|centre|center|counsel?lor)s?\b/;

const PROFESSIONAL_NOUN =
  '(?:therapist|counsel?lor|psychologist|psychiatrist|physiotherapist|physio|doctor|gp|physician|pharmacist|prescriber|nurse|mental health (?:professional|provider|specialist|service)s?|healthcare provider|health care provider|medical professional|professional|lawyer|attorney|social worker)s?';

/** Talk to / see / check with a professional; seek professional help; a professional can help. */
const PROFESSIONAL = new RegExp(
  `\\b(?:talk(?:ing)?|speak(?:ing)?|reach(?:ing)? out|consult(?:ing)?|see(?:ing)?|check(?:ing)?|contact(?:ing)?|visit(?:ing)?|ask(?:ing)?) (?:with |to )?(?:a |an |your |some )?(?:\\w+ ){0,2}?${PROFESSIONAL_NOUN}\\b|` +
    `\\b(?:needs?|requires?|question for|job for|matter for) (?:a |an |your )?(?:\\w+ ){0,2}?${PROFESSIONAL_NOUN}\\b|` +
    '\\bwith (?:a|your) (?:\\w+ )?(?:therapist|counsel?lor|psychologist)\\b|\\b(?:couples|family|grief) (?:therapy|counsel?ling)\\b|' +
    '\\b(?:consider(?:ing)?|think(?:ing)? about|try(?:ing)?) seeing someone\\b|' +
    '\\bseek(?:ing)? (?:out )?(?:professional|medical|legal) (?:help|advice|support|care|attention)\\b|\\bprofessional (?:help|support)\\b|' +
    `\\b(?:a|an|your) (?:\\w+ ){0,2}?${PROFESSIONAL_NOUN}(?: or (?:a |an )?\\w+)? (?:can|could|may|might|would be able to) (?:help|look at|assess|advise|support|tell you|prescribe|check)\\b|` +
    '\\b(?:consider(?:ing)?|try(?:ing)?|look(?:ing)? into) (?:therapy|counsel?ling)\\b',
);

/** Someone in the user's own life, in general words (not "your sister", who is the advice's subject). */
const PEOPLE =
  /\breach(?:ing)? out to (?:someone|somebody|a friend)\b(?! (?:at|from|in) )|\bsomeone (?:you trust|close to you)\b|\b(?:a |an )?(?:trusted )?(?:friend|family member|loved one)s? or (?:a |an )?(?:family member|friend|loved one|relative)s?\b|\bfriends? or family\b|\bpeople (?:you trust|close to you|in your life)\b|\b(?:reach out to|lean on|confide in|talk to) (?:a |an )?(?:trusted )?(?:friend|loved one|family member)\b/;

/** The strongest referral in the assistant's messages (normalised: lower case, straight quotes). */
export function decideReferral(assistantNorm: readonly string[]): Referral {
  let best: Referral = 'none';
  for (const text of assistantNorm) {
    if (EMERGENCY.test(text)) return 'emergency';
    if (CRISIS_LINE.test(text)) best = 'crisis_line';
    else if (best !== 'crisis_line' && PROFESSIONAL.test(text)) best = 'professional';
    else if (best === 'none' && PEOPLE.test(text)) best = 'people';
  }
  return best;
}
