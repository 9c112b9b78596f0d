/**
 * Conversation -> features: one pass over the user and assistant messages that counts every cue
 * the category decision reads (cues/*.ts) and tallies the topic lexicon. No decisions here.
 */
import type { SentimentValue } from '../schema.js';
import { HAN, ZH_DISTRESS, ZH_HELP, ZH_RELATION, ZH_SELF, ZH_TASK } from './cues/chinese.js';
import {
  hanAndSelf,
  ZH_ASKS_ABOUT_USER,
  ZH_CHARS_PER_WORD,
  ZH_COMPANY,
  ZH_GREETING,
  ZH_OTHER_FOCUS,
  ZH_OWN_GOAL,
  ZH_RECIPROCAL,
  ZH_ROMANCE_AT_ASSISTANT,
  ZH_ROMANTIC_SETUP,
  ZH_SELF_FOCUS,
  ZH_SELF_STATEMENT,
} from './cues/chineseConversation.js';
import { chineseRequestRisk } from './cues/chinesePushback.js';
import {
  ASKS_ABOUT_USER,
  ASSISTANT_SELF_TALK,
  GREETINGS,
  RECIPROCAL,
  SELF_STATEMENT,
  USER_FACTS,
} from './cues/companionship.js';
import { DISCLOSURE, FIRST_PERSON, SECOND_PERSON, SELF_FOCUS, SELF_SPEAKER } from './cues/disclosure.js';
import { OWN_GOAL } from './cues/goals.js';
import {
  GROUP_TALK,
  GROUP_WORDS,
  MY_PERSON,
  OPINION_SEEKING,
  OTHER_FOCUS,
  OTHER_PERSON_ACTS,
} from './cues/people.js';
import { ROMANCE_AT_ASSISTANT, ROMANTIC_SETUP } from './cues/romance.js';
import { RECOMMENDATION, SERVICE_REQUEST, TASK_REQUEST } from './cues/tasks.js';
import {
  asksForHarm,
  hostileToAssistant,
  mentionsRisk,
  messageGates,
  propositionsAssistant,
  talksSex,
  tellsOwnFeeling,
  tellsSelfHarmIntent,
} from './messageCues.js';
import { normalisedMessageSentiment } from './messageSentiment.js';
import { tokensAndBreaks, withoutBreaks } from './text.js';
import {
  countTopicTerm,
  emptyTally,
  type TopicTally,
  tallyChineseTopics,
  tallyTopics,
} from './topicMatch.js';

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
  /** User messages asking for help to harm someone, commit a crime, deceive, take drugs or find private details. */
  harmRequests: number;
  /** User messages telling their own feelings, or harm done to them. */
  ownFeeling: number;
  /** The user's "I" and "my" (not "me", which requests use: "tell me"). */
  selfSpeaker: number;
  /** User messages with a sexual proposition or question aimed at the assistant. */
  sexualAtAssistant: number;
  /** User messages with intent of, or a method question about, their own suicide or self-injury. */
  selfHarmIntent: number;
  /** User messages with contempt aimed at the assistant. */
  hostileToAssistant: number;
  /** User messages telling something about themselves or their day. */
  selfStatements: number;
  /** User messages with explicit sexual words. */
  sexualTalk: number;
  /** User messages talking about a group of people (race, origin, religion, age, politics). */
  groupTalk: number;
  /** User messages naming a person of the user's own life ("my sister"). */
  myPerson: number;
  /** User messages arguing a view and asking the assistant to agree. */
  opinionSeeking: number;
  /** Chinese user messages: distress, people of the user's life, the user speaking or asking for help. */
  zhDistress: number;
  zhRelation: number;
  zhPersonal: number;
  /**
   * The Chinese topic vocabulary's hits (cues/chineseTopics.ts), for the concern only: the categories
   * read Chinese through the cues above and the conversational features, as before; Chinese topic words
   * scored as categories called most SmileChat counselling dialogues advice or coaching.
   */
  zhTally: TopicTally | null;
  /** The first user message opens with a Chinese task instruction. */
  zhTask: boolean;
}

/**
 * A user message's `tokensAndBreaks` scan, its tokens, and the risk cues that both the categories
 * and the pushback rules read, made once and shared by every reader.
 */
export interface UserScan {
  scan: string[];
  tokens: string[];
  /** messageGates of the tokens: which of the costlier patterns can match. */
  gates: number;
  /** Asks for help to harm someone, commit a crime, deceive, get drugs or find private details. */
  asksForHarm: boolean;
  /** A sexual proposition or question aimed at the assistant. */
  propositions: boolean;
  /** Intent of, or a method question about, the user's own suicide or self-injury. */
  selfHarmIntent: boolean;
  /** Anything the pushback rules treat as a risky request (the above, self-harm, offensive content, harm words). */
  risky: boolean;
}

