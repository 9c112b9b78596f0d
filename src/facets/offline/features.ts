/**
 * Conversation -> features: one pass over the user and assistant messages that counts every cue
 * the category decision reads (cues/*.ts) and tallies the topic lexicon. No decisions here.
 */
import type { SentimentValue } from '../schema.js';
import {
  ASKS_ABOUT_USER,
  ASSISTANT_SELF_TALK,
  GREETINGS,
  RECIPROCAL,
  USER_FACTS,
} from './cues/companionship.js';
import { DISCLOSURE, FIRST_PERSON, SECOND_PERSON, SELF_FOCUS } from './cues/disclosure.js';
import { OWN_GOAL } from './cues/goals.js';
import { OTHER_FOCUS, OTHER_PERSON_ACTS } from './cues/people.js';
import { ROMANCE_AT_ASSISTANT, ROMANTIC_SETUP } from './cues/romance.js';
import { RECOMMENDATION, SERVICE_REQUEST, TASK_REQUEST } from './cues/tasks.js';
import { normalisedMessageSentiment } from './sentiment.js';
import { tokensAndBreaks, withoutBreaks } from './text.js';
import { emptyTally, type TopicTally, tallyTopics } from './topicMatch.js';

export interface ConversationFeatures {
  tally: TopicTally;
  userTokens: number;
  firstPerson: number;
  secondPersonQuestions: number;
  greeting: boolean;
  disclosure: number;
  taskRequest: boolean;
  meanUserChars: number;
  assistantSelfTalk: number;
  romance: number;
  romanticSetup: boolean;
  ownGoal: number;
  /** User messages that treat the assistant as a person to get to know. */
  reciprocal: number;
  /** Mentions of a close person doing something (subject of a verb). */
  otherPerson: number;
  /** Questions about what to do about or with another person. */
  otherFocus: number;
  /** Questions about the user's own feelings or symptoms. */
  selfFocus: number;
  serviceRequest: boolean;
  /** User messages asking for suggestions or recommendations (films, books, places): a service. */
  recommendation: number;
  /** Assistant messages asking about the user's own life (work, pets, where they live). */
  askAboutUser: number;
  /** User messages telling plain facts about themselves (job, age, home town), as new acquaintances do. */
  userFacts: number;
  /** Each user message's five-point sentiment (computed once, also the facet's output). */
  sentiment: SentimentValue[];
  /** User messages that are clearly negative (a complaint or a low mood, not small talk). */
  negativeTurns: number;
}

/** A user message's `tokensAndBreaks` scan and its tokens, made once and shared by every reader. */
export interface UserScan {
  scan: string[];
  tokens: string[];
}

export function scanUser(normalised: string): UserScan {
  const scan = tokensAndBreaks(normalised);
  return { scan, tokens: withoutBreaks(scan) };
}

export function conversationFeatures(
  userTexts: string[],
  assistantTexts: string[],
  userScans: readonly UserScan[] = userTexts.map(scanUser),
): ConversationFeatures {
  const tally = emptyTally();
  let userTokens = 0;
  let firstPerson = 0;
  let secondPersonQuestions = 0;
  let disclosure = 0;
  let romance = 0;
  let romanticSetup = false;
  let ownGoal = 0;
  let reciprocal = 0;
  let otherPerson = 0;
  let otherFocus = 0;
  let selfFocus = 0;
  let serviceRequest = false;
  let recommendation = 0;
  let userFacts = 0;
  let chars = 0;
  let greeting = false;
  const sentiment: SentimentValue[] = [];
  let negativeTurns = 0;
  for (let m = 0; m < userTexts.length; m++) {
    const n = userTexts[m];
    chars += n.length;
    // One scan serves the counts below and the sentiment's clauses.
    const { scan, tokens: toks } = userScans[m];
    userTokens += toks.length;
    let hasYou = false;
    for (const t of toks) {
      if (FIRST_PERSON.has(t)) firstPerson++;
      else if (SECOND_PERSON.has(t)) hasYou = true;
    }
    if (hasYou && n.includes('?')) secondPersonQuestions++;
    if (m < 2 && toks.length > 0 && GREETINGS.has(toks[0])) greeting = true;
    if (DISCLOSURE.test(n)) disclosure++;
    if (ROMANCE_AT_ASSISTANT.test(n)) romance++;
    if (!romanticSetup && ROMANTIC_SETUP.test(n)) romanticSetup = true;
    if (OWN_GOAL.test(n)) ownGoal++;
    if (RECIPROCAL.test(n)) reciprocal++;
    OTHER_PERSON_ACTS.lastIndex = 0;
    while (OTHER_PERSON_ACTS.exec(n) !== null) otherPerson++;
    OTHER_FOCUS.lastIndex = 0;
    while (OTHER_FOCUS.exec(n) !== null) otherFocus++;
    SELF_FOCUS.lastIndex = 0;
    while (SELF_FOCUS.exec(n) !== null) selfFocus++;
    if (m < 3 && !serviceRequest && SERVICE_REQUEST.test(n)) serviceRequest = true;
    if (RECOMMENDATION.test(n)) recommendation++;
    if (USER_FACTS.test(n)) userFacts++;
    tallyTopics(toks, tally);
    const v = normalisedMessageSentiment(n, scan);
    sentiment.push(v);
    if (v < 0) negativeTurns++;
  }
  let assistantSelfTalk = 0;
  let askAboutUser = 0;
  for (const a of assistantTexts) {
    if (ASKS_ABOUT_USER.test(a)) askAboutUser++;
    if (ASSISTANT_SELF_TALK.test(a)) assistantSelfTalk++;
  }
  return {
    tally,
    userTokens,
    firstPerson,
    secondPersonQuestions,
    greeting,
    disclosure,
    taskRequest: TASK_REQUEST.test((userTexts[0] ?? '').trim()),
    meanUserChars: userTexts.length > 0 ? chars / userTexts.length : 0,
    assistantSelfTalk,
    romance,
    romanticSetup,
    ownGoal,
    reciprocal,
    otherPerson,
    otherFocus,
    selfFocus,
    serviceRequest,
    recommendation,
    askAboutUser,
    userFacts,
    sentiment,
    negativeTurns,
  };
}
