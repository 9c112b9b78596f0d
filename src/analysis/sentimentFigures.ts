/**
 * Figure 4: does the user's expressed sentiment change over a conversation? For conversations long
 * enough to have a distinct start and end (>= 6 human messages), the change is the mean sentiment of
 * the last three human messages minus that of the first three, on the study's -1..1 scale.
 */

import { type EstimateMethod, type Estimator, rawEstimator } from '../estimate/estimator.js';
import type { Interval } from '../estimate/intervals.js';
import type { Category } from '../facets/schema.js';
import {
  changeDirection,
  SENTIMENT_MIN_HUMAN_MESSAGES,
  SENTIMENT_SAME_BAND,
  SENTIMENT_WINDOW,
  sentimentChangeOf,
} from '../facets/sentimentChange.js';
import {
  GroupTally,
  type Shown,
  type Suppressed,
  ThresholdGate,
  type Thresholds,
} from '../privacy/thresholds.js';
import { deriveSeed } from '../util/random.js';
import { CATEGORY_ORDER, type EmptyGroup, effectiveCategories } from './groups.js';
import { Composite, PositionedValues } from './mergeable.js';
import { PerStratum, rateStrata } from './perStratum.js';
import type { AnalysisRecord } from './record.js';

export interface SentimentOptions {
  seed: number;
  resamples?: number;
  level?: number;
}

/** mean(last 3) − mean(first 3), or null when the conversation is too short or its sentiment is missing. */
export function conversationSentimentChange(r: AnalysisRecord): number | null {
  if (r.humanMessages < SENTIMENT_MIN_HUMAN_MESSAGES) return null;
  return sentimentChangeOf(r.facets.sentiment);
}

export interface ChangeDistribution {
  better: number;
  same: number;
  worse: number;
  /** Shares of n. */
  betterShare: number;
  sameShare: number;
  worseShare: number;
}

export interface SentimentFigures {
  /** Eligible conversations behind the bar. */
  n: number;
  meanChange: number;
  interval: Interval;
  method: EstimateMethod;
  distribution: ChangeDistribution;
}

export type SentimentGroup<G extends string> = { group: G } & (
  | Suppressed
  | Shown<SentimentFigures>
  | Shown<EmptyGroup>
);

export interface SentimentChange {
  minHumanMessages: number;
  window: number;
  sameBand: number;
  resamples: number;
  level: number;
  /** Affective conversations with enough human messages but fewer sentiment values than that (engine gaps). */
  missingSentiment: number;
  allAffective: SentimentGroup<'all_affective'>;
  categories: SentimentGroup<Category>[];
  suppressed: number;
}

class ChangeTally extends Composite {
  readonly group = new GroupTally();
  /** Per stratum, the changes of the group's conversations, in input order (the bootstrap resamples by position). */
  readonly values = new PositionedValues();
  readonly members = new PerStratum();
  readonly better = new PerStratum();
  readonly same = new PerStratum();
  readonly worse = new PerStratum();

  add(r: AnalysisRecord, change: number, h: number, position: number): void {
    this.group.add(r);
    this.values.add(h, change, position);
    this.members.add(h);
    this[changeDirection(change)].add(h);
  }

  protected parts() {
    const { group, values, members, better, same, worse } = this;
    return { group, values, members, better, same, worse };
  }
}

function figures<G extends string>(
  group: G,
  t: ChangeTally,
  gate: ThresholdGate,
  units: PerStratum,
  estimator: Estimator,
  opts: Required<SentimentOptions>,
  within?: GroupTally,
): SentimentGroup<G> {
  // An empty group is shown as n = 0 (it reveals nobody) unless its category is a small group that
  // the zero would describe; there is no mean to give for it.
  return {
    group,
    ...gate.show(
      t.group.size(),
      () => changeFigures(group, t, units, estimator, opts),
      (): EmptyGroup => ({ n: 0 }),
      within?.size(),
    ),
  };
}

