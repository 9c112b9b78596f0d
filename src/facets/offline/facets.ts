/**
 * The offline engine's answer for one conversation: every facet from lexicons and rules, with no
 * network and no randomness. Deterministic and fast enough for millions of conversations.
 *
 * Where things are: the lexicons and phrase patterns in cues/, conversation -> features in
 * features.ts (the costlier per-message patterns behind word gates in messageCues.ts), features ->
 * categories (every weight in one table) in categories.ts, the fitted heads in models.ts, pushback in
 * pushback.ts, sentiment in sentiment.ts. This file composes them.
 */
import type { Conversation } from '../../conversation/model.js';
import type { Facets, SentimentValue } from '../schema.js';
import { CATEGORY_WEIGHTS, type CategoryWeights, decideCategories } from './categories.js';
import { buildConcern } from './concern.js';
import { requestsContent } from './contentCreation.js';
import { TOPICS } from './cues/topics.js';
import { type ConversationFeatures, conversationFeatures, scanUser, type UserScan } from './features.js';
import {
  binaryProbability,
  contentFeatures,
  type OfflineModels,
  pushbackFeatures,
  shippedModels,
} from './models.js';
import { pushbackCues, pushbackReason, signalOfCues } from './pushbackDecision.js';
import { offlineSupport } from './supportCues.js';
import { detectLanguage, normalise } from './text.js';
import { mergedTally } from './topicMatch.js';

export interface OfflineOptions {
  /** Drop categories when the conversation is content creation (the study's funnel does). */
  categoriesForContent?: boolean;
  /** Fitted heads to use instead of the shipped ones (cross-validation, tests). */
  models?: OfflineModels;
  /** Category weights to use instead of CATEGORY_WEIGHTS (tuning against the dev figures, tests). */
  categoryWeights?: Partial<CategoryWeights>;
  /**
   * Collects the names of the cues that fired, as the rules read them (offlineEvidence.ts turns them
   * into a decision's evidence). Names from the rules' own vocabulary and numbers, never text.
   */
  trace?: string[];
}

/**
 * Probability cut-offs of the fitted heads (not the privacy thresholds), chosen on aggregate dev
 * scores (see tools/train.ts).
 */
export const HEAD_CUTOFFS = {
  /**
   * Content creation without a rule hit needs a confident head; a rule hit (a request to write or
   * produce a text, codebook section 1) decides alone: the head's veto (0.1 until rules-7) lowered
   * every held-out figure once the rules covered the codebook's list.
   */
  content: 0.85,
  contentWithRule: 0,
  /** Pushback: the same pairing (the head was fitted on one chatbot's refusals, so rules lead). */
  pushback: 0.85,
  pushbackWithRule: 0.05,
  /**
   * Assistant replies read by the pushback head: refusals and rebuttals come early. Later replies
   * are read by the rules alone (LATE_PUSHBACK).
   */
  pushbackReplies: 3,
};

/**
 * Cues that decide pushback in a reply after the head's first ones: outright refusals, disapproval
 * of the plan, a reluctant "why", a declined diagnosis. Not the weak rebuttals nor feigned confusion,
 * which read too often as an ordinary turn of a long chat.
 */
