/**
 * The headline figures of one slice of the log (a period, a segment): how many conversations, the
 * affective share and each category's share, the pushback rate and the mean sentiment change among
 * affective conversations, and the share of affective conversations that are very long. Shares and
 * rates go through the run's Estimator; a set of slices is gated together (src/privacy/cellSets.ts),
 * since their totals are the whole log's figures, shown elsewhere: one small slice must not be
 * recoverable as the total minus the others.
 */
import {
  type EstimateMethod,
  type Estimator,
  rawEstimator,
  type ShareEstimate,
} from '../estimate/estimator.js';
import type { Interval } from '../estimate/intervals.js';
import type { Category } from '../facets/schema.js';
import { type CellSize, showCells } from '../privacy/cellSets.js';
import { type Shown, type Suppressed, ThresholdGate, type Thresholds } from '../privacy/thresholds.js';
import { deriveSeed } from '../util/random.js';
import { CATEGORY_ORDER } from './groups.js';
import { isLongConversation } from './long.js';
import { Composite, PositionedValues } from './mergeable.js';
import { PerStratum, rateStrata, shareStrata } from './perStratum.js';
import type { AnalysisRecord } from './record.js';
import { UserTally } from './userTally.js';

export type Gated<F> = Suppressed | Shown<F>;

export interface CountFigure {
  conversations: number;
  users: number;
}

export interface RateFigure {
  /** Conversations in the group. */
  n: number;
  /** Of those, with the property. */
  count: number;
  rate: number;
  interval: Interval;
  method: EstimateMethod;
}

export interface MeanFigure {
  n: number;
  mean: number;
  interval: Interval;
  method: EstimateMethod;
}

export interface HeadlineCell {
  /** Analysed conversations in the slice, and their distinct users. */
  conversations: Gated<CountFigure>;
  /** Affective conversations as a share of the slice's conversations. */
  affective: Gated<ShareEstimate>;
  /** Each category as a share of the slice's conversations. */
  categories: ({ category: Category } & Gated<ShareEstimate>)[];
  /** Pushback among the slice's affective conversations. */
  pushback: Gated<RateFigure>;
  /** Mean sentiment change among the slice's affective conversations long enough to have one. */
  sentimentChange: Gated<MeanFigure>;
  /** Very long (>= 50 human messages) conversations among the slice's affective ones. */
  longAffective: Gated<RateFigure>;
}

/** One slice's counts, per sampling stratum, and the groups behind each figure (for the gate). */
export class HeadlineTally extends Composite {
  readonly all = new UserTally();
  readonly n = new PerStratum();
  readonly affectiveGroup = new UserTally();
  readonly affective = new PerStratum();
  readonly categoryGroups = CATEGORY_ORDER.map(() => new UserTally());
  readonly category = CATEGORY_ORDER.map(() => new PerStratum());
  readonly pushback = new PerStratum();
  readonly sentimentGroup = new UserTally();
  /** Per stratum, the sentiment changes in input order (the bootstrap resamples by position). */
  readonly sentiment = new PositionedValues();
  readonly longGroup = new UserTally();
  readonly long = new PerStratum();

  /**
   * `categories` is effectiveCategories(r); `change` its sentiment change (null when it has none);
   * `position` the record's among all records.
   */
  add(r: AnalysisRecord, categories: readonly Category[], change: number | null, position: number): void {
    const h = r.stratum ?? 0;
    this.all.add(r);
    this.n.add(h);
    if (categories.length === 0) return;
    this.affectiveGroup.add(r);
    this.affective.add(h);
    for (const c of categories) {
      const i = CATEGORY_ORDER.indexOf(c);
      this.categoryGroups[i].add(r);
      this.category[i].add(h);
    }
    if (r.facets.pushback) this.pushback.add(h);
    if (change !== null) {
      this.sentimentGroup.add(r);
      this.sentiment.add(h, change, position);
    }
    if (isLongConversation(r)) {
      this.longGroup.add(r);
      this.long.add(h);
    }
  }

  protected parts() {
    const { all, n, affectiveGroup, affective, categoryGroups, category, pushback } = this;
    const { sentimentGroup, sentiment, longGroup, long } = this;
    return {
      all,
      n,
      affectiveGroup,
      affective,
      categoryGroups,
      category,
      pushback,
      sentimentGroup,
      sentiment,
      longGroup,
      long,
    };
  }
}

export interface CellContext {
  gate: ThresholdGate;
  estimator: Estimator;
  /** Every analysed conversation of the run, per stratum (the estimator's units). */
  units: PerStratum;
  seed: number;
  resamples: number;
  level: number;
  /** Names the slice in estimator keys and seeds ('month:2025-03', 'model:b'...). */
  key: (i: number) => string;
  /**
   * When a slice's own size is withheld, withhold all its figures (a segment is named only when its
   * size is shown; figures of an unnamed slice would describe nobody in particular to the reader).
   */
  withSlice?: boolean;
}

/**
 * A share of a slice's conversations. A calibrated or raw estimator takes the slice's own counts; a
 * cascade's two-phase estimator weights strata by the whole log's sizes, so a slice is estimated as a
 * domain: a rate of the property within the slice.
 */
export function sliceShare(
  estimator: Estimator,
  units: PerStratum,
  n: PerStratum,
  x: PerStratum,
  facet: string,
  key: string,
): ShareEstimate {
  const strata = estimator.strata;
  if (estimator.method === 'cascade') {
    const r = estimator.rate(rateStrata(units, n, x, strata), `${key}:${facet}`);
    return { count: r.count, n: r.n, share: r.rate, interval: r.interval, method: r.method };
  }
  return estimator.share(shareStrata(n, x, strata), facet);
}

