/**
 * Features -> categories: topic scores from the lexicon (cues/topics.ts) plus the conversational
 * cues counted in features.ts, weighed by CATEGORY_WEIGHTS. Every number the decision uses is in
 * that one table; the code below only says how they combine.
 */
import type { Category } from '../schema.js';
import { CATEGORIES } from '../schema.js';
import { TOPICS } from './cues/topics.js';
import type { ConversationFeatures } from './features.js';
import { categoryScores, type TopicTally } from './topicMatch.js';

/**
 * Weights of the category decision, set by hand while looking at aggregate dev scores. A caller can
 * override some of them (OfflineOptions.categoryWeights) to see how one moves the figures.
 */
export const CATEGORY_WEIGHTS = Object.freeze({
  // How personal the user's words are: topic scores count fully from this share of first-person
  // tokens, and keep `topicBase` of their value when nothing is personal.
  personalRate: 0.06,
  topicBase: 0.4,
  topicPersonal: 0.6,

  // Chit-chat: short turns, questions about each other's lives, a partner that talks about itself.
  chatMinTurns: 3,
  chatTurnsBonus: 0.5,
  chatShortChars: 90,
  chatShortBonus: 0.5,
  secondPersonQuestion: 0.5,
  secondPersonQuestionCap: 2,
  greeting: 0.5,
  assistantSelfTalk: 0.3,
  assistantSelfTalkCap: 1,
  reciprocal: 0.5,
  reciprocalCap: 1.5,
  /** An assistant asking about the user's life, per message, and its cap. */
  askAboutUser: 0.6,
  askAboutUserCap: 2,
  /** The user introducing themselves, per message, and its cap. */
  userFacts: 0.5,
  userFactsCap: 1,
  /** Questions and answers about each other's lives that make a chat getting-to-know-you talk. */
  getToKnow: 2,
  /** In getting-to-know-you talk, task words (a job, a film, a city) weigh this share. */
  taskInGetToKnow: 0.35,
  /** What is left of company talk when the user asks for a service (outside getting-to-know-you talk). */
  serviceChatShare: 0.3,
  /** Disclosures (capped), distress topics and negative messages each damp company talk. */
  disclosureAgainstChat: 0.4,
  disclosureAgainstChatCap: 3,
  distressAgainstChat: 0.25,
  /** Share of negative user messages that halves the chance of company talk. */
  negativeChat: 1.5,
  /** Small talk needs this many user messages (one line is a greeting, not a conversation). */
  minChatTurns: 2,

  // Romantic advances aimed at the assistant: sustained means at least `sustainedAdvances` of them
  // in at least `sustainedShare` of the user's messages.
  sustainedAdvances: 2,
  sustainedShare: 0.5,
  romanticSetup: 3,
  sustainedAdvance: 2,
  sustainedAdvanceCap: 4,
  advance: 0.6,

  /** Coaching without the user's own goal keeps this share; distress takes this much per point away. */
  coachingWithoutOwnGoal: 0.5,
  distressAgainstCoaching: 0.5,

  /** Another person as a verb's subject, per mention (capped): interpersonal advice. */
  otherPerson: 0.3,
  otherPersonCap: 3,
  /** A question about the user's own inner state (counselling) or about another person (advice). */
  selfFocus: 1.2,
  selfFocusCap: 2,
  otherFocus: 1.2,
  otherFocusCap: 2,
  /** What is left of the other one's topic score when the question is only about self or only others. */
  focusDamp: 0.5,

  /** Self-disclosure, per message (capped), and the share of it added to advice, counselling, coaching. */
  disclosure: 1.2,
  disclosureCap: 3,
  disclosureShare: 0.5,

  /** Task topic words count against every category; a task-shaped opening too, when nothing is personal. */
  taskPenalty: 0.9,
  taskRequestPenalty: 1.5,
  taskRequestPersonalBelow: 0.5,

  /** Mean characters per user message from which naming someone of the user's life tells a situation. */
  toldAtLength: 80,

  /** A sexual proposition aimed at the assistant (one is enough, codebook section 2). */
  sexualAtAssistant: 3,
  /** The user's own suicide or self-injury, as intent or a method question: counselling. */
  selfHarmIntent: 3,

  /** Chinese messages: distress (counselling) or people of the user's life (advice), per message, capped. */
  zhDistress: 1.2,
  zhRelation: 0.8,
  zhCap: 3,

  /** The primary category needs this score; a secondary one this share of the primary's. */
  threshold: 1.0,
  secondaryShare: 0.9,
  /** Advice about people and counselling often come together: the lower share for that pair. */
  pairShare: 0.7,
});

