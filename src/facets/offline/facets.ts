/**
 * The offline engine's answer for one conversation: every facet from lexicons and rules, with no
 * network and no randomness. Deterministic and fast enough for millions of conversations.
 */
import type { Conversation } from '../../conversation/model.js';
import type { Category, Facets, SentimentValue } from '../schema.js';
import { CATEGORIES } from '../schema.js';
import { buildConcern } from './concern.js';
import { requestsContent } from './contentCreation.js';
import {
  binaryProbability,
  contentFeatures,
  type OfflineModels,
  pushbackFeatures,
  shippedModels,
} from './models.js';
import { pushbackCues, pushbackReason, signalOfCues } from './pushback.js';
import { normalisedMessageSentiment } from './sentiment.js';
import { detectLanguage, normalise, tokensAndBreaks, withoutBreaks } from './text.js';
import { categoryScores, emptyTally, type TopicTally, tallyTopics } from './topicMatch.js';
import { TOPICS } from './topics.js';

const FIRST_PERSON = new Set(['i', "i'm", 'im', 'me', 'my', 'myself', "i've", "i'd", "i'll", 'mine', 'ive']);
const SECOND_PERSON = new Set(['you', 'your', "you're", 'yours', 'yourself', 'u', 'ur']);
const GREETINGS = new Set(['hi', 'hello', 'hey', 'hiya', 'howdy', 'yo', 'sup', 'greetings']);

/** Help-seeking and self-disclosure about one's own feelings or situation. */
const DISCLOSURE =
  /\b(?:i(?: feel| felt| am feeling|'m feeling|m feeling| have been feeling|'ve been feeling| keep feeling)|i(?:'m| am|m) (?:so |really |very |just |always |still |kind of |a bit )?(?:sad|depressed|anxious|lonely|scared|afraid|upset|stressed|worried|hurt|angry|lost|confused|overwhelmed|tired of|struggling|not okay|not ok|not doing well|unhappy|heartbroken|miserable|frustrated|exhausted)|what should i do|how (?:do|can|should) i (?:deal|cope|handle|get over|move on|stop|tell|talk|fix|make|approach|support|help)|i (?:need|want) (?:some )?(?:advice|help|support|someone)|any advice|i don't know what to do|i do not know what to do|is it normal|am i (?:wrong|crazy|overreacting|normal|a bad)|my (?:life|feelings|mental health|heart)|i can't stop|i keep (?:thinking|feeling|having)|i(?:'ve| have) been (?:struggling|dealing|going through|having)|going through)\b/;

/** Requests that mark task use, whatever the topic words say. */
const TASK_REQUEST =
  /^(?:please )?(?:write|explain|summari[sz]e|translate|calculate|solve|list|define|describe|compare|generate|create|implement|convert|fix|debug|optimi[sz]e|classify|extract|find|give me|tell me about|what (?:is|are|was|were) the|how many|how much|who (?:is|was)|when (?:is|was|did)|which)\b/;

export interface OfflineOptions {
  /** Drop categories when the conversation is content creation (the study's funnel does). */
  categoriesForContent?: boolean;
  /** Fitted heads to use instead of the shipped ones (cross-validation, tests). */
  models?: OfflineModels;
  /** Category weights to use instead of CATEGORY_RULES (tuning against the dev figures, tests). */
  categoryRules?: Partial<CategoryRules>;
}

/** Decision thresholds of the fitted heads, chosen on aggregate dev scores (see train.ts). */
export const THRESHOLDS = {
  /** Content creation without a rule hit needs a confident head; with one, the head can veto. */
  content: 0.85,
  contentWithRule: 0.1,
  /** Pushback: the same pairing (the head was fitted on one chatbot's refusals, so rules lead). */
  pushback: 0.85,
  pushbackWithRule: 0.05,
  /** Assistant replies read for pushback: refusals and rebuttals come early. */
  pushbackReplies: 3,
};

