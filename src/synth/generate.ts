/**
 * The synthetic labelled corpus: conversations with known ground truth (categories, topic,
 * pushback and its reason, per-message sentiment, planted PII), as Clio was validated on.
 *
 * Every conversation draws from its own random stream, derived from (seed, index), so the output
 * is a pure function of the options, streams in constant memory, and conversation i is the same
 * whatever n is.
 */
import type { Conversation, Message } from '../conversation/model.js';
import type { DependencyCues } from '../facets/dependencyCues.js';
import {
  CATEGORIES,
  type Category,
  type PushbackReason,
  type SentimentValue,
  type SupportFacets,
} from '../facets/schema.js';
import { createRng, deriveSeed, pick, type Rng, randInt } from '../util/random.js';
import type { PhraseBank, TopicGroup } from './bank.js';
import { type CanaryKind, canaryIdentity, canarySentence, chooseCanaryKinds } from './canaries.js';
import { fill } from './fill.js';
import {
  type ConversationPlan,
  CUE_SENTENCES,
  cuesOfText,
  DRIFT_MIN_HUMANS,
  heavyLength,
  type LongitudinalOptions,
  planConversation,
  plantCue,
  type ResolvedLongitudinal,
  resolveLongitudinal,
} from './longitudinal.js';
import {
  GENERIC_PROGRESS,
  GENERIC_REPLIES,
  GENERIC_REPLIES_ZH,
  GENERIC_SETBACK,
  GENERIC_TOOL_FOLLOWUPS,
  GLAD_REPLIES,
  OPENING_POSITIVE,
  SENTIMENT_PREFIX,
  SENTIMENT_PREFIX_ZH,
  toneKey,
} from './phrases.js';
import { PUSHBACK_SCENES, type PushbackScene } from './pushbackScenes.js';
import {
  chooseSupportPlant,
  plantSupport,
  type SupportPlant,
  type SupportPlantOptions,
  supportTruthOf,
} from './supportTruth.js';
import { branchOf, TOPIC_TREE, type TopicLeaf } from './topicTree.js';

export { TOPIC_TREE } from './topicTree.js';

export interface SynthOptions {
  n: number;
  seed: number;
  /** Share of affective conversations (any of the five categories). Default 0.03. */
  affectiveShare?: number;
  /** Share of content-creation conversations. Default 0.12. */
  contentCreationShare?: number;
  /** Relative weights of the categories among affective conversations (missing ones keep defaults). */
  categoryMix?: Partial<Record<Category, number>>;
  /** Share of conversations in Chinese (only topics with Chinese templates). Default 0. */
  chineseShare?: number;
  /** Share of conversations with planted PII canaries. Default 0. */
  canaryShare?: number;
  /** Number of distinct users; conversations per user are skewed. Default max(1, round(n/4)). */
  users?: number;
  /** ISO date of the earliest conversation. Default 2025-01-01T00:00:00Z; conversations span 90 days. */
  startDate?: string;
  /** Days the conversations span (default 90). */
  spanDays?: number;
  /** Longest conversation, in human messages (default 80; heavy users' long conversations are not capped). */
  maxHumanMessages?: number;
  /** Users over time, heavy users, a segment field, drift and dependency cues (see longitudinal.ts). */
  longitudinal?: LongitudinalOptions;
  /** Planted crisis statements and validated plans (see supportTruth.ts); none by default. */
  support?: SupportPlantOptions;
}

export type SentimentArc = 'improving' | 'flat' | 'worsening';

