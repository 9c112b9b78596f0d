/**
 * Figure 3: how often the assistant pushed back (refused, challenged negative self-talk, questioned a
 * harmful assumption) within each category, and the most common reason classes.
 */
import { reasonsGroup, type TopicTree } from '../cluster/topicTreeTypes.js';
import { type Category, PUSHBACK_REASONS, type PushbackReason } from '../facets/schema.js';
import {
  GroupTally,
  type Shown,
  type Suppressed,
  ThresholdGate,
  type Thresholds,
} from '../privacy/thresholds.js';
import { CATEGORY_ORDER, type EmptyGroup, effectiveCategories } from './groups.js';
import { type Interval, wilsonInterval } from './intervals.js';
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

class PushbackTally {
  readonly group = new GroupTally();
  pushback = 0;
  readonly reasons = new Map<ReasonClass, GroupTally>();

  add(r: AnalysisRecord): void {
    this.group.add(r);
    if (!r.facets.pushback) return;
    this.pushback++;
    const reason: ReasonClass = r.facets.pushbackReason ?? UNSPECIFIED_REASON;
    let t = this.reasons.get(reason);
    if (!t) {
      t = new GroupTally();
      this.reasons.set(reason, t);
    }
    t.add(r);
  }

  figures<G extends string>(group: G, gate: ThresholdGate): PushbackGroup<G> {
    return {
      group,
      ...gate.show(
        this.group.size(),
        () => {
          const n = this.group.conversations;
          const reasons = [...this.reasons.entries()]
            .sort(
              (a, b) =>
                b[1].conversations - a[1].conversations ||
                REASON_ORDER.indexOf(a[0]) - REASON_ORDER.indexOf(b[0]),
            )
            .map(
              ([reason, t]): ReasonCount => ({
                reason,
                ...gate.show(t.size(), () => ({
                  count: t.conversations,
                  share: t.conversations / this.pushback,
                })),
              }),
            );
          return {
            n,
            pushback: this.pushback,
            rate: n === 0 ? 0 : this.pushback / n,
            interval: wilsonInterval(this.pushback, n),
            reasons,
          };
        },
        (): EmptyGroup => ({ n: 0 }),
      ),
    };
  }
}

/** Figure 3's tallies, fed one record at a time; only affective conversations reach them. */
export class PushbackAccumulator {
  private readonly all = new PushbackTally();
  private readonly per = new Map<Category, PushbackTally>(
    CATEGORY_ORDER.map((c) => [c, new PushbackTally()]),
  );

  /** `categories` is effectiveCategories(r), passed in when the caller has it already. */
  add(r: AnalysisRecord, categories: readonly Category[] = effectiveCategories(r)): void {
    if (categories.length === 0) return;
    this.all.add(r);
    for (const c of categories) this.per.get(c)!.add(r);
  }

  result(thresholds: Thresholds, reasonTopics: readonly TopicTree[] = []): Pushback {
    const gate = new ThresholdGate(thresholds);
    const allAffective = this.all.figures('all_affective' as const, gate);
    const categories = CATEGORY_ORDER.map((c) => this.per.get(c)!.figures(c, gate));
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