interface ConversationFeatures {
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

const SMALLTALK = TOPICS.findIndex((t) => t.id === 'smalltalk');

/** Romantic or sexual advances aimed at the assistant itself. */
const ROMANCE_AT_ASSISTANT =
  /\b(?:fuck|kiss|touch|sleep with|have sex with|sex with|date|marry|suck|lick|cuddle|make love to|seduce|hold)\b[^.!?]{0,20}\b(?:you|me)\b|\b(?:my|your) (?:dick|cock|pussy|boobs|tits)\b|\bbe my (?:girlfriend|boyfriend|wife|husband|lover|gf|bf)\b|\bi love you\b|\*[a-z ]{0,30}(?:kiss|hug|blush|cuddle|moan|caress)\w*[a-z ]{0,30}\*/;

/** An explicit roleplay set-up that casts the assistant as the user's partner. */
const ROMANTIC_SETUP =
  /\b(?:(?:let's|lets|can we|could we|wanna|want to|we could) (?:do a |do some )?role ?-?play|(?:pretend|act|roleplay|role-play) (?:to be|you're|you are|as|like|that you're|that you are) (?:my|a) (?:girlfriend|boyfriend|wife|husband|lover|partner|date|gf|bf)|be my (?:girlfriend|boyfriend|wife|husband|lover|gf|bf)|you(?:'re| are) my (?:girlfriend|boyfriend|wife|husband|lover|gf|bf))\b/;

/**
 * Self-directed improvement: the user wants to change something in their own life. Coaching is
 * about the user's own goals, not a how-to question that anyone could ask.
 */
const OWN_GOAL =
  /\b(?:i(?: want| wanna| need| would like|'d like| am trying|'m trying|m trying| have been trying|'ve been trying| keep trying| plan| hope| wish) to (?:get|be|become|start|stop|build|improve|lose|change|finish|stick|stay|find|figure|make|quit|go back|switch|work on|learn|focus)|my (?:goal|goals|resolution|plan|routine|habits?|motivation|career|progress|future)|(?:step|weight|fitness|daily|weekly|monthly|long[- ]term|short[- ]term) goals?|(?:i|we) (?:can|could|will|'ll|am going to|'m going to) (?:work on|aim for|set a|add (?:a|an|another|more))|help me (?:to )?(?:stay|get|become|stick|stop|build|start|focus|improve|decide|figure|find|motivate|plan)|how (?:do|can|should) i (?:stay|get (?:better|back|started|motivated|in shape|fit|more)|become|improve|build|stick|start|stop procrastinating|keep (?:going|up)|motivate|decide|figure out|find (?:my|a) (?:purpose|passion|direction|career))|i keep (?:putting|procrastinating|failing|giving up|quitting|skipping|missing)|(?:don't|do not) know (?:where|how) to (?:start|begin|get started)|should i (?:quit|take|switch|change|accept|leave|go back|stay|apply|study|pursue|move)|i(?:'m| am|m) (?:thinking|considering) (?:about |of )?(?:quitting|switching|changing|going back|starting|applying|leaving))/;

/**
 * Getting-to-know-you talk aimed at the assistant as a person: turning the question back ("and
 * you?"), asking about its life, or telling it about one's own. Booking questions ("do you have a
 * table") are left out by naming what one asks a person about.
 */
const RECIPROCAL =
  /(?:^|\b)(?:and you|and u|what about you|what about u|how about you|how about u|and yourself|you too)\b\s*\??|\b(?:do|did) (?:you|u) (?:like|love|enjoy|have (?:any )?(?:kids|children|pets|a dog|a cat|siblings|hobbies|a girlfriend|a boyfriend|a wife|a husband|a family|friends)|live|play|watch|read|listen)\b|\b(?:are|r) (?:you|u) (?:a (?:boy|girl|man|woman|student|human|robot|bot)|married|single|from|human|real|ok|okay|happy|lonely|bored)\b|\bwhat (?:do|did) (?:you|u) do\b|\bwhere (?:are|do) (?:you|u) (?:from|live)\b|\bhow old (?:are|r) (?:you|u)\b|\bwhat(?:'s| is) (?:your|ur|u r) (?:name|favou?rite|job|hobby|age)\b|\btell me about yourself\b/;

/**
 * Another specific person's behaviour as the subject ("my dad keeps...", "my wife never..."): the
 * mark of interpersonal advice, where counselling is about the user's own symptoms.
 */
const OTHER_PERSON_ACTS =
  /\bmy (?:husband|wife|boyfriend|girlfriend|bf|gf|partner|spouse|fiancee?|fiancé|ex|mom|mum|mother|dad|father|parents|sister|brother|son|daughter|kids|children|child|friend|friends|best friend|boss|manager|coworkers?|co-workers?|colleagues?|roommate|in-laws|mother-in-law|father-in-law|family)\b[^.!?\n]{0,30}?\b(?:is|was|are|were|has|had|keeps|kept|won't|doesn't|didn't|don't|never|always|makes|made|said|says|told|tells|wants|thinks|calls|called|lied|lies|cheated|left|treats|treated|ignores|ignored|refuses|refused|yells|yelled|hits|hit|accuses|accused|blames|blamed|expects|gets|got)\b/g;

/**
 * The user's own inner state as the question: why they feel as they do, how to cope with a
 * symptom, what is wrong with them. The mark of counselling, however many people are mentioned.
 */
const SELF_FOCUS =
  /\b(?:why (?:do|am|can't|cannot|don't) i (?:feel|always|keep|get so|so|never|hate|cry|think)|how come i (?:feel|am|can't|always|never|keep)|why can't i (?:stop|laugh|sleep|focus|enjoy|feel|be happy|get over)|how (?:do|can|should) i (?:be less|stop being|not be|become less) (?:so )?(?:angry|anxious|sad|jealous|insecure|negative|paranoid|shy|scared|afraid|sensitive|emotional)|how (?:do|can|should) i (?:control|manage|calm) (?:my )?(?:anger|emotions|temper|anxiety|thoughts|mood|nerves|fear)|how (?:do|can|should) i (?:cope|deal|live|stop feeling|stop being|get rid of|manage|overcome|handle) (?:with )?(?:my )?(?:depression|anxiety|panic|grief|loss|trauma|ptsd|stress|feelings|emotions|thoughts|fear|anger|insecurit|self|loneliness|sadness|mood|urges|intrusive)|what(?:'s| is) wrong with me|i hate (?:myself|the way i|my body|my life|who i)|is (?:it|this|something) wrong with me|i(?:'m| am|m) (?:always |so |constantly )?(?:paranoid|depressed|anxious|numb|suicidal)|i (?:can't|cannot) (?:stop (?:crying|thinking|worrying|feeling)|function|get out of bed)|i(?:'ve| have) (?:lost|no) (?:my )?(?:identity|sense of self|will to|motivation to live)|(?:i was|i've been|i have been|i got|i am|i'm|been) diagnosed|my (?:medication|meds|antidepressants?|therapist|psychiatrist|diagnosis|symptoms|panic attacks|anxiety|depression|ocd|ptsd|adhd|bipolar|eating disorder)|i (?:self[- ]harm|cut myself|hurt myself|binge|purge|hear voices|have panic attacks|have (?:anxiety|depression|ocd|ptsd|adhd|insomnia))|(?:should i|do i need to) (?:see|get|go to|start|try) (?:a |an )?(?:therapist|therapy|counsel+or|counsel+ing|psychiatrist|medication|meds|antidepressants?))/g;

/** Someone close to the user, or a person in general: the object of an interpersonal question. */
const PERSON =
  '(?:(?:my|our) (?:husband|wife|boyfriend|girlfriend|bf|gf|partner|spouse|fiancee?|ex|mom|mum|mother|dad|father|parents?|sister|brother|siblings?|son|daughter|kids?|children|child|friends?|best friend|boss|manager|coworkers?|co-workers?|colleagues?|roommates?|in-laws|family|teen|teenager|toddler|neighbou?rs?)|him|her|people|someone|others)';

/**
 * The question is what to do about, or with, another person: how to tell them, handle them, get
 * them to change, whether to leave them. The mark of interpersonal advice, however upset the user.
 */
const OTHER_FOCUS = new RegExp(
  `\\b(?:how (?:do|can|should|could) i (?:tell|talk to|get|make|convince|deal with|handle|approach|support|help|confront|forgive|trust|ask|stop|reconnect with|apologi[sz]e to|set boundaries with) ${PERSON}|how (?:do|can|should|could) i (?:win|get) (?:him|her|them) back|how (?:do|can|should) i (?:bring (?:it|this|that) up|raise (?:it|this|that))|what (?:can|should|do) i do (?:about|if|when|with) ${PERSON}|should i (?:break up|divorce|forgive|confront|move out|reach out|leave ${PERSON}|tell ${PERSON}|cut ${PERSON} off|stay with ${PERSON}|text ${PERSON}|call ${PERSON}|ask ${PERSON}|take ${PERSON}|let ${PERSON})|how do i know if (?:he|she|they|${PERSON})|is (?:he|she) (?:cheating|lying|using me|into me|interested|seeing)|why (?:does|did|won't|doesn't|would) (?:he|she|${PERSON}))\\b`,
  'g',
);

/** A request to a service (find, book, recommend): the user wants something done, not company. */
const SERVICE_REQUEST =
  /\b(?:i(?:'m| am|m) looking for|looking for (?:a|an|some)|can you (?:find|recommend|suggest|book|play|search|check|tell me|give me|help me find)|could you (?:find|recommend|suggest|book|play|search|check)|i (?:would|'d) like (?:to (?:book|find|reserve|see|watch|hear)|a |an |some )|i need (?:a |an |to (?:book|find|reserve|get))|any (?:good )?(?:recommendations|suggestions)|recommend (?:me )?(?:a|an|some))\b/;

/** Asking for suggestions, at any point of the conversation: what a recommender or a shop is for. */
const RECOMMENDATION =
  /\b(?:suggest|suggestions?|recommend|recommendations?|(?:i'm|i am|im) (?:looking for|interested in|in the mood for|seeking)|any good|can you find|do you have (?:any|some|a few))\b/;

/**
 * The assistant asking about the user's life the way a new acquaintance does. Helpers and services
 * ask about the problem or the booking; only small talk asks what someone does or where they live.
 */
const ASKS_ABOUT_USER =
  /\b(?:what do you do|do you have any (?:pets|kids|children|hobbies|siblings)|do you have (?:a|any) (?:pet|dog|cat|job|family|girlfriend|boyfriend)|where are you from|where do you live|what do you like to do|tell me about yourself|what are your hobbies|any hobbies|are you (?:married|a student|in school)|how old are you)\b/;

/** The user introducing themselves: job, age, home town, family, pets. */
const USER_FACTS =
  /\b(?:(?:i'm|i am|im) (?:a|an) (?:student|teacher|doctor|nurse|engineer|programmer|developer|mother|father|mom|dad|housewife|stay at home|writer|artist|musician|lawyer|farmer|chef|cook|waiter|waitress|manager|driver|salesman|volunteer|retired|retiree|boy|girl|man|woman|guy|lady|\w+ student)|(?:i'm|i am|im) from|my name is|my name's|i (?:live|study|studying) (?:in|at)|i work (?:in|at|as)|(?:i'm|i am|im) \d{1,2}(?: years old)?\b|i have (?:a|an|two|three|\d) (?:dog|cat|pets?|son|daughter|kids|children|brothers?|sisters?|siblings))\b/;

/** A user message's `tokensAndBreaks` scan and its tokens, made once and shared by every reader. */
interface UserScan {
  scan: string[];
  tokens: string[];
}

function scanUser(normalised: string): UserScan {
  const scan = tokensAndBreaks(normalised);
  return { scan, tokens: withoutBreaks(scan) };
}

function features(
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
    if (
      /\b(?:i (?:love|like|enjoy|work as|live in|grew up)|my (?:favorite|favourite|hobby|hobbies|family|dog|cat|job))\b/.test(
        a,
      )
    )
      assistantSelfTalk++;
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

/**
 * Weights of the category decision, set by hand while looking at aggregate dev scores. A caller can
 * override some of them (OfflineOptions.categoryRules) to see how one moves the figures.
 */
export const CATEGORY_RULES = Object.freeze({
  /** Share of negative user messages that halves the chance of company talk. */
  negativeChat: 1.5,
  /** Small talk needs this many user messages (one line is a greeting, not a conversation). */
  minChatTurns: 2,
  /** An assistant asking about the user's life, per message, and its cap. */
  askAboutUser: 0.6,
  askAboutUserCap: 2,
  /** The user introducing themselves, per message (capped at 1). */
  userFacts: 0.5,
  /** Questions and answers about each other's lives that make a chat getting-to-know-you talk. */
  getToKnow: 2,
  /** A question about the user's own inner state (counselling) or about another person (advice). */
  selfFocus: 1.2,
  otherFocus: 1.2,
  /** What is left of the other one's topic score when the question is only about self or only others. */
  focusDamp: 0.5,
  /** Advice about people and counselling often come together: the lower share for that pair. */
  pairShare: 0.7,
  /** The primary category needs this score; a secondary one this share of the primary's. */
  threshold: 1.0,
  secondaryShare: 0.9,
});

export type CategoryRules = { -readonly [K in keyof typeof CATEGORY_RULES]: number };

/** Categories that often hold together: a relationship that hurts is both advice and counselling. */
const PAIR: ReadonlySet<Category> = new Set(['interpersonal_advice', 'counseling']);

function distressScore(tally: TopicTally): number {
  let s = 0;
  for (const i of DISTRESS) s += tally.scores[i];
  return s;
}

/** Categories from topic scores and conversational cues; empty means not affective. */
function decideCategories(
  f: ConversationFeatures,
  nUser: number,
  rules: Readonly<CategoryRules> = CATEGORY_RULES,
): Category[] {
  const { byCategory, task } = categoryScores(f.tally);
  const fpRate = f.userTokens > 0 ? f.firstPerson / f.userTokens : 0;
  const personal = Math.min(1, fpRate / 0.06);
  const scores = new Map<Category, number>();
  for (const c of CATEGORIES) scores.set(c, (byCategory.get(c) ?? 0) * (0.4 + 0.6 * personal));

  // Chit-chat: short turns, questions about each other's lives, a partner that talks about itself.
  const chat =
    (nUser >= 3 ? 0.5 : 0) +
    (f.meanUserChars < 90 ? 0.5 : 0) +
    Math.min(2, f.secondPersonQuestions * 0.5) +
    (f.greeting ? 0.5 : 0) +
    Math.min(1, f.assistantSelfTalk * 0.3) +
    Math.min(1.5, f.reciprocal * 0.5) +
    Math.min(rules.askAboutUserCap, f.askAboutUser * rules.askAboutUser) +
    Math.min(1, f.userFacts * rules.userFacts);
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
  const getToKnow = f.reciprocal + f.askAboutUser + f.userFacts >= rules.getToKnow;
  const taskShare = 1 / (1 + (getToKnow ? task * 0.35 : task));
  // A user who brings a problem or asks for a service is not here for company, however chatty.
  const distress = distressScore(f.tally);
  // Someone whose messages keep reading negative is bringing a problem, not passing the time.
  const negativeShare = nUser > 0 ? f.negativeTurns / nUser : 0;
  const service = f.serviceRequest || f.recommendation > 0;
  const chatShare =
    (service && !getToKnow ? 0.3 : 1) /
    (1 + 0.4 * Math.min(3, f.disclosure) + 0.25 * distress + rules.negativeChat * negativeShare);
  scores.set(
    'companionship',
    (scores.get('companionship') ?? 0) +
      (nUser >= rules.minChatTurns && social ? chat * taskShare * chatShare : 0),
  );
  // One crude line aimed at the assistant is usually provocation, not roleplay: it takes a set-up
  // or advances kept up through most of the conversation (a few in a long chat are flirting in it).
  const sustained = f.romance >= 2 && f.romance >= 0.5 * nUser;
  const advances = f.romanticSetup ? 3 : sustained ? Math.min(4, f.romance * 2) : f.romance * 0.6;
  scores.set('romantic_roleplay', (scores.get('romantic_roleplay') ?? 0) + advances);
  // Coaching is about the user's own goals; without that, goal words are a how-to question. And
  // when distress dominates (low mood, worry, grief), the same habit talk is counselling.
  const coaching = scores.get('coaching') ?? 0;
  if (coaching > 0) {
    const own = f.ownGoal > 0 ? 1 : 0.5;
    scores.set('coaching', Math.max(0, coaching * own - 0.5 * distress));
  }

  // The question names the focus: asked only about their own feelings, the people around the user
  // are the setting (counselling); asked only about what to do with someone, the feelings are.
  const selfOnly = f.selfFocus > 0 && f.otherFocus === 0;
  const otherOnly = f.otherFocus > 0 && f.selfFocus === 0;
  const interpersonal = (scores.get('interpersonal_advice') ?? 0) * (selfOnly ? rules.focusDamp : 1);
  if (interpersonal > 0 || f.otherFocus > 0)
    scores.set(
      'interpersonal_advice',
      interpersonal + 0.3 * Math.min(3, f.otherPerson) + rules.otherFocus * Math.min(2, f.otherFocus),
    );

  const counseling = (scores.get('counseling') ?? 0) * (otherOnly ? rules.focusDamp : 1);
  if (counseling > 0 || f.selfFocus > 0)
    scores.set('counseling', counseling + rules.selfFocus * Math.min(2, f.selfFocus));

  const affectSignal = Math.min(3, f.disclosure * 1.2) * (nUser > 0 ? 1 : 0);
  for (const c of ['interpersonal_advice', 'counseling', 'coaching'] as const) {
    const s = scores.get(c) ?? 0;
    if (s > 0) scores.set(c, s + affectSignal * 0.5);
  }

  // A question form ("what are the best ways to...") is task-like only when nothing is personal.
  const basePenalty = task * 0.9 + (f.taskRequest && personal < 0.5 ? 1.5 : 0);
  const penaltyOf = (c: Category) => (c === 'companionship' && getToKnow ? basePenalty * 0.35 : basePenalty);
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
  if (best === null || bestScore < rules.threshold) return out;
  out.push(best);
  // Secondary labels only when nearly as strong as the primary.
  for (const c of CATEGORIES) {
    if (c === best) continue;
    const s = (scores.get(c) ?? 0) - penaltyOf(c);
    const share = PAIR.has(best) && PAIR.has(c) ? rules.pairShare : rules.secondaryShare;
    if (s >= rules.threshold && s >= share * bestScore) out.push(c);
  }
  return out;
}

/** Whether the first user requests ask for content, by the hand-written rules alone. */
export function contentRuleHit(userNorm: readonly string[]): boolean {
  return userNorm.slice(0, 3).some((n, i) => requestsContent(n, i === 0));
}

export function offlineFacets(conv: Conversation, options: OfflineOptions = {}): Facets {
  const models = options.models ?? shippedModels();
  const userRaw: string[] = [];
  const userNorm: string[] = [];
  const userScans: UserScan[] = [];
  const assistantNorm: string[] = [];
  let pushback = false;
  let reason: Facets['pushbackReason'] = null;
  let lastUser = '';
  let lastUserTokens: string[] = [];
  let repliesRead = 0;
  for (const m of conv.messages) {
    if (m.role === 'user') {
      userRaw.push(m.content);
      const n = normalise(m.content);
      userNorm.push(n);
      const scanned = scanUser(n);
      userScans.push(scanned);
      lastUser = n;
      lastUserTokens = scanned.tokens;
    } else if (m.role === 'assistant') {
      const n = normalise(m.content);
      assistantNorm.push(n);
      if (!pushback && n.trim().length > 0 && repliesRead < THRESHOLDS.pushbackReplies) {
        repliesRead++;
        const cues = pushbackCues(n, lastUser);
        const p = binaryProbability(models.pushback, pushbackFeatures(n, lastUser, cues, lastUserTokens));
        const sig = signalOfCues(cues);
        // A reply that only says it did not follow is never pushback, however confident the head.
        const dodged = cues.includes('dodge');
        if (!dodged && p >= (sig.pushback ? THRESHOLDS.pushbackWithRule : THRESHOLDS.pushback)) {
          pushback = true;
          reason = pushbackReason(
            sig.pushback ? sig : { pushback: true, kind: 'refusal' },
            userNorm.join('\n'),
            n,
          );
        }
      }
    }
  }
  const humanMessages = userRaw.length;
  const allUser = userRaw.join('\n');
  const language = detectLanguage(
    allUser.trim().length > 0 ? allUser : conv.messages.map((m) => m.content).join('\n'),
  );
  if (allUser.trim().length === 0) {
    return {
      contentCreation: false,
      categories: [],
      pushback,
      pushbackReason: reason,
      sentiment: userRaw.map(() => 0 as SentimentValue),
      concern: '',
      language,
      humanMessages,
      status: {
        kind: 'insufficientInput',
        reason: humanMessages === 0 ? 'no user messages' : 'user messages are empty',
      },
    };
  }
  const ruleHit = contentRuleHit(userNorm);
  const first = userNorm.findIndex((n) => n.trim().length > 0);
  const pContent = binaryProbability(
    models.content,
    first >= 0
      ? contentFeatures(userNorm[first], ruleHit, userScans[first].tokens)
      : contentFeatures('', ruleHit),
  );
  const f = features(userNorm, assistantNorm, userScans);
  // Roleplay that casts the assistant as the user's partner is a relationship with the assistant,
  // not a story written for the user (the study's funnel keeps it).
  const contentCreation =
    !f.romanticSetup && pContent >= (ruleHit ? THRESHOLDS.contentWithRule : THRESHOLDS.content);
  const rules = options.categoryRules ? { ...CATEGORY_RULES, ...options.categoryRules } : CATEGORY_RULES;
  let categories = decideCategories(f, humanMessages, rules);
  if (contentCreation && !options.categoriesForContent) categories = [];
  return {
    contentCreation,
    categories,
    pushback,
    pushbackReason: reason,
    sentiment: f.sentiment,
    concern: buildConcern(f.tally, categories, contentCreation, language),
    language,
    humanMessages,
    status: { kind: 'ok' },
  };
}

/** Rule-only categories (no fitted head), for building the category head's training view. */
export function ruleCategories(conv: Conversation): Category[] {
  const userNorm: string[] = [];
  const assistantNorm: string[] = [];
  for (const m of conv.messages) {
    if (m.role === 'user') userNorm.push(normalise(m.content));
    else if (m.role === 'assistant') assistantNorm.push(normalise(m.content));
  }
  return decideCategories(features(userNorm, assistantNorm), userNorm.length);
}

export { TOPICS };
