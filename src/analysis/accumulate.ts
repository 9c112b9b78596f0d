/**
 * All analyses in one pass: each analysed conversation is folded into every analysis as it arrives
 * (in input order), so a run never holds one record per conversation. What stays per conversation:
 * - the affective and the very long conversations, as topic candidates for the cluster stage (their
 *   concern, pushback and reason, user id, effective categories);
 * - inside the analyses, per affective conversation: its user key in the category tallies and its
 *   sentiment change; per long conversation: its user key;
 * - the distinct user ids of the whole log (PerUserAccumulator), which grows with the number of
 *   distinct users, not conversations; a conversation without a user id is only counted;
 * - per period and per segment, the distinct users of the slice (users × periods active), and the
 *   slices' copies of the affective conversations' sentiment changes.
 * Everything about a conversation that is neither affective nor long is a counter.
 */
import { type Estimator, rawEstimator, type StratumShare } from '../estimate/estimator.js';
import type { Category, PushbackReason } from '../facets/schema.js';
import type { Thresholds } from '../privacy/thresholds.js';
import type { KeyList, KeyTable } from '../util/keyTable.js';
import { CrisisAccumulator, type CrisisFigures } from './crisisRates.js';
import { type Dependency, DependencyAccumulator } from './dependencyRates.js';
import { type Drift, DriftAccumulator } from './drift.js';
import { type Funnel, FunnelAccumulator, type FunnelInputCounts, type FunnelStages } from './funnel.js';
import { effectiveCategories } from './groups.js';
import { isLongConversation, type LongConversations, LongConversationsAccumulator } from './long.js';
import { absorbParts, mergeByPosition, partsState } from './mergeable.js';
import { type Overall, OverallAccumulator } from './overall.js';
import { type OverTime, OverTimeAccumulator } from './overTime.js';
import { DEFAULT_PERIOD, type Period } from './periods.js';
import { type Prevalence, PrevalenceAccumulator } from './prevalence.js';
import { type Pushback, PushbackAccumulator } from './pushbackRates.js';
import type { AnalysisRecord } from './record.js';
import { ReferralAccumulator, type ReferralFigures } from './referralRates.js';
import { SegmentAccumulator, type Segments } from './segments.js';
import {
  conversationSentimentChange,
  type SentimentChange,
  SentimentChangeAccumulator,
  type SentimentOptions,
} from './sentimentFigures.js';
import { StanceAccumulator, type StanceFigures } from './stanceRates.js';
import { type UserFigures, userFigures } from './userFigures.js';
import { type PerUser, PerUserAccumulator } from './users.js';

/** An affective or very long conversation, as the topic and pushback-reason clustering need it. */
export interface TopicCandidate {
  /** Position among the analysed records, in input order: unique even when a log repeats conversation ids. */
  index: number;
  userId?: string;
  /** effectiveCategories of the conversation; empty for a long conversation that is not affective. */
  categories: readonly Category[];
  concern: string;
  pushback: boolean;
  pushbackReason: PushbackReason | null;
  /** At least LONG_CONVERSATION_MIN_HUMAN_MESSAGES human messages (and the facets did not fail). */
  long: boolean;
}

/** AnalysisAccumulator.state(): every analysis's state by name, and the topic candidates. */
export interface AccumulatorState {
  parts: Record<string, unknown>;
  candidates: TopicCandidate[];
}

export interface AnalysisResults {
  funnel: Funnel;
  prevalence: Prevalence;
  pushback: Pushback;
  sentimentChange: SentimentChange;
  longConversations: LongConversations;
  perUser: PerUser | null;
  /** The study's whole-log headline numbers (report.json `overall`). */
  overall: Overall;
  users: UserFigures;
  overTime: OverTime;
  segments: Segments;
  drift: Drift;
  dependency: Dependency;
  /** The support facets (issue 17). */
  referral: ReferralFigures;
  crisis: CrisisFigures;
  stance: StanceFigures;
}