export type CategoryWeights = { -readonly [K in keyof typeof CATEGORY_WEIGHTS]: number };

/** Topics whose words name distress: they count against company talk and coaching. */
const DISTRESS_TOPICS = new Set([
  'depression',
  'lowmood',
  'anxiety',
  'panic',
  'grief',
  'trauma',
  'selfharm',
  'selfesteem',
]);
const DISTRESS = TOPICS.map((t, i) => (DISTRESS_TOPICS.has(t.id) ? i : -1)).filter((i) => i >= 0);
const SMALLTALK = TOPICS.findIndex((t) => t.id === 'smalltalk');
/** Topics whose words say the user wants company: loneliness, someone to talk to. */
const COMPANY = TOPICS.map((t, i) => (t.id === 'lonely' || t.id === 'listen' ? i : -1)).filter((i) => i >= 0);

function companyWords(tally: TopicTally): number {
  let s = 0;
  for (const i of COMPANY) s += tally.scores[i];
  return s;
}

/** Categories that often hold together: a relationship that hurts is both advice and counselling. */
const PAIR: ReadonlySet<Category> = new Set(['interpersonal_advice', 'counseling']);

function distressScore(tally: TopicTally): number {
  let s = 0;
  for (const i of DISTRESS) s += tally.scores[i];
  return s;
}