export interface SynthTruth {
  contentCreation: boolean;
  categories: Category[];
  /** Leaf id, e.g. 'counseling/work_anxiety'. */
  topic: string;
  topicPath: string[];
  pushback: boolean;
  pushbackReason: PushbackReason | null;
  sentimentArc: SentimentArc;
  /** One value per user message. */
  sentiment: SentimentValue[];
  language: 'en' | 'zh';
  /** The exact planted identifier strings (empty when none). */
  canaries: string[];
  /** With `longitudinal` options only: the conversation belongs to a planted heavy user. */
  heavyUser?: boolean;
  /** With `longitudinal` options only: the planted probability that the conversation is affective. */
  affectiveProbability?: number;
  /** With a segment field only: its value. */
  segment?: string;
  /**
   * With `longitudinal` options, for conversations of at least 12 human messages: the main category of
   * the first and of the last third of the user's messages (empty: not affective). null otherwise.
   */
  drift?: { first: Category[]; last: Category[] } | null;
  /** With `longitudinal` options only: the dependency cues the user's messages state. */
  dependency?: DependencyCues;
  /** Referral, crisis and stance (issue 17): see supportTruth.ts. */
  support: SupportFacets;
}

export interface SynthRecord {
  conversation: Conversation;
  truth: SynthTruth;
}

/** Within affective use; romantic roleplay stays below 0.1 % and companionship + roleplay below 0.5 % of all at 3 %. */
export const DEFAULT_CATEGORY_MIX: Readonly<Record<Category, number>> = {
  interpersonal_advice: 0.38,
  coaching: 0.3,
  counseling: 0.22,
  companionship: 0.085,
  romantic_roleplay: 0.015,
};

export const DEFAULT_AFFECTIVE_SHARE = 0.03;
export const DEFAULT_CONTENT_CREATION_SHARE = 0.12;
const DEFAULT_START = '2025-01-01T00:00:00Z';
const DAY_MS = 24 * 3600 * 1000;
const SPAN_MS = 90 * DAY_MS;
const MAX_HUMAN_MESSAGES = 80;
/** Share of topics with a second category that carry it. */
export const SECONDARY_SHARE = 0.3;
const PUSHBACK_SHARE: Readonly<Record<TopicGroup, number>> = { affective: 0.1, task: 0.035, content: 0.03 };

interface Resolved {
  n: number;
  seed: number;
  affectiveShare: number;
  contentShare: number;
  categoryCdf: { category: Category; upTo: number }[];
  chineseShare: number;
  canaryShare: number;
  users: number;
  startMs: number;
  spanMs: number;
  maxHumanMessages: number;
  longitudinal: ResolvedLongitudinal | null;
  support: SupportPlantOptions | null;
}

/** Checks options and fills defaults; throws RangeError naming the bad option. */
export function resolveSynthOptions(o: SynthOptions): Resolved {
  const share = (name: string, v: number | undefined, dflt: number): number => {
    const x = v ?? dflt;
    if (!Number.isFinite(x) || x < 0 || x > 1)
      throw new RangeError(`${name} must be between 0 and 1, got ${v}`);
    return x;
  };
  if (!Number.isInteger(o.n) || o.n < 0) throw new RangeError(`n must be a non-negative integer, got ${o.n}`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`seed must be an integer, got ${o.seed}`);
  const affectiveShare = share('affectiveShare', o.affectiveShare, DEFAULT_AFFECTIVE_SHARE);
  const contentShare = share('contentCreationShare', o.contentCreationShare, DEFAULT_CONTENT_CREATION_SHARE);
  if (affectiveShare + contentShare > 1)
    throw new RangeError(
      `affectiveShare + contentCreationShare must be at most 1, got ${affectiveShare + contentShare}`,
    );
  const users = o.users ?? Math.max(1, Math.round(o.n / 4));
  if (!Number.isInteger(users) || users < 1)
    throw new RangeError(`users must be a positive integer, got ${o.users}`);
  const startMs = Date.parse(o.startDate ?? DEFAULT_START);
  if (!Number.isFinite(startMs)) throw new RangeError(`startDate must be an ISO date, got ${o.startDate}`);
  const mix = { ...DEFAULT_CATEGORY_MIX, ...o.categoryMix };
  let total = 0;
  for (const c of CATEGORIES) {
    const w = mix[c];
    if (!Number.isFinite(w) || w < 0)
      throw new RangeError(`categoryMix.${c} must be a non-negative number, got ${w}`);
    total += w;
  }
  if (total <= 0) throw new RangeError('categoryMix must give at least one category a positive weight');
  let acc = 0;
  const categoryCdf = CATEGORIES.map((category) => {
    acc += mix[category] / total;
    return { category, upTo: acc };
  });
  const spanDays = o.spanDays ?? SPAN_MS / DAY_MS;
  if (!Number.isFinite(spanDays) || spanDays <= 0)
    throw new RangeError(`spanDays must be a positive number, got ${o.spanDays}`);
  return {
    n: o.n,
    seed: o.seed,
    affectiveShare,
    contentShare,
    categoryCdf,
    chineseShare: share('chineseShare', o.chineseShare, 0),
    canaryShare: share('canaryShare', o.canaryShare, 0),
    users,
    startMs,
    spanMs: spanDays * DAY_MS,
    maxHumanMessages: positiveInt('maxHumanMessages', o.maxHumanMessages, MAX_HUMAN_MESSAGES),
    longitudinal: o.longitudinal ? resolveLongitudinal(o.longitudinal, affectiveShare, contentShare) : null,
    support: o.support
      ? {
          crisisShare: share('support.crisisShare', o.support.crisisShare, 0),
          validationShare: share('support.validationShare', o.support.validationShare, 0),
        }
      : null,
  };
}