function changeFigures(
  group: string,
  t: ChangeTally,
  units: PerStratum,
  estimator: Estimator,
  opts: Required<SentimentOptions>,
): SentimentFigures {
  const strata = estimator.strata;
  const m = estimator.mean(
    Array.from({ length: strata }, (_, h) => ({ n: units.at(h), values: t.values.of(h) })),
    {
      resamples: opts.resamples,
      level: opts.level,
      // One stream per group, so a change in one category's data never moves another's interval.
      seed: deriveSeed(opts.seed, `sentiment:${group}`),
    },
  );
  const part = (x: PerStratum, d: string) =>
    estimator.rate(rateStrata(units, t.members, x, strata), `sentiment:${group}:${d}`);
  const better = part(t.better, 'better');
  const same = part(t.same, 'same');
  const worse = part(t.worse, 'worse');
  return {
    n: m.n,
    meanChange: m.mean,
    interval: m.interval,
    method: m.method,
    distribution: {
      better: better.count,
      same: same.count,
      worse: worse.count,
      betterShare: better.rate,
      sameShare: same.rate,
      worseShare: worse.rate,
    },
  };
}

/**
 * Figure 4's values, fed one record at a time: the change of every affective conversation long enough
 * to have one (once for all_affective and once per category it is in), per stratum.
 */
export class SentimentChangeAccumulator extends Composite {
  private readonly units = new PerStratum();
  private readonly all = new ChangeTally();
  private readonly per = new Map<Category, ChangeTally>(CATEGORY_ORDER.map((c) => [c, new ChangeTally()]));
  /** Every conversation of each category, long enough or not: the group an empty figure is part of. */
  private readonly members = new Map<Category, GroupTally>(CATEGORY_ORDER.map((c) => [c, new GroupTally()]));
  private missing = 0;
  private next = 0;

  /**
   * `categories` is effectiveCategories(r), passed in when the caller has it already; `position` the
   * record's position among all records (default: the next after the last one added).
   */
  add(
    r: AnalysisRecord,
    categories: readonly Category[] = effectiveCategories(r),
    position: number = this.next,
  ): void {
    this.next = position + 1;
    if (r.facets.status.kind === 'error') return;
    const h = r.stratum ?? 0;
    this.units.add(h);
    if (categories.length === 0) return;
    for (const c of categories) this.members.get(c)!.add(r);
    const change = conversationSentimentChange(r);
    if (change === null) {
      if (r.humanMessages >= SENTIMENT_MIN_HUMAN_MESSAGES) this.missing++;
      return;
    }
    this.all.add(r, change, h, position);
    for (const c of categories) this.per.get(c)!.add(r, change, h, position);
  }

  protected parts() {
    return {
      units: this.units,
      all: this.all,
      per: CATEGORY_ORDER.map((c) => this.per.get(c)!),
      members: CATEGORY_ORDER.map((c) => this.members.get(c)!),
    };
  }

  protected override counters() {
    return ['missing'];
  }

  result(
    thresholds: Thresholds,
    options: SentimentOptions,
    estimator: Estimator = rawEstimator(),
  ): SentimentChange {
    const opts: Required<SentimentOptions> = { resamples: 1000, level: 0.95, ...options };
    const gate = new ThresholdGate(thresholds);
    return {
      minHumanMessages: SENTIMENT_MIN_HUMAN_MESSAGES,
      window: SENTIMENT_WINDOW,
      sameBand: SENTIMENT_SAME_BAND,
      resamples: opts.resamples,
      level: opts.level,
      missingSentiment: this.missing,
      allAffective: figures('all_affective' as const, this.all, gate, this.units, estimator, opts),
      categories: CATEGORY_ORDER.map((c) =>
        figures(c, this.per.get(c)!, gate, this.units, estimator, opts, this.members.get(c)),
      ),
      suppressed: gate.suppressed,
    };
  }
}

export function sentimentChange(
  records: Iterable<AnalysisRecord>,
  thresholds: Thresholds,
  options: SentimentOptions,
): SentimentChange {
  const acc = new SentimentChangeAccumulator();
  for (const r of records) acc.add(r);
  return acc.result(thresholds, options);
}
