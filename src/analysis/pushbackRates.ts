/**
 * Figure 3: how often the assistant pushed back (refused, challenged negative self-talk, questioned a
 * harmful assumption) within each category, and the most common reason classes. Rates are estimated
 * by the run's Estimator (raw, or a cascade's two-phase estimate) and name their method.
 */
import { reasonsGroup, type TopicTree } from '../cluster/topicTreeTypes.js';
import { type EstimateMethod, type Estimator, rawEstimator } from '../estimate/estimator.js';
import type { Interval } from '../estimate/intervals.js';
import { type Category, PUSHBACK_REASONS, type PushbackReason } from '../facets/schema.js';
import {
  GroupTally,
  type Shown,
  type Suppressed,
  ThresholdGate,
  type Thresholds,
} from '../privacy/thresholds.js';
import { CATEGORY_ORDER, type EmptyGroup, effectiveCategories } from './groups.js';
import { Composite, KeyedParts } from './mergeable.js';
import { PerStratum, rateStrata } from './perStratum.js';
import type { AnalysisRecord } from './record.js';

/** Pushback with no reason class recorded by the engine. */
export const UNSPECIFIED_REASON = 'unspecified';
export type ReasonClass = PushbackReason | typeof UNSPECIFIED_REASON;
const REASON_ORDER: readonly ReasonClass[] = [...PUSHBACK_REASONS, UNSPECIFIED_REASON];

export type ReasonCount = { reason: ReasonClass } & (
  | Suppressed
  | Shown<{ count: number /** Of the group's pushback conversations. */; share: number }>
);

export interface PushbackFigures {
  /** Conversations in the group. */
  n: number;
  pushback: number;
  rate: number;
  interval: Interval;
  method: EstimateMethod;
  /** Most common first; each reason class is its own group and is thresholded on its own. */
  reasons: ReasonCount[];
}

export type PushbackGroup<G extends string> = { group: G } & (
  | Suppressed
  | Shown<PushbackFigures>
  | Shown<EmptyGroup>
);

export interface Pushback {
  /** Every affective conversation together. */
  allAffective: PushbackGroup<'all_affective'>;
  categories: PushbackGroup<Category>[];
  /** Clustered reasons per category, as they came from the (already gated) cluster stage. */
  reasonTopics: TopicTree[];
  suppressed: number;
}

class ReasonTally extends Composite {
  readonly tally = new GroupTally();
  readonly count = new PerStratum();

  protected parts() {
    return { tally: this.tally, count: this.count };
  }
}

class PushbackTally extends Composite {
  readonly group = new GroupTally();
  readonly inGroup = new PerStratum();
  readonly pushback = new PerStratum();
  readonly reasons = new Map<ReasonClass, ReasonTally>();

  protected parts() {
    const { group, inGroup, pushback } = this;
    return { group, inGroup, pushback, reasons: new KeyedParts(this.reasons, () => new ReasonTally()) };
  }

  add(r: AnalysisRecord, h: number): void {
    this.group.add(r);
    this.inGroup.add(h);
    if (!r.facets.pushback) return;
    this.pushback.add(h);
    const reason: ReasonClass = r.facets.pushbackReason ?? UNSPECIFIED_REASON;
    let t = this.reasons.get(reason);
    if (!t) {
      t = new ReasonTally();
      this.reasons.set(reason, t);
    }
    t.tally.add(r);
    t.count.add(h);
  }

  figures<G extends string>(
    group: G,
    gate: ThresholdGate,
    estimator: Estimator,
    units: PerStratum,
  ): PushbackGroup<G> {
    const strata = estimator.strata;
    return {
      group,
      ...gate.show(
        this.group.size(),
        () => {
          const r = estimator.rate(
            rateStrata(units, this.inGroup, this.pushback, strata),
            `pushback:${group}`,
          );
          const reasons = [...this.reasons.entries()]
            .map(([reason, t]) => ({
              reason,
              t,
              e: estimator.rate(
                rateStrata(units, this.pushback, t.count, strata),
                `reason:${group}:${reason}`,
              ),
            }))
            .sort(
              (a, b) =>
                b.t.count.total - a.t.count.total ||
                REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason),
            )
            .map(
              ({ reason, t, e }): ReasonCount => ({
                reason,
                ...gate.show(t.tally.size(), () => ({ count: e.count, share: e.rate })),
              }),
            );
          return { n: r.n, pushback: r.count, rate: r.rate, interval: r.interval, method: r.method, reasons };
        },
        (): EmptyGroup => ({ n: 0 }),
      ),
    };
  }
}

/** Figure 3's tallies, fed one record at a time; only affective conversations reach the group tallies. */
export class PushbackAccumulator extends Composite {
  private readonly units = new PerStratum();
  private readonly all = new PushbackTally();
  private readonly per = new Map<Category, PushbackTally>(
    CATEGORY_ORDER.map((c) => [c, new PushbackTally()]),
  );

  /** `categories` is effectiveCategories(r), passed in when the caller has it already. */
  add(r: AnalysisRecord, categories: readonly Category[] = effectiveCategories(r)): void {
    if (r.facets.status.kind === 'error') return;
    const h = r.stratum ?? 0;
    this.units.add(h);
    if (categories.length === 0) return;
    this.all.add(r, h);
    for (const c of categories) this.per.get(c)!.add(r, h);
  }

  protected parts() {
    return { units: this.units, all: this.all, per: CATEGORY_ORDER.map((c) => this.per.get(c)!) };
  }

  result(
    thresholds: Thresholds,
    reasonTopics: readonly TopicTree[] = [],
    estimator: Estimator = rawEstimator(),
  ): Pushback {
    const gate = new ThresholdGate(thresholds);
    const allAffective = this.all.figures('all_affective' as const, gate, estimator, this.units);
    const categories = CATEGORY_ORDER.map((c) => this.per.get(c)!.figures(c, gate, estimator, this.units));
    const wanted = new Set<string>(CATEGORY_ORDER.map(reasonsGroup));
    return {
      allAffective,
      categories,
      reasonTopics: reasonTopics.filter((t) => wanted.has(t.group)),
      suppressed: gate.suppressed,
    };
  }
}

export function pushback(
  records: Iterable<AnalysisRecord>,
  thresholds: Thresholds,
  reasonTopics: readonly TopicTree[] = [],
): Pushback {
  const acc = new PushbackAccumulator();
  for (const r of records) acc.add(r);
  return acc.result(thresholds, reasonTopics);
}