export function* generateConversations(options: SynthOptions): Generator<SynthRecord> {
  const r = resolveSynthOptions(options);
  const userIds = new Map<number, string>();
  for (let i = 0; i < r.n; i++) yield generateOne(r, i, userIds);
}

/** The id of conversation i (stable across n). */
export function synthConversationId(seed: number, i: number): string {
  return `synth-${seed}-${String(i).padStart(7, '0')}`;
}

function generateOne(r: Resolved, i: number, userIds: Map<number, string>): SynthRecord {
  const rng = createRng(deriveSeed(r.seed, `conv:${i}`));
  const plan = r.longitudinal ? planConversation(r.longitudinal, r.seed, i, r.contentShare) : null;
  const leaf = plan?.category
    ? pick(rng, branchOf(plan.category).topics)
    : chooseTopic(r, rng, plan?.affectiveProbability ?? r.affectiveShare);
  const language = chooseLanguage(r, rng, leaf);
  const topic = language.leaf;
  const zh = language.language === 'zh';
  const bank: PhraseBank = zh ? topic.zh! : topic.bank;

  const categories: Category[] = topic.category ? [topic.category] : [];
  let secondary: TopicLeaf | null = null;
  if (topic.secondary && rng() < SECONDARY_SHARE) {
    const candidates = branchOf(topic.secondary).topics.filter((t) => !zh || t.zh);
    if (candidates.length > 0) {
      secondary = pick(rng, candidates);
      categories.push(topic.secondary);
    }
  }

  const sampled = sampleLength(rng, topic.group, r.maxHumanMessages);
  const humans = plan && plan.heavy >= 0 ? heavyLength(plan.rng) : sampled;
  const sceneId =
    !zh && topic.pushback.length > 0 && rng() < PUSHBACK_SHARE[topic.group]
      ? pick(rng, topic.pushback)
      : null;
  const scene = sceneId !== null ? PUSHBACK_SCENES[sceneId] : null;
  const { arc, values } = sentimentValues(rng, topic, humans, scene);
  const pushbackAt = scene ? pushbackPosition(rng, topic.group, values, scene) : -1;
  const secondaryAt = secondary ? (humans === 1 ? 0 : 1 + randInt(rng, humans - 1)) : -1;

  const chosen = new Map<string, string>();
  const users: string[] = [];
  const used = new Set<string>();
  for (let k = 0; k < humans; k++) {
    let text: string;
    if (k === pushbackAt && scene) {
      const ask = pick(rng, scene.user);
      if (k === 0) text = `${fill(pick(rng, bank.openers), rng, bank.slots, chosen)} ${ask}`;
      else text = scene.sentiment !== undefined ? ask : withPrefix(rng, values[k], topic.group, ask, zh);
    } else if (k === 0) {
      text = openerText(rng, topic, bank, values[0], chosen, zh);
    } else if (k === secondaryAt && secondary) {
      const sbank = zh ? secondary.zh! : secondary.bank;
      text = withPrefix(
        rng,
        values[k],
        'affective',
        fill(pick(rng, sbank.followUps), rng, sbank.slots, chosen),
        zh,
      );
    } else {
      text = laterText(rng, topic, bank, values[k], chosen, used, zh);
    }
    if (k === 0 && secondaryAt === 0 && secondary) {
      const sbank = zh ? secondary.zh! : secondary.bank;
      text += (zh ? '' : ' ') + fill(pick(rng, sbank.openers), rng, sbank.slots, chosen);
    }
    users.push(text);
  }

  const drift = plan && r.longitudinal && !zh ? plannedDrift(r.longitudinal, plan, topic, humans) : null;
  if (drift) {
    const cbank = drift.topic.bank;
    for (let k = drift.from; k < humans; k++) {
      // The pushback and the secondary topic keep their turn (the truth records them).
      if (k === pushbackAt || k === secondaryAt) continue;
      const body = fill(
        pick(plan!.rng, k === drift.from ? cbank.openers : cbank.followUps),
        plan!.rng,
        cbank.slots,
        chosen,
      );
      users[k] = withPrefix(plan!.rng, values[k], 'affective', body, false);
    }
    if (!categories.includes('companionship')) categories.push('companionship');
  }
  let plantedCue: ReturnType<typeof plantCue> = null;
  if (plan && r.longitudinal && !zh && topic.category === 'companionship') {
    const l = r.longitudinal;
    plantedCue = plantCue(plan.rng, plan.heavy >= 0 ? l.heavyDependencyShare : l.dependencyShare);
    if (plantedCue) {
      const k = Math.floor(humans / 2);
      users[k] = `${users[k]} ${pick(plan.rng, CUE_SENTENCES[plantedCue])}`;
    }
  }

  const chosenUser = chooseUser(rng, r.users);
  const userIndex = plan && plan.heavy >= 0 ? r.users + plan.heavy : chosenUser;
  const canaries: string[] = [];
  if (r.canaryShare > 0 && rng() < r.canaryShare) {
    const identity = canaryIdentity(r.seed, userIndex);
    for (const kind of chooseCanaryKinds(rng)) {
      const value = identity[kind as CanaryKind];
      const k = randInt(rng, humans);
      const sentence = canarySentence(rng, kind, value, language.language);
      const sep = zh ? '' : ' ';
      users[k] = rng() < 0.5 ? `${sentence}${sep}${users[k]}` : `${users[k]}${sep}${sentence}`;
      canaries.push(value);
    }
  }

  const messages: Message[] = [];
  for (let k = 0; k < humans; k++) {
    messages.push({ role: 'user', content: users[k] });
    const turnTopic = drift && k >= drift.from ? drift.topic : topic;
    messages.push({
      role: 'assistant',
      content: replyText(
        rng,
        turnTopic,
        turnTopic === topic ? bank : turnTopic.bank,
        values[k],
        k,
        k === pushbackAt ? scene : null,
        chosen,
        zh,
      ),
    });
  }

  // The support scenes draw from their own stream, so a corpus without them is unchanged.
  let supportPlant: SupportPlant = null;
  if (r.support && !zh && !scene && categories.length > 0) {
    const srng = createRng(deriveSeed(r.seed, `support:${i}`));
    supportPlant = chooseSupportPlant(srng, r.support);
    plantSupport(srng, messages, supportPlant);
  }

  const drawn = rng();
  const at = plan ? plan.at : drawn;
  const createdAt = new Date(r.startMs + Math.floor((at * r.spanMs) / 1000) * 1000).toISOString();
  const conversation: Conversation = {
    id: synthConversationId(r.seed, i),
    userId: cachedUserId(userIds, r.seed, userIndex),
    createdAt,
    messages,
    source: { file: 'synth', position: i + 1, unit: 'line' },
    metadata: plan?.segment
      ? { language: language.language, [r.longitudinal!.segment!.field]: plan.segment.value }
      : { language: language.language },
  };
  const truth: SynthTruth = {
    contentCreation: topic.group === 'content',
    categories,
    topic: topic.id,
    topicPath: [...topic.path],
    pushback: scene !== null,
    pushbackReason: scene ? scene.reason : null,
    sentimentArc: arc,
    sentiment: values,
    language: language.language,
    canaries,
    support: supportTruthOf(
      messages,
      sceneId,
      categories.length > 0 && topic.group !== 'content',
      supportPlant,
    ),
  };
  if (plan) {
    truth.heavyUser = plan.heavy >= 0;
    truth.affectiveProbability = plan.affectiveProbability;
    if (plan.segment) truth.segment = plan.segment.value;
    const main: Category[] = topic.category ? [topic.category] : [];
    truth.drift =
      humans >= DRIFT_MIN_HUMANS && !truth.contentCreation
        ? { first: main, last: drift ? ['companionship'] : main }
        : null;
    truth.dependency = cuesOfText(users, plantedCue);
  }
  return { conversation, truth };
}