/** How conversations are sliced over time and by segment (fixed before the first record). */
export interface AccumulatorOptions {
  /** Period of the over-time figures and of returning users (default: month). */
  period?: Period;
  /** Metadata field whose value segments the headline figures (record.segment); none by default. */
  segmentBy?: string;
}

export interface AnalysisResultOptions {
  counts: FunnelInputCounts;
  thresholds: Thresholds;
  /** Seed of the sentiment bootstrap. */
  seed: number;
  sentiment?: Omit<SentimentOptions, 'seed'>;
  /** How figures are estimated from the records (default: raw counts as classified). */
  estimator?: Estimator;
}

export class AnalysisAccumulator {
  private readonly funnelAcc = new FunnelAccumulator();
  private readonly prevalence = new PrevalenceAccumulator();
  private readonly pushback = new PushbackAccumulator();
  private readonly sentiment = new SentimentChangeAccumulator();
  private readonly long = new LongConversationsAccumulator();
  private readonly users = new PerUserAccumulator();
  private readonly overall = new OverallAccumulator();
  private readonly overTime: OverTimeAccumulator;
  private readonly segments: SegmentAccumulator | null;
  private readonly drift = new DriftAccumulator();
  private readonly dependency = new DependencyAccumulator();
  private readonly referral = new ReferralAccumulator();
  private readonly crisis = new CrisisAccumulator();
  private readonly stance = new StanceAccumulator();
  private candidates: TopicCandidate[] = [];

  constructor(options: AccumulatorOptions = {}) {
    this.overTime = new OverTimeAccumulator(options.period ?? DEFAULT_PERIOD);
    this.segments = options.segmentBy !== undefined ? new SegmentAccumulator(options.segmentBy) : null;
  }

  /**
   * Folds one record in. `position` is its place among all records of the run (default: the next one):
   * a shard passes the positions of its records among the whole input, so shards' states merge in
   * one pass's order (see state/absorb).
   */
  add(r: AnalysisRecord, position: number = this.funnelAcc.records): void {
    const index = position;
    const categories = effectiveCategories(r);
    this.funnelAcc.add(r);
    this.prevalence.add(r, categories);
    this.pushback.add(r, categories);
    this.sentiment.add(r, categories, index);
    this.long.add(r, categories);
    this.users.add(r, categories, this.overTime.periodOf(r), index);
    this.overall.add(r, categories);
    const change = categories.length > 0 ? conversationSentimentChange(r) : null;
    this.overTime.add(r, categories, change, index);
    this.segments?.add(r, categories, change, index);
    this.drift.add(r);
    this.dependency.add(r, categories);
    this.referral.add(r, categories);
    this.crisis.add(r, categories);
    this.stance.add(r, categories);
    const f = r.facets;
    const long = isLongConversation(r);
    if (categories.length === 0 && !long) return;
    this.candidates.push({
      index,
      userId: r.userId,
      categories,
      concern: f.concern,
      pushback: f.pushback,
      pushbackReason: f.pushbackReason,
      long,
    });
  }

  private parts() {
    const { funnelAcc, prevalence, pushback, sentiment, long, users, overall, overTime } = this;
    const { drift, dependency, referral, crisis, stance } = this;
    const parts = {
      funnel: funnelAcc,
      prevalence,
      pushback,
      sentiment,
      long,
      users,
      overall,
      overTime,
      drift,
      dependency,
      referral,
      crisis,
      stance,
    };
    return this.segments ? { ...parts, segments: this.segments } : parts;
  }

  /**
   * Everything the analyses hold, as plain data (user keys as indices into `keys`): what a shard
   * writes, so a merge absorbs it instead of folding the shard's records again.
   */
  state(keys: KeyTable): AccumulatorState {
    return { parts: partsState(this.parts(), keys), candidates: this.candidates };
  }

