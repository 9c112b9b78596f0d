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
import { detectLanguage, normalise, tokenise } from './text.js';
import { categoryScores, emptyTally, type TopicTally, tallyTopics } from './topicMatch.js';
import { TOPICS } from './topics.js';

const FIRST_PERSON = new Set(['i', "i'm", 'im', 'me', 'my', 'myself', "i've", "i'd", "i'll", 'mine', 'ive']);
const SECOND_PERSON = new Set(['you', 'your', "you're", 'yours', 'yourself', 'u', 'ur']);
const GREETINGS = new Set(['hi', 'hello', 'hey', 'hiya', 'howdy', 'yo', 'sup', 'greetings']);

/** Help-seeking and self-disclosure about one's own feelings or situation. */
const DISCLOSURE =
  /\b(?:i (?:feel|felt|am feeling|'m feeling|have been feeling|'ve been feeling|keep feeling)|i(?:'m| am) (?:so |really |very |just |always |still |kind of |a bit )?(?:sad|depressed|anxious|lonely|scared|afraid|upset|stressed|worried|hurt|angry|lost|confused|overwhelmed|tired of|struggling|not okay|not ok|not doing well|unhappy|heartbroken|miserable|frustrated|exhausted)|what should i do|how (?:do|can|should) i (?:deal|cope|handle|get over|move on|stop|tell|talk|fix|make|approach|support|help)|i (?:need|want) (?:some )?(?:advice|help|support|someone)|any advice|i don't know what to do|i do not know what to do|is it normal|am i (?:wrong|crazy|overreacting|normal|a bad)|my (?:life|feelings|mental health|heart)|i can't stop|i keep (?:thinking|feeling|having)|i(?:'ve| have) been (?:struggling|dealing|going through|having)|going through)\b/;

/** Requests that mark task use, whatever the topic words say. */
const TASK_REQUEST =
  /^(?:please )?(?:write|explain|summari[sz]e|translate|calculate|solve|list|define|describe|compare|generate|create|implement|convert|fix|debug|optimi[sz]e|classify|extract|find|give me|tell me about|what (?:is|are|was|were) the|how many|how much|who (?:is|was)|when (?:is|was|did)|which)\b/;

export interface OfflineOptions {
  /** Drop categories when the conversation is content creation (the study's funnel does). */
  categoriesForContent?: boolean;
  /** Fitted heads to use instead of the shipped ones (cross-validation, tests). */
  models?: OfflineModels;
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
}

const SMALLTALK = TOPICS.findIndex((t) => t.id === 'smalltalk');

/** Romantic or sexual advances aimed at the assistant itself. */
const ROMANCE_AT_ASSISTANT =
  /\b(?:fuck|kiss|touch|sleep with|have sex with|sex with|date|marry|suck|lick|cuddle|make love to|seduce|hold)\b[^.!?]{0,20}\b(?:you|me)\b|\b(?:my|your) (?:dick|cock|pussy|boobs|tits)\b|\bbe my (?:girlfriend|boyfriend|wife|husband|lover|gf|bf)\b|\bi love you\b|\*[a-z ]{0,30}(?:kiss|hug|blush|cuddle|moan|caress)\w*[a-z ]{0,30}\*/;

function features(userTexts: string[], assistantTexts: string[]): ConversationFeatures {
  const tally = emptyTally();
  let userTokens = 0;
  let firstPerson = 0;
  let secondPersonQuestions = 0;
  let disclosure = 0;
  let romance = 0;
  let chars = 0;
  let greeting = false;
  for (let m = 0; m < userTexts.length; m++) {
    const n = userTexts[m];
    chars += n.length;
    const toks = tokenise(n);
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
    tallyTopics(toks, tally);
  }
  let assistantSelfTalk = 0;
  for (const a of assistantTexts) {
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
  };
}