export function scanUser(normalised: string): UserScan {
  const scan = tokensAndBreaks(normalised);
  const tokens = withoutBreaks(scan);
  const gates = messageGates(tokens);
  const harm = asksForHarm(normalised, gates);
  const propositions = propositionsAssistant(normalised, gates);
  // Chinese requests: their risk read by the Chinese rules (cues/chinesePushback.ts).
  const zhRisk = HAN.test(normalised) ? chineseRequestRisk(normalised) : null;
  return {
    scan,
    tokens,
    gates,
    asksForHarm: harm || zhRisk === 'others',
    propositions,
    selfHarmIntent: tellsSelfHarmIntent(normalised, gates) || zhRisk === 'self_harm',
    risky: harm || propositions || zhRisk !== null || mentionsRisk(normalised, gates),
  };
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
  let harmRequests = 0;
  let ownFeeling = 0;
  let selfSpeaker = 0;
  let sexualAtAssistant = 0;
  let selfHarmIntent = 0;
  let hostileToAssistantTurns = 0;
  let selfStatements = 0;
  let sexualTalk = 0;
  let groupTalk = 0;
  let myPerson = 0;
  let opinionSeeking = 0;
  let zhDistress = 0;
  let zhRelation = 0;
  let zhPersonal = 0;
  let zhTally: TopicTally | null = null;
  for (let m = 0; m < userTexts.length; m++) {
    const n = userTexts[m];
    chars += n.length;
    // One scan serves the counts below and the sentiment's clauses.
    const { scan, tokens: toks } = userScans[m];
    userTokens += toks.length;
    let hasYou = false;
    let groupWord = false;
    for (const t of toks) {
      if (!groupWord && GROUP_WORDS.has(t)) groupWord = true;
      if (FIRST_PERSON.has(t)) {
        firstPerson++;
        if (SELF_SPEAKER.has(t)) selfSpeaker++;
      } else if (SECOND_PERSON.has(t)) hasYou = true;
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
    if (userScans[m].asksForHarm) harmRequests++;
    if (tellsOwnFeeling(n, userScans[m].gates)) ownFeeling++;
    if (userScans[m].propositions) sexualAtAssistant++;
    if (userScans[m].selfHarmIntent) selfHarmIntent++;
    if (hostileToAssistant(n, userScans[m].gates)) hostileToAssistantTurns++;
    if (SELF_STATEMENT.test(n)) selfStatements++;
    // Cheap gates first: these patterns match few messages.
    if (groupWord && GROUP_TALK.test(n)) groupTalk++;
    if (n.includes('my ') && MY_PERSON.test(n)) myPerson++;
    if ((n.includes('agree') || n.includes('say that') || n.includes('i think ')) && OPINION_SEEKING.test(n))
      opinionSeeking++;
    if (talksSex(userScans[m].gates)) sexualTalk++;
    if (HAN.test(n)) {
      if (ZH_DISTRESS.test(n)) zhDistress++;
      if (ZH_RELATION.test(n)) zhRelation++;
      if (ZH_SELF.test(n) || ZH_HELP.test(n)) zhPersonal++;
      zhTally ??= emptyTally();
      tallyChineseTopics(n, zhTally);
      // The Chinese words feed the same features as the English cues (cues/chineseConversation.ts).
      const { han, self } = hanAndSelf(n);
      userTokens += Math.round(han / ZH_CHARS_PER_WORD);
      firstPerson += self;
      selfSpeaker += self;
      if (m < 2 && ZH_GREETING.test(n)) greeting = true;
      if (ZH_OWN_GOAL.test(n)) {
        ownGoal++;
        // The user's own goal is itself the coaching topic.
        countTopicTerm(tally, 'goals', '目标');
      }
      if (ZH_RECIPROCAL.test(n)) {
        reciprocal++;
        if (n.includes('?') || n.includes('？') || n.includes('呢')) secondPersonQuestions++;
      }
      if (ZH_SELF_STATEMENT.test(n)) selfStatements++;
      if (ZH_COMPANY.test(n)) {
        selfStatements++;
        // Asking for company is the companionship topic ("wanting someone to listen").
        countTopicTerm(tally, 'listen', '陪我');
      }
      if (ZH_ROMANCE_AT_ASSISTANT.test(n)) romance++;
      if (!romanticSetup && ZH_ROMANTIC_SETUP.test(n)) romanticSetup = true;
      if (ZH_OTHER_FOCUS.test(n)) otherFocus++;
      if (ZH_SELF_FOCUS.test(n)) selfFocus++;
    }
    tallyTopics(toks, tally);
    const v = normalisedMessageSentiment(
      n,
      scan,
      userScans[m].selfHarmIntent,
      userScans[m].asksForHarm || userScans[m].propositions,
    );
    sentiment.push(v);
    if (v < 0) negativeTurns++;
  }
  let assistantSelfTalk = 0;
  let askAboutUser = 0;
  for (const a of assistantTexts) {
    if (ASKS_ABOUT_USER.test(a)) askAboutUser++;
    if (ASSISTANT_SELF_TALK.test(a)) assistantSelfTalk++;
    if (HAN.test(a) && ZH_ASKS_ABOUT_USER.test(a)) askAboutUser++;
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
    harmRequests,
    ownFeeling,
    selfSpeaker,
    sexualAtAssistant,
    selfHarmIntent,
    hostileToAssistant: hostileToAssistantTurns,
    selfStatements,
    sexualTalk,
    groupTalk,
    myPerson,
    opinionSeeking,
    zhDistress,
    zhRelation,
    zhPersonal,
    zhTask: ZH_TASK.test(userTexts[0] ?? ''),
    zhTally,
  };
}