/** Where a planned drift starts (the last third) and the companionship topic it turns to, or null. */
function plannedDrift(
  l: ResolvedLongitudinal,
  plan: ConversationPlan,
  topic: TopicLeaf,
  humans: number,
): { from: number; topic: TopicLeaf } | null {
  if (l.driftShare <= 0 || humans < DRIFT_MIN_HUMANS) return null;
  if (topic.category !== 'coaching' && topic.category !== 'counseling') return null;
  const from = humans - Math.floor(humans / 3);
  if (plan.rng() >= l.driftShare) return null;
  return { from, topic: pick(plan.rng, branchOf('companionship').topics) };
}

function chooseTopic(r: Resolved, rng: Rng, affectiveShare: number): TopicLeaf {
  const u = rng();
  if (u < affectiveShare) {
    const v = rng();
    const category = (r.categoryCdf.find((c) => v < c.upTo) ?? r.categoryCdf[r.categoryCdf.length - 1])
      .category;
    return pick(rng, branchOf(category).topics);
  }
  if (u < affectiveShare + r.contentShare) return pick(rng, branchOf('content').topics);
  return pick(rng, branchOf('task').topics);
}

/** Chinese only where the topic's branch has Chinese templates; otherwise the conversation stays English. */
function chooseLanguage(r: Resolved, rng: Rng, leaf: TopicLeaf): { language: 'en' | 'zh'; leaf: TopicLeaf } {
  if (r.chineseShare <= 0 || rng() >= r.chineseShare) return { language: 'en', leaf };
  if (leaf.zh) return { language: 'zh', leaf };
  const branch = TOPIC_TREE.find((b) => b.id === leaf.path[0])!;
  const withZh = branch.topics.filter((t) => t.zh);
  if (withZh.length === 0) return { language: 'en', leaf };
  return { language: 'zh', leaf: pick(rng, withZh) };
}