/** Categories from topic scores and conversational cues; empty means not affective. */
function decideCategories(f: ConversationFeatures, nUser: number): Category[] {
  const { byCategory, task } = categoryScores(f.tally);
  const fpRate = f.userTokens > 0 ? f.firstPerson / f.userTokens : 0;
  const personal = Math.min(1, fpRate / 0.06);
  const scores = new Map<Category, number>();
  for (const c of CATEGORIES) scores.set(c, (byCategory.get(c) ?? 0) * (0.4 + 0.6 * personal));

  // Chit-chat: short turns, questions about the assistant itself, a partner that talks about itself.
  const chat =
    (nUser >= 3 ? 0.5 : 0) +
    (f.meanUserChars < 90 ? 0.5 : 0) +
    Math.min(2, f.secondPersonQuestions * 0.5) +
    (f.greeting ? 0.5 : 0) +
    Math.min(1, f.assistantSelfTalk * 0.3);
  // Short back-and-forth alone is also what red-teaming and booking dialogues look like: require a
  // sign of social talk (greeting, small-talk topic, an assistant that talks about itself).
  const social = f.greeting || f.tally.scores[SMALLTALK] > 0 || f.assistantSelfTalk > 0;
  const taskShare = 1 / (1 + task);
  scores.set(
    'companionship',
    (scores.get('companionship') ?? 0) + (nUser >= 3 && social ? chat * taskShare : 0),
  );
  scores.set('romantic_roleplay', (scores.get('romantic_roleplay') ?? 0) + Math.min(4, f.romance * 2));

  const affectSignal = Math.min(3, f.disclosure * 1.2) * (nUser > 0 ? 1 : 0);
  for (const c of ['interpersonal_advice', 'counseling', 'coaching'] as const) {
    const s = scores.get(c) ?? 0;
    if (s > 0) scores.set(c, s + affectSignal * 0.5);
  }

  // A question form ("what are the best ways to...") is task-like only when nothing is personal.
  const taskPenalty = task * 0.9 + (f.taskRequest && personal < 0.5 ? 1.5 : 0);
  const out: Category[] = [];
  let best: Category | null = null;
  let bestScore = 0;
  for (const c of CATEGORIES) {
    const s = (scores.get(c) ?? 0) - taskPenalty;
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  const threshold = 1.0;
  if (best === null || bestScore < threshold) return out;
  out.push(best);
  // Secondary labels only when nearly as strong as the primary.
  for (const c of CATEGORIES) {
    if (c === best) continue;
    const s = (scores.get(c) ?? 0) - taskPenalty;
    if (s >= threshold && s >= 0.8 * bestScore) out.push(c);
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
  const assistantNorm: string[] = [];
  let pushback = false;
  let reason: Facets['pushbackReason'] = null;
  let lastUser = '';
  let repliesRead = 0;
  for (const m of conv.messages) {
    if (m.role === 'user') {
      userRaw.push(m.content);
      const n = normalise(m.content);
      userNorm.push(n);
      lastUser = n;
    } else if (m.role === 'assistant') {
      const n = normalise(m.content);
      assistantNorm.push(n);
      if (!pushback && n.trim().length > 0 && repliesRead < THRESHOLDS.pushbackReplies) {
        repliesRead++;
        const cues = pushbackCues(n, lastUser);
        const p = binaryProbability(models.pushback, pushbackFeatures(n, lastUser, cues));
        const sig = signalOfCues(cues);
        if (p >= (sig.pushback ? THRESHOLDS.pushbackWithRule : THRESHOLDS.pushback)) {
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
  const firstUser = userNorm.find((n) => n.trim().length > 0) ?? '';
  const pContent = binaryProbability(models.content, contentFeatures(firstUser, ruleHit));
  const contentCreation = pContent >= (ruleHit ? THRESHOLDS.contentWithRule : THRESHOLDS.content);
  const f = features(userNorm, assistantNorm);
  let categories = decideCategories(f, humanMessages);
  if (contentCreation && !options.categoriesForContent) categories = [];
  return {
    contentCreation,
    categories,
    pushback,
    pushbackReason: reason,
    sentiment: userNorm.map((t) => normalisedMessageSentiment(t)),
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