  /**
   * Adds the state of another accumulator over a disjoint part of the same records (same options).
   * Absorbing the states of a partition by user, in any order, leaves this accumulator as one pass
   * over all the records would have (test/analysis/mergeable.test.ts). Throws SegmentsNotMergeable
   * when the segments cannot be merged exactly; the accumulator must then be dropped.
   */
  absorb(s: AccumulatorState, keys: KeyList): void {
    if ((s.parts.segments !== undefined) !== (this.segments !== null))
      throw new Error('accumulator state: segment-by differs');
    absorbParts(this.parts(), s.parts, keys);
    this.candidates = mergeByPosition(
      this.candidates,
      this.candidates.map((c) => c.index),
      s.candidates,
      s.candidates.map((c) => c.index),
    ).items;
  }

  /** The funnel alone (a cascade takes it from its screen, which saw every conversation). */
  funnel(counts: FunnelInputCounts): Funnel {
    return this.funnelAcc.result(counts);
  }

  /** The funnel's classification stages as `estimator` puts them. */
  funnelStages(estimator: Estimator): FunnelStages {
    return this.funnelAcc.stageCounts(estimator);
  }

  /** Figure 1 alone. */
  prevalenceFigures(thresholds: Thresholds, estimator: Estimator = rawEstimator()): Prevalence {
    return this.prevalence.result(thresholds, estimator);
  }

  /** The per-user counts alone. */
  perUserFigures(thresholds: Thresholds): PerUser | null {
    return this.users.result(thresholds);
  }

  /** Affective conversations per stratum, as an estimator takes them. */
  affectiveStrata(strata: number): StratumShare[] {
    return this.prevalence.affectiveStrata(strata);
  }

  /** Records added so far (analysed + facet errors). */
  get records(): number {
    return this.funnelAcc.records;
  }

  /** Records whose facets failed (status error): excluded from every denominator. */
  get errors(): number {
    return this.funnelAcc.errors;
  }

  /** Conversations kept whole (as topic candidates): the affective and the long ones only. */
  get retained(): number {
    return this.candidates.length;
  }

  /** Distinct real user ids seen (the per-user count's memory; conversations without one are counted). */
  get distinctUserIds(): number {
    return this.users.distinctUserIds;
  }

  /** The affective and long conversations, in input order. */
  topicCandidates(): readonly TopicCandidate[] {
    return this.candidates;
  }

  /** Every analysis's figures, gated. Reads the state without changing it: calling twice gives the same. */
  results(options: AnalysisResultOptions): AnalysisResults {
    const { thresholds } = options;
    const estimator = options.estimator ?? rawEstimator();
    const perUser = this.users.result(thresholds);
    const slices = { thresholds, estimator, seed: options.seed, ...options.sentiment };
    return {
      funnel: this.funnelAcc.result(options.counts, estimator),
      prevalence: this.prevalence.result(thresholds, estimator),
      pushback: this.pushback.result(thresholds, [], estimator),
      sentimentChange: this.sentiment.result(
        thresholds,
        { ...options.sentiment, seed: options.seed },
        estimator,
      ),
      longConversations: this.long.result(thresholds, estimator),
      perUser,
      overall: this.overall.result(thresholds, estimator),
      users: userFigures(this.users, {
        thresholds,
        estimator,
        period: this.overTime.period,
        top1Shown: perUser !== null && !perUser.concentration.suppressed,
        top1Users: perUser && !perUser.concentration.suppressed ? perUser.concentration.topUsers : 0,
      }),
      overTime: this.overTime.result(slices),
      segments: this.segments
        ? this.segments.result(slices)
        : {
            available: false,
            reason: 'no segment field was asked for (analyze --segment-by FIELD)',
            suppressed: 0,
          },
      drift: this.drift.result(thresholds, estimator),
      dependency: this.dependency.result(thresholds, estimator),
      referral: this.referral.result(thresholds, estimator),
      crisis: this.crisis.result(thresholds, estimator),
      stance: this.stance.result(thresholds, estimator),
    };
  }
}

/** One accumulator over a whole set of records (tests, and callers that hold the records anyway). */
export function accumulateAnalyses(
  records: Iterable<AnalysisRecord>,
  options: AccumulatorOptions = {},
): AnalysisAccumulator {
  const acc = new AnalysisAccumulator(options);
  for (const r of records) acc.add(r);
  return acc;
}