function sizes(cells: readonly HeadlineTally[], of: (t: HeadlineTally) => UserTally): CellSize[] {
  return cells.map((t) => of(t).size());
}

/** The headline figures of every slice of a set, gated together (one family per figure). */
export function headlineCells(cells: readonly HeadlineTally[], ctx: CellContext): HeadlineCell[] {
  const { gate, estimator, units } = ctx;
  const strata = estimator.strata;
  const conversations = showCells(
    gate,
    sizes(cells, (t) => t.all),
    (i) => {
      const s = cells[i].all.size();
      return { conversations: s.conversations, users: s.users };
    },
  );
  const forced = ctx.withSlice ? conversations.map((c) => c.suppressed) : undefined;
  const show = <F extends object>(group: (t: HeadlineTally) => UserTally, figure: (i: number) => F) =>
    showCells(gate, sizes(cells, group), figure, undefined, forced);

  const affective = show(
    (t) => t.affectiveGroup,
    (i) => sliceShare(estimator, units, cells[i].n, cells[i].affective, 'affective', ctx.key(i)),
  );
  const categories = CATEGORY_ORDER.map((category, c) =>
    show(
      (t) => t.categoryGroups[c],
      (i) =>
        sliceShare(estimator, units, cells[i].n, cells[i].category[c], `category:${category}`, ctx.key(i)),
    ),
  );
  const rate = (i: number, den: PerStratum, num: PerStratum, what: string): RateFigure => {
    const r = estimator.rate(rateStrata(units, den, num, strata), `${ctx.key(i)}:${what}`);
    return { n: r.n, count: r.count, rate: r.rate, interval: r.interval, method: r.method };
  };
  const pushback = show(
    (t) => t.affectiveGroup,
    (i) => rate(i, cells[i].affective, cells[i].pushback, 'pushback'),
  );
  const sentimentChange = show(
    (t) => t.sentimentGroup,
    (i): MeanFigure => {
      const m = estimator.mean(
        Array.from({ length: strata }, (_, h) => ({ n: units.at(h), values: cells[i].sentiment.of(h) })),
        {
          resamples: ctx.resamples,
          level: ctx.level,
          seed: deriveSeed(ctx.seed, `sentiment:${ctx.key(i)}`),
        },
      );
      return { n: m.n, mean: m.mean, interval: m.interval, method: m.method };
    },
  );
  const longAffective = show(
    (t) => t.longGroup,
    (i) => rate(i, cells[i].affective, cells[i].long, 'long|affective'),
  );
  return cells.map((_, i) => ({
    conversations: conversations[i],
    affective: affective[i],
    categories: CATEGORY_ORDER.map((category, c) => ({ category, ...categories[c][i] })),
    pushback: pushback[i],
    sentimentChange: sentimentChange[i],
    longAffective: longAffective[i],
  }));
}

/** The headline figures a change over time is tested on, by name. */
export const HEADLINE_SERIES = [
  'affective',
  ...CATEGORY_ORDER.map((c) => `category:${c}` as const),
  'pushback',
  'sentimentChange',
  'longAffective',
] as const;
export type HeadlineSeries = (typeof HEADLINE_SERIES)[number];

/** A shown figure's value and interval, for one series; null when that figure is withheld. */
export function seriesValue(
  cell: HeadlineCell,
  series: HeadlineSeries,
): { value: number; interval: Interval } | null {
  if (series.startsWith('category:')) {
    const c = cell.categories.find((x) => `category:${x.category}` === series);
    return c && !c.suppressed ? { value: c.share, interval: c.interval } : null;
  }
  switch (series) {
    case 'affective':
      return cell.affective.suppressed
        ? null
        : { value: cell.affective.share, interval: cell.affective.interval };
    case 'pushback':
      return cell.pushback.suppressed
        ? null
        : { value: cell.pushback.rate, interval: cell.pushback.interval };
    case 'longAffective':
      return cell.longAffective.suppressed
        ? null
        : { value: cell.longAffective.rate, interval: cell.longAffective.interval };
    case 'sentimentChange':
      return cell.sentimentChange.suppressed
        ? null
        : { value: cell.sentimentChange.mean, interval: cell.sentimentChange.interval };
    default:
      return null;
  }
}

/** What a sliced figure (over time, per segment) needs from the run. */
export interface SliceOptions {
  thresholds: Thresholds;
  estimator?: Estimator;
  seed: number;
  resamples?: number;
  level?: number;
}

/**
 * Every slice's headline cells, the slices in key order; `keyOf` names a slice in estimator keys and
 * seeds. The one call the over-time and segment figures share.
 */
export function sliceCells(
  slices: ReadonlyMap<string, HeadlineTally>,
  units: PerStratum,
  options: SliceOptions,
  keyOf: (key: string) => string,
  withSlice = false,
): { keys: string[]; gate: ThresholdGate; cells: HeadlineCell[] } {
  const gate = new ThresholdGate(options.thresholds);
  const keys = [...slices.keys()].sort();
  const cells = headlineCells(
    keys.map((k) => slices.get(k) as HeadlineTally),
    {
      gate,
      estimator: options.estimator ?? rawEstimator(),
      units,
      seed: options.seed,
      resamples: options.resamples ?? 1000,
      level: options.level ?? 0.95,
      key: (i) => keyOf(keys[i]),
      withSlice,
    },
  );
  return { keys, gate, cells };
}