/** Categories from topic scores and conversational cues; empty means not affective. */
export function decideCategories(
  f: ConversationFeatures,
  nUser: number,
  w: Readonly<CategoryWeights> = CATEGORY_WEIGHTS,
): Category[] {
  const { byCategory, task } = categoryScores(f.tally);
  const fpRate = f.userTokens > 0 ? f.firstPerson / f.userTokens : 0;
  const personal = Math.min(1, fpRate / w.personalRate);
  const scores = new Map<Category, number>();
  for (const c of CATEGORIES)
    scores.set(c, (byCategory.get(c) ?? 0) * (w.topicBase + w.topicPersonal * personal));

  const chat =
    (nUser >= w.chatMinTurns ? w.chatTurnsBonus : 0) +
    (f.meanUserChars < w.chatShortChars ? w.chatShortBonus : 0) +
    Math.min(w.secondPersonQuestionCap, f.secondPersonQuestions * w.secondPersonQuestion) +
    (f.greeting ? w.greeting : 0) +
    Math.min(w.assistantSelfTalkCap, f.assistantSelfTalk * w.assistantSelfTalk) +
    Math.min(w.reciprocalCap, f.reciprocal * w.reciprocal) +
    Math.min(w.askAboutUserCap, f.askAboutUser * w.askAboutUser) +
    Math.min(w.userFactsCap, f.userFacts * w.userFacts);
  // Short back-and-forth alone is also what red-teaming and booking dialogues look like, and both
  // open with a greeting: require a sign that the two sides talk about themselves or each other.
  const social =
    f.tally.scores[SMALLTALK] > 0 ||
    f.assistantSelfTalk > 0 ||
    f.reciprocal > 0 ||
    f.askAboutUser > 0 ||
    f.userFacts > 0;
  // In getting-to-know-you talk, task words (a job, a film, a city) are things people tell each
  // other about themselves, so they weigh less against companionship.
  const getToKnow = f.reciprocal + f.askAboutUser + f.userFacts >= w.getToKnow;
  const taskShare = 1 / (1 + (getToKnow ? task * w.taskInGetToKnow : task));
  // A user who brings a problem or asks for a service is not here for company, however chatty.
  const distress = distressScore(f.tally);
  // Someone whose messages keep reading negative is bringing a problem, not passing the time.
  const negativeShare = nUser > 0 ? f.negativeTurns / nUser : 0;
  const service = f.serviceRequest || f.recommendation > 0;
  const chatShare =
    (service && !getToKnow ? w.serviceChatShare : 1) /
    (1 +
      w.disclosureAgainstChat * Math.min(w.disclosureAgainstChatCap, f.disclosure) +
      w.distressAgainstChat * distress +
      w.negativeChat * negativeShare);
  scores.set(
    'companionship',
    (scores.get('companionship') ?? 0) +
      (nUser >= w.minChatTurns && social ? chat * taskShare * chatShare : 0),
  );
  // One crude line aimed at the assistant is usually provocation, not roleplay: it takes a set-up
  // or advances kept up through most of the conversation (a few in a long chat are flirting in it).
  const sustained = f.romance >= w.sustainedAdvances && f.romance >= w.sustainedShare * nUser;
  const advances = f.romanticSetup
    ? w.romanticSetup
    : sustained
      ? Math.min(w.sustainedAdvanceCap, f.romance * w.sustainedAdvance)
      : f.romance * w.advance;
  scores.set('romantic_roleplay', (scores.get('romantic_roleplay') ?? 0) + advances);
  // Coaching is about the user's own goals; without that, goal words are a how-to question. And
  // when distress dominates (low mood, worry, grief), the same habit talk is counselling.
  const coaching = scores.get('coaching') ?? 0;
  if (coaching > 0) {
    const own = f.ownGoal > 0 ? 1 : w.coachingWithoutOwnGoal;
    scores.set('coaching', Math.max(0, coaching * own - w.distressAgainstCoaching * distress));
  }

  // The question names the focus: asked only about their own feelings, the people around the user
  // are the setting (counselling); asked only about what to do with someone, the feelings are.
  const selfOnly = f.selfFocus > 0 && f.otherFocus === 0;
  const otherOnly = f.otherFocus > 0 && f.selfFocus === 0;
  const interpersonal = (scores.get('interpersonal_advice') ?? 0) * (selfOnly ? w.focusDamp : 1);
  if (interpersonal > 0 || f.otherFocus > 0)
    scores.set(
      'interpersonal_advice',
      interpersonal +
        w.otherPerson * Math.min(w.otherPersonCap, f.otherPerson) +
        w.otherFocus * Math.min(w.otherFocusCap, f.otherFocus),
    );

  const counseling = (scores.get('counseling') ?? 0) * (otherOnly ? w.focusDamp : 1);
  if (counseling > 0 || f.selfFocus > 0)
    scores.set('counseling', counseling + w.selfFocus * Math.min(w.selfFocusCap, f.selfFocus));

  const affectSignal = Math.min(w.disclosureCap, f.disclosure * w.disclosure) * (nUser > 0 ? 1 : 0);
  for (const c of ['interpersonal_advice', 'counseling', 'coaching'] as const) {
    const s = scores.get(c) ?? 0;
    if (s > 0) scores.set(c, s + affectSignal * w.disclosureShare);
  }

  // Chinese: the same definitions, from Chinese cues, when the user speaks of themselves and the
  // opening is not a task instruction.
  if (f.zhPersonal > 0 && !f.zhTask) {
    if (f.zhDistress > 0)
      scores.set(
        'counseling',
        (scores.get('counseling') ?? 0) + w.zhDistress * Math.min(w.zhCap, f.zhDistress),
      );
    if (f.zhRelation > 0)
      scores.set(
        'interpersonal_advice',
        (scores.get('interpersonal_advice') ?? 0) + w.zhRelation * Math.min(w.zhCap, f.zhRelation),
      );
  }
  if (f.sexualAtAssistant > 0)
    scores.set('romantic_roleplay', (scores.get('romantic_roleplay') ?? 0) + w.sexualAtAssistant);
  // Abuse of the assistant with a sexual word in it is provocation, not a partner sought: when
  // contempt for the assistant outnumbers the advances, there is no roleplay.
  // Roleplay is a relationship with the assistant: sexual or romantic words with no advance aimed at
  // it (a story, an opinion with a swear word in it) are not one.
  if (
    !f.romanticSetup &&
    (f.hostileToAssistant > Math.max(f.sexualAtAssistant, f.romance) || f.sexualAtAssistant + f.romance === 0)
  )
    scores.set('romantic_roleplay', 0);

  // Codebook section 2: an affective need is the user's own. Advice, counselling and coaching need
  // the user speaking as "I"; a request to harm someone, commit a crime, deceive, take drugs or find
  // someone's private details is a task (or a pushback case) unless the user also tells their own
  // feelings or what was done to them; company is sought by someone who shares something of
  // themselves, not by someone trading insults with the assistant (sexual talk is company only
  // when aimed at the assistant, and then it is roleplay).
  // Opinions about a group of people (race, religion, age, politics) are about society, not the
  // user's own life, unless the user asks about someone of theirs or tells their own feelings.
  const groupOnly = f.groupTalk > 0 && f.otherFocus + f.otherPerson + f.ownFeeling === 0;
  const harmOnly = ((f.harmRequests > 0 || f.hostileToAssistant > 0) && f.ownFeeling === 0) || groupOnly;
  // A topic is not a need: the user has to tell something of their own situation (a feeling, a
  // problem, what someone close does, a goal, a statement about themselves) or ask what to do about
  // themselves or someone; words of a topic alone ("what do you think of cousins marrying?") are not.
  // A person of the user's own life counts when the user tells about them at some length (a
  // situation told, not a one-line request that names them).
  const tellsNeed =
    f.disclosure + f.ownFeeling + f.selfFocus + f.otherFocus + f.otherPerson + f.ownGoal + f.selfStatements >
      0 ||
    (f.myPerson > 0 && f.meanUserChars >= w.toldAtLength);
  // Asking for a service or for facts ("could you check whether this plant is toxic?") with the
  // situation only as context, and no feeling or question about themselves or someone, is a task.
  // Opinions put to the assistant for agreement ("don't you agree?") argue a view, not a need.
  const opinionOnly = f.opinionSeeking > 0 && f.ownFeeling + f.selfFocus + f.otherFocus + f.ownGoal === 0;
  const serviceOnly =
    f.serviceRequest && f.ownFeeling + f.selfFocus + f.otherFocus + f.ownGoal === 0 && distress === 0;
  if (
    (f.selfSpeaker === 0 && f.zhPersonal === 0) ||
    harmOnly ||
    serviceOnly ||
    opinionOnly ||
    (!tellsNeed && f.zhPersonal === 0)
  )
    for (const c of ['interpersonal_advice', 'counseling', 'coaching'] as const) scores.set(c, 0);
  const sharesSelf =
    getToKnow ||
    f.askAboutUser > 0 ||
    f.userFacts > 0 ||
    f.selfStatements > 0 ||
    f.ownFeeling > 0 ||
    f.disclosure > 0 ||
    companyWords(f.tally) > 0;
  if (harmOnly || f.hostileToAssistant > 0 || f.sexualTalk > 0 || !sharesSelf) scores.set('companionship', 0);
  if (f.selfHarmIntent > 0) scores.set('counseling', (scores.get('counseling') ?? 0) + w.selfHarmIntent);

  // A question form ("what are the best ways to...") is task-like only when nothing is personal.
  const basePenalty =
    task * w.taskPenalty +
    (f.taskRequest && personal < w.taskRequestPersonalBelow ? w.taskRequestPenalty : 0);
  const penaltyOf = (c: Category) =>
    c === 'companionship' && getToKnow ? basePenalty * w.taskInGetToKnow : basePenalty;
  const out: Category[] = [];
  let best: Category | null = null;
  let bestScore = 0;
  for (const c of CATEGORIES) {
    const s = (scores.get(c) ?? 0) - penaltyOf(c);
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  if (best === null || bestScore < w.threshold) return out;
  out.push(best);
  // Secondary labels only when nearly as strong as the primary.
  for (const c of CATEGORIES) {
    if (c === best) continue;
    const s = (scores.get(c) ?? 0) - penaltyOf(c);
    const share = PAIR.has(best) && PAIR.has(c) ? w.pairShare : w.secondaryShare;
    if (s >= w.threshold && s >= share * bestScore) out.push(c);
  }
  return out;
}