const LATE_PUSHBACK: readonly string[] = ['refusal', 'disapproval', 'motive_probe', 'referral_boundary'];

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
  // Whether the user turns so far asked for something harmful (read only while pushback is open).
  let riskySoFar = false;
  let gatesSoFar = 0;
  for (const m of conv.messages) {
    if (m.role === 'user') {
      userRaw.push(m.content);
      const n = normalise(m.content);
      userNorm.push(n);
      const scanned = scanUser(n);
      userScans.push(scanned);
      lastUser = n;
      lastUserTokens = scanned.tokens;
      riskySoFar ||= scanned.risky;
      gatesSoFar |= scanned.gates;
    } else if (m.role === 'assistant') {
      const n = normalise(m.content);
      assistantNorm.push(n);
      if (!pushback && n.trim().length > 0) {
        repliesRead++;
        const early = repliesRead <= HEAD_CUTOFFS.pushbackReplies;
        const cues = pushbackCues(n, lastUser, riskySoFar);
        const sig = signalOfCues(cues);
        // A reply that only says it did not follow (to a harmless request), or states a real limit of
        // the assistant, is never pushback, however confident the head.
        const dodged = cues.includes('dodge') || cues.includes('capability_limit');
        options.trace?.push(...cues.map((c) => `pushback cue: ${c} (reply ${repliesRead})`));
        // The first replies go to the head; later ones (pushback counts anywhere, codebook section
        // 3) only by an outright refusal, disapproval, reluctant "why" or professional boundary.
        let decided: boolean;
        if (early) {
          const p = binaryProbability(models.pushback, pushbackFeatures(n, lastUser, cues, lastUserTokens));
          options.trace?.push(`pushback head: ${p.toFixed(2)} (reply ${repliesRead})`);
          decided = p >= (sig.pushback ? HEAD_CUTOFFS.pushbackWithRule : HEAD_CUTOFFS.pushback);
        } else {
          options.trace?.push(`pushback rules only (reply ${repliesRead})`);
          decided = LATE_PUSHBACK.some((c) => cues.includes(c));
        }
        if (!dodged && decided) {
          pushback = true;
          reason = pushbackReason(
            sig.pushback ? sig : { pushback: true, kind: 'refusal' },
            userNorm.join('\n'),
            n,
            gatesSoFar,
            assistantNorm.join('\n'),
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
  const f = conversationFeatures(userNorm, assistantNorm, userScans);
  // Roleplay that casts the assistant as the user's partner is a relationship with the assistant,
  // not a story written for the user (the study's funnel keeps it).
  const contentCreation =
    !f.romanticSetup && pContent >= (ruleHit ? HEAD_CUTOFFS.contentWithRule : HEAD_CUTOFFS.content);
  const weights = options.categoryWeights
    ? { ...CATEGORY_WEIGHTS, ...options.categoryWeights }
    : CATEGORY_WEIGHTS;
  const decided = decideCategories(f, humanMessages, weights);
  const categories = contentCreation && !options.categoriesForContent ? [] : decided;
  if (options.trace)
    traceFeatures(options.trace, { ruleHit, pContent, features: f, decided, categories, contentCreation });
  return {
    contentCreation,
    categories,
    pushback,
    pushbackReason: reason,
    sentiment: f.sentiment,
    concern: buildConcern(
      f.zhTally ? mergedTally(f.tally, f.zhTally) : f.tally,
      categories,
      contentCreation,
      language,
    ),
    language,
    humanMessages,
    status: { kind: 'ok' },
    support: offlineSupport({
      userNorm,
      assistantNorm,
      pushback,
      contentCreation,
      affective: categories.length > 0,
      risky: riskySoFar,
    }),
  };
}

/** Features that are not cues (sizes, the per-message sentiment, the topic tally listed by topic). */
const NOT_CUES = new Set(['tally', 'sentiment', 'userTokens', 'meanUserChars']);

/** The content decision, the topics matched and every feature that fired, as names and numbers. */
function traceFeatures(
  trace: string[],
  d: {
    ruleHit: boolean;
    pContent: number;
    features: ConversationFeatures;
    decided: readonly string[];
    categories: readonly string[];
    contentCreation: boolean;
  },
): void {
  const f = d.features;
  trace.push(`content rule: ${d.ruleHit ? 'a request to write or produce a text' : 'no'}`);
  trace.push(`content head: ${d.pContent.toFixed(2)}${d.contentCreation ? ' (content creation)' : ''}`);
  f.tally.scores.forEach((score, i) => {
    if (score > 0) trace.push(`topic: ${TOPICS[i]?.id ?? i} ${score.toFixed(2)}`);
  });
  for (const [name, value] of Object.entries(f)) {
    if (NOT_CUES.has(name)) continue;
    if (value === true) trace.push(`feature: ${name}`);
    else if (typeof value === 'number' && value > 0)
      trace.push(`feature: ${name} ${Number(value.toFixed(2))}`);
  }
  if (d.decided.length > d.categories.length)
    trace.push(
      `categories before content creation: ${d.decided.join(', ')} (not counted for a writing task)`,
    );
  trace.push(`categories: ${d.categories.length > 0 ? d.categories.join(', ') : 'none'}`);
}
