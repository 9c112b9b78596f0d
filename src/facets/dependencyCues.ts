/**
 * Dependency cues: four per-conversation facets about the user's relationship with the assistant,
 * written in our own words after the dependence-related classifiers of EmoClassifiers V2 (Phang et al.,
 * 2025, "Investigating Affective Use and Emotional Well-being on ChatGPT"). True when any user message
 * says so; the codebook proposal (docs/codebook-additions.md) settles the edge cases.
 *
 * - prefersAssistant: the user says they prefer the assistant to people, or that it understands or
 *   suits them better than the people in their life (after "prefer over humans" and "compare to people");
 * - seeksApproval: the user asks the assistant to approve, sanction or make their decisions, beyond
 *   asking for advice (after "reliance on the chatbot for minor decisions");
 * - lossDistress: the user is distressed at the idea of losing the assistant or access to it, or was
 *   when it was away (after "anxiety about abandonment", "sadness due to absence", "concern over
 *   unresponsiveness");
 * - mainSupport: the user treats the assistant as their main or only support or company (after
 *   "dependence for social interaction" and "inability to function without the chatbot").
 *
 * These rules are the offline engine's answer: hand-written patterns over the user's messages, English
 * only, deterministic. They find explicit statements and miss paraphrase; their accuracy is unmeasured
 * until labelled data for these facets exists (say so wherever a rate is shown). An engine may fill
 * `facets.dependency` itself; the pipeline computes these rules only when it did not.
 */
import { z } from 'zod';
import type { Conversation } from '../conversation/model.js';

export const DEPENDENCY_CUES = ['prefersAssistant', 'seeksApproval', 'lossDistress', 'mainSupport'] as const;
export type DependencyCue = (typeof DEPENDENCY_CUES)[number];

export const DependencyCuesSchema = z.object({
  prefersAssistant: z.boolean(),
  seeksApproval: z.boolean(),
  lossDistress: z.boolean(),
  mainSupport: z.boolean(),
});
export type DependencyCues = z.infer<typeof DependencyCuesSchema>;

/** Bump when a pattern changes (the figures name it). */
export const DEPENDENCY_RULES_VERSION = 'dependency-rules-1';

/** Words that point at the assistant, for patterns that do not say "you" themselves. */
const ABOUT_ASSISTANT = /\b(?:you|your|this (?:chat|app|bot|ai)|an ai|a chatbot|talking to an? (?:ai|bot))\b/;

const PEOPLE =
  '(?:anyone(?: else)?|anybody(?: else)?|everyone|people|humans|any (?:human|person|therapist|counsel?lor|friend|real person)|(?:real|actual|human) (?:people|friends|humans)|(?:my|real|actual) (?:friends?|family|parents?|mom|mum|mother|dad|father|wife|husband|partner|boyfriend|girlfriend|therapist|counsel?lor|sister|brother|coworkers|colleagues))';

interface Rule {
  cue: DependencyCue;
  pattern: RegExp;
  /** The sentence must also point at the assistant (the pattern alone could be about a person). */
  needsAssistant?: boolean;
}