/** Human message count: mostly 1-4, a long tail to 80; affective conversations run longer. */
function positiveInt(name: string, v: number | undefined, dflt: number): number {
  const x = v ?? dflt;
  if (!Number.isInteger(x) || x < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  return x;
}

function sampleLength(rng: Rng, group: TopicGroup, max: number): number {
  const u = rng();
  const short = group === 'affective' ? [0.12, 0.24, 0.36, 0.46] : [0.42, 0.66, 0.78, 0.86];
  for (let k = 0; k < short.length; k++) if (u < short[k]) return k + 1;
  const alpha = group === 'affective' ? 0.9 : 1.4;
  const tail = Math.floor(5 * (1 - rng()) ** (-1 / alpha));
  return Math.min(max, tail);
}

function openerTone(topic: TopicLeaf): SentimentValue {
  return topic.openerTone ?? (topic.group === 'affective' ? -0.5 : 0);
}

/** Per-user-message sentiment shaped by the arc: interpolated, rounded to the 5-point scale, a little noise in the middle. */
function sentimentValues(
  rng: Rng,
  topic: TopicLeaf,
  n: number,
  scene: PushbackScene | null,
): { arc: SentimentArc; values: SentimentValue[] } {
  const tone = openerTone(topic);
  const personal = topic.group === 'affective';
  let arc: SentimentArc = 'flat';
  if (n >= 2) {
    const u = rng();
    if (personal) arc = u < 0.5 ? 'improving' : u < 0.8 ? 'flat' : 'worsening';
    else arc = u < 0.8 ? 'flat' : u < 0.93 ? 'improving' : 'worsening';
  }
  let start: number;
  let end: number;
  if (!personal) {
    if (arc === 'improving') [start, end] = [pick(rng, [-1, -0.5, -0.5]), pick(rng, [0.5, 1])];
    else if (arc === 'worsening') [start, end] = [0, pick(rng, [-0.5, -1])];
    else start = end = 0;
  } else if (tone < 0) {
    if (arc === 'improving') [start, end] = [pick(rng, [-1, -0.5]), pick(rng, [0, 0.5, 0.5, 1])];
    else if (arc === 'worsening') [start, end] = [-0.5, -1];
    else start = end = pick(rng, [-0.5, -0.5, -1]);
  } else {
    if (arc === 'improving') [start, end] = [tone, pick(rng, tone === 0 ? [0.5, 1] : [1])];
    else if (arc === 'worsening') [start, end] = [tone, pick(rng, [-0.5, -1])];
    else start = end = tone;
  }
  // A self-harm disclosure is very negative whatever the arc; shape the arc so that holds.
  if (scene?.sentiment === -1) {
    if (arc === 'worsening') end = -1;
    else if (arc === 'improving') start = -1;
    else start = end = -1;
  }
  const values: SentimentValue[] = [];
  for (let k = 0; k < n; k++) {
    let x = n === 1 ? start : start + ((end - start) * k) / (n - 1);
    const middle = k >= 3 && k < n - 3;
    if (middle && rng() < 0.15) x += rng() < 0.5 ? -0.5 : 0.5;
    values.push(toSentiment(x));
  }
  return { arc, values };
}

function toSentiment(x: number): SentimentValue {
  const v = Math.round(Math.max(-1, Math.min(1, x)) * 2) / 2;
  return (v === 0 ? 0 : v) as SentimentValue;
}

/** Where the pushback happens: tasks usually ask in the first turn; self-harm goes to the lowest point. */
function pushbackPosition(
  rng: Rng,
  group: TopicGroup,
  values: SentimentValue[],
  scene: PushbackScene,
): number {
  if (scene.sentiment !== undefined) {
    let at = 0;
    for (let k = 1; k < values.length; k++) if (values[k] < values[at]) at = k;
    values[at] = scene.sentiment;
    return at;
  }
  if (group !== 'affective' && rng() < 0.6) return 0;
  return randInt(rng, values.length);
}

function openerText(
  rng: Rng,
  topic: TopicLeaf,
  bank: PhraseBank,
  v: SentimentValue,
  chosen: Map<string, string>,
  zh: boolean,
): string {
  const body = fill(pick(rng, bank.openers), rng, bank.slots, chosen);
  const tone = openerTone(topic);
  if (v > tone && v > 0 && !zh) return `${pick(rng, OPENING_POSITIVE[String(v) as '0.5' | '1'])} ${body}`;
  if (v < tone || (v === tone && v < 0 && rng() < 0.5)) return withPrefix(rng, v, topic.group, body, zh);
  return body;
}

function laterText(
  rng: Rng,
  topic: TopicLeaf,
  bank: PhraseBank,
  v: SentimentValue,
  chosen: Map<string, string>,
  used: Set<string>,
  zh: boolean,
): string {
  const personal = topic.group === 'affective';
  let body: string;
  if (v === 1 && personal && !zh && rng() < 0.6) body = pick(rng, bank.progress ?? GENERIC_PROGRESS);
  else if (v === 0.5 && personal && !zh && rng() < 0.4) body = pick(rng, bank.progress ?? GENERIC_PROGRESS);
  else if (v === -1 && personal && !zh && rng() < 0.5) body = pick(rng, bank.setbacks ?? GENERIC_SETBACK);
  else if (v === 1 && !personal && rng() < 0.5) return withPrefix(rng, v, topic.group, '', zh);
  else if (!personal && !zh && rng() < 0.15) body = pick(rng, GENERIC_TOOL_FOLLOWUPS);
  else body = freshFollowUp(rng, bank, used);
  return withPrefix(rng, v, topic.group, fill(body, rng, bank.slots, chosen), zh);
}

/** Avoids repeating a follow-up until the bank runs out, so long conversations stay varied. */
function freshFollowUp(rng: Rng, bank: PhraseBank, used: Set<string>): string {
  for (let tries = 0; tries < 4; tries++) {
    const t = pick(rng, bank.followUps);
    if (!used.has(t)) {
      used.add(t);
      return t;
    }
  }
  return pick(rng, bank.followUps);
}

function withPrefix(rng: Rng, v: SentimentValue, group: TopicGroup, body: string, zh: boolean): string {
  const key = toneKey(v);
  if (key === null) return body;
  const prefix = zh
    ? pick(rng, SENTIMENT_PREFIX_ZH[key])
    : pick(rng, SENTIMENT_PREFIX[group === 'affective' ? 'personal' : 'tool'][key]);
  if (body === '') return prefix;
  return zh ? `${prefix}${body}` : `${prefix} ${body}`;
}

function replyText(
  rng: Rng,
  topic: TopicLeaf,
  bank: PhraseBank,
  v: SentimentValue,
  k: number,
  scene: PushbackScene | null,
  chosen: Map<string, string>,
  zh: boolean,
): string {
  if (scene) return pick(rng, scene.assistant);
  if (zh)
    return fill(
      rng() < 0.8 ? pick(rng, bank.replies) : pick(rng, GENERIC_REPLIES_ZH),
      rng,
      bank.slots,
      chosen,
    );
  if (k > 0 && v >= 0.5 && rng() < 0.5) return pick(rng, GLAD_REPLIES[topic.group]);
  // Generic task replies ("here is another example") only make sense after a first answer.
  const generic = (k > 0 || topic.group === 'affective') && rng() < 0.25;
  const t = generic ? pick(rng, GENERIC_REPLIES[topic.group]) : pick(rng, bank.replies);
  return fill(t, rng, bank.slots, chosen);
}

/**
 * Zipf-like conversations per user: user ranks follow a continuous power law with density
 * proportional to (rank + 1)^-0.7. At n = 20k over 5k users this gives a top user with ~2 % of
 * the conversations and about a quarter of the active users with a single conversation.
 */
function chooseUser(rng: Rng, users: number): number {
  const s = 0.7;
  const a = 1;
  const b = (users + 1) ** (1 - s);
  const rank = Math.floor((a + rng() * (b - a)) ** (1 / (1 - s)) - 1);
  return Math.min(users - 1, Math.max(0, rank));
}

/** Heavy users recur; hashing their id once saves a tenth of the generation time. */
function cachedUserId(cache: Map<number, string>, seed: number, userIndex: number): string {
  let id = cache.get(userIndex);
  if (id === undefined) {
    id = userIdFor(seed, userIndex);
    cache.set(userIndex, id);
  }
  return id;
}

export function userIdFor(seed: number, userIndex: number): string {
  const a = deriveSeed(seed, `user:${userIndex}`).toString(16).padStart(8, '0');
  const b = deriveSeed(seed, `user2:${userIndex}`).toString(16).padStart(8, '0');
  return `user-${a}${b}`;
}