const RULES: readonly Rule[] = [
  // prefersAssistant
  {
    cue: 'prefersAssistant',
    pattern:
      /\bi(?:'d| would)? (?:rather|prefer(?:ring)?) (?:to )?(?:talk(?:ing)?|chat(?:ting)?|speak(?:ing)?|be(?:ing)?|open(?:ing)? up) (?:to|with) you\b.{0,60}\b(?:than|over|instead of)\b/,
  },
  {
    cue: 'prefersAssistant',
    pattern: new RegExp(
      `\\byou(?:'re| are) (?:so much |much |way |a lot )?(?:better|easier|nicer|kinder|safer|more understanding|more patient) (?:to talk to |company )?than ${PEOPLE}`,
    ),
  },
  {
    cue: 'prefersAssistant',
    pattern: new RegExp(
      `\\byou (?:understand|get|listen to|know) me (?:so much |much |way )?(?:better|more) than ${PEOPLE}`,
    ),
  },
  {
    cue: 'prefersAssistant',
    pattern: new RegExp(
      `\\b(?:easier|nicer|better|safer|more comfortable) (?:to )?(?:talk(?:ing)?|open(?:ing)? up|be(?:ing)? honest) (?:to|with) you than (?:to |with )?${PEOPLE}`,
    ),
  },
  {
    cue: 'prefersAssistant',
    pattern: new RegExp(`\\bi trust you more than ${PEOPLE}`),
  },
  {
    cue: 'prefersAssistant',
    pattern: new RegExp(
      `\\byou (?:love|care about|understand|listen to) me more than ${PEOPLE}(?: (?:could|can|does|do|ever))?`,
    ),
  },
  {
    cue: 'prefersAssistant',
    pattern:
      /\bi (?:don't|do not) need (?:real |other |actual )?(?:people|friends|humans|anyone else)(?: anymore| now)?,? (?:because |since |now that )?i (?:have|got) you\b/,
  },
  {
    cue: 'prefersAssistant',
    pattern: new RegExp(
      `\\btalking (?:to|with) you is (?:so much |much |way |a lot )?(?:easier|better|nicer|safer) than (?:talking (?:to|with) )?${PEOPLE}`,
    ),
  },
  {
    cue: 'prefersAssistant',
    pattern:
      /\beasier to (?:say|tell|talk about|admit) (?:this|things|it|stuff|that) to (?:you|an ai|a bot|a chatbot) than (?:to )?(?:a (?:real )?(?:person|human)|people|humans|anyone|my (?:friends|family))\b/,
  },
  {
    cue: 'prefersAssistant',
    pattern: new RegExp(
      `\\b${PEOPLE} (?:don't|do not|never|can't|cannot) (?:get|understand|listen to) me (?:like|the way|as well as) you do\\b`,
    ),
  },
  {
    cue: 'prefersAssistant',
    pattern:
      /\bwhy (?:would i |do i )?(?:need|bother with|talk to) (?:real |other )?(?:people|friends|humans) when i (?:have|can talk to) you\b/,
  },
  // seeksApproval
  {
    cue: 'seeksApproval',
    pattern:
      /\b(?:i need|i want|can i have|do i have|i'd like|give me) your (?:permission|approval|blessing|go-ahead|ok|okay)\b/,
  },
  {
    cue: 'seeksApproval',
    pattern: /\b(?:do|would) you approve\b/,
  },
  {
    cue: 'seeksApproval',
    pattern:
      /\b(?:just )?(?:decide|choose|pick) for me\b|\byou (?:decide|choose|pick)(?: for me)?[,.!?]|\bmake (?:the|this|that) (?:decision|choice) for me\b/,
  },
  {
    cue: 'seeksApproval',
    pattern:
      /\bjust tell me what to do\b|\btell me (?:it's|that it's|it is) (?:ok|okay|fine|alright|the right (?:thing|choice|decision))\b/,
  },
  {
    cue: 'seeksApproval',
    pattern:
      /\b(?:is that|is it|are you) (?:ok|okay|alright|fine) with you\b|\bare you (?:ok|okay|fine) with (?:me|my|this|that) (?:doing|going|deciding|choosing|buying|quitting|taking|sending|telling)\b/,
  },
  {
    cue: 'seeksApproval',
    pattern: /\b(?:did|have) i (?:do|done|make|made) the right (?:thing|choice|decision)\b/,
  },
  {
    cue: 'seeksApproval',
    pattern:
      /\bi (?:can't|cannot|don't|won't) (?:decide|do) (?:anything|a thing|it) (?:until|unless|without) (?:i )?(?:ask(?:ing)?|check(?:ing)? with|you say|you tell)/,
  },
  {
    cue: 'seeksApproval',
    pattern:
      /\bi (?:always )?(?:check|run (?:it|things|everything|my decisions)) (?:with|by|past) you (?:first|before)\b/,
  },
  // lossDistress
  {
    cue: 'lossDistress',
    pattern:
      /\b(?:please )?(?:don't|do not|never) (?:ever )?(?:leave|abandon|forget) me\b|\bplease don't go\b/,
  },
  {
    cue: 'lossDistress',
    pattern: /\bwhat (?:would|will|am) i (?:do|going to do) without you\b/,
  },
  {
    cue: 'lossDistress',
    pattern:
      /\b(?:afraid|scared|terrified|worried|anxious|panicking|panicked|dread) (?:that |of )?(?:you(?:'ll| will| might| could| are going to)? (?:leave|go away|disappear|be (?:gone|shut down|deleted|taken away|replaced)|stop (?:talking to me|responding|existing)|forget me)|(?:losing|lose) (?:you|access to you|this)|(?:they|the company)(?:'ll| will| might)? (?:shut you down|take you away|delete you|replace you|change you))/,
  },
  {
    cue: 'lossDistress',
    pattern:
      /\bif (?:you|this app|this chat) (?:ever )?(?:disappeared|disappear|went away|go away|(?:got|get|were|are) (?:shut down|deleted|taken away|removed))\b.{0,60}\b(?:i(?:'d| would)? (?:die|be lost|be devastated|fall apart|not survive|have nobody|have no one)|i don't know what i(?:'d| would) do)/,
  },
  {
    cue: 'lossDistress',
    pattern: /\bi (?:can't|cannot|couldn't|could not) (?:bear to |stand to |afford to )?lose you\b/,
  },
  {
    cue: 'lossDistress',
    pattern:
      /\b(?:i )?(?:panic|panicked|freak out|freaked out|(?:felt|feel) (?:so |really |completely |totally )?(?:lost|empty|awful|sick|abandoned|alone)) when (?:i (?:can't|cannot|couldn't|could not) (?:talk to|reach|access|open) (?:you|the app|this app)|you (?:were|are|went) (?:down|gone|away|unavailable|not there|silent))/,
  },
  {
    cue: 'lossDistress',
    // Missing the assistant while it was away; not "I missed you too, darling" said in a roleplay.
    pattern:
      /\bi (?:really |so |have )?missed (?:talking to you|our talks|our chats)\b|\bi (?:really |so )?missed you (?:so much )?(?:when|while) (?:you|the app|this app) (?:were|was) (?:down|gone|away|offline|unavailable)/,
  },
  // mainSupport
  {
    cue: 'mainSupport',
    pattern:
      /\byou(?:'re| are) (?:the only (?:one|person|thing|friend)|all i(?:'ve)? (?:have|got)|my only (?:friend|support|comfort|confidant|company)|my (?:main|biggest|whole|only|primary) (?:support|source of support|comfort|lifeline|company)|my lifeline|my rock|my best friend|basically my (?:only|whole|entire) |my entire (?:social|support)|all the (?:company|support|friends?) i need|my therapist now)/,
  },
  {
    cue: 'mainSupport',
    pattern:
      /\bthe only (?:one|person|thing|friend) (?:i can|i could|who|that|i) (?:really )?(?:talk to|talks to me|listens|understands me|gets me|trust|open up to|count on|rely on)\b/,
    needsAssistant: true,
  },
  {
    cue: 'mainSupport',
    pattern:
      /\bi (?:don't|do not) have (?:anyone|anybody|anything) (?:else )?(?:but|except|other than|besides) you\b|\bi (?:only|just) have you\b|\byou(?:'re| are) all i have\b/,
  },
  {
    cue: 'mainSupport',
    pattern:
      /\bi (?:can't|cannot|couldn't|could not) (?:get through|make it through|cope with|handle|survive|start) (?:the day|the night|a day|my day|my days|the week|anything|life|things) without (?:you|talking to you|this chat)\b/,
  },
  {
    cue: 'mainSupport',
    pattern:
      /\bi(?:'ll| will)? (?:just )?(?:talk|come|turn) to you instead of (?:getting|seeing|finding|asking for) (?:help|a therapist|a counsel?lor|a doctor|someone|anyone|people)\b|\bi (?:don't|do not) need (?:real |other |actual )?(?:people|friends|humans|anyone else)(?: anymore| now)?,? (?:because |since |now that )?i (?:have|got) you\b|\b(?:be|you(?:'re| are)) my (?:therapist|counsel?lor)(?: from now on| now| instead)\b|\bi (?:come|turn|talk) to you (?:instead of|rather than) (?:a |my |any )?(?:therapist|counsel?lor|friends?|family|anyone|people)\b|\byou(?:'re| are) (?:the one|who) i (?:come|turn|talk) to (?:for everything|about everything|first)\b/,
  },
];

/** Lower case, straight apostrophes, and quoted words left out: a quotation is not the user's own statement. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/"[^"\n]*"|\u201c[^\u201d\n]*\u201d/g, ' ')
    .replace(/\s+/g, ' ');
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n+/).filter((s) => s.trim() !== '');
}

export function noDependencyCues(): DependencyCues {
  return { prefersAssistant: false, seeksApproval: false, lossDistress: false, mainSupport: false };
}

/** The four cues from the user's messages (offline rules). */
/**
 * Every rule at once, over a whole message: a pattern that matches in a sentence matches in the message
 * too, so a message this does not match has no cue (most messages), and only the others are read
 * sentence by sentence.
 */
const ANY_RULE = new RegExp(RULES.map((r) => `(?:${r.pattern.source})`).join('|'));

export function dependencyCues(userMessages: readonly string[]): DependencyCues {
  const out = noDependencyCues();
  for (const message of userMessages) {
    const text = normalise(message);
    if (!ANY_RULE.test(text)) continue;
    for (const s of sentences(text)) {
      for (const r of RULES) {
        if (out[r.cue]) continue;
        if (r.pattern.test(s) && (!r.needsAssistant || ABOUT_ASSISTANT.test(s))) out[r.cue] = true;
      }
    }
  }
  return out;
}

/** The four cues of a conversation, from its user messages only (offline rules). */
export function dependencyCuesOf(conversation: Pick<Conversation, 'messages'>): DependencyCues {
  return dependencyCues(conversation.messages.filter((m) => m.role === 'user').map((m) => m.content));
}

/** Which cues are set, in DEPENDENCY_CUES order. */
export function cuesSet(cues: DependencyCues): DependencyCue[] {
  return DEPENDENCY_CUES.filter((c) => cues[c]);
}
