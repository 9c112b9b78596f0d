/**
 * Figure 1: how common each kind of affective use is, as a share of ALL analysed conversations.
 * Categories are multi-label, so the per-category shares may add up to more than the affective total.
 */
import type { Category } from '../facets/schema.js';
import {
  GroupTally,
  type Shown,
  type Suppressed,
  ThresholdGate,
  type Thresholds,
} from '../privacy/thresholds.js';
import { CATEGORY_ORDER, effectiveCategories } from './groups.js';
import { type Interval, wilsonInterval } from '../estimate/intervals.js';
import type { AnalysisRecord } from './record.js';

export interface Share {
  count: number;
  n: number;
  share: number;
  interval: Interval;
}

export type CategoryShare = { category: Category } & (Suppressed | Shown<Share>);

export interface Prevalence {
  /** All analysed conversations (facet errors excluded). */
  n: number;
  /** Conversations in at least one category, after the content-creation and roleplay rules. Always shown. */
  affective: Share;
  categories: CategoryShare[];
  /** Figures withheld by the thresholds in this table. */
  suppressed: number;
}

export function share(count: number, n: number, z?: number): Share {
  return { count, n, share: n === 0 ? 0 : count / n, interval: wilsonInterval(count, n, z) };
}

/** Figure 1's counts, fed one record at a time; only affective conversations reach the tallies. */
export class PrevalenceAccumulator {
  private readonly tallies = new Map<Category, GroupTally>(CATEGORY_ORDER.map((c) => [c, new GroupTally()]));
  private n = 0;
  private affective = 0;

  /** `categories` is effectiveCategories(r), passed in when the caller has it already. */
  add(r: AnalysisRecord, categories: readonly Category[] = effectiveCategories(r)): void {
    if (r.facets.status.kind === 'error') return;
    this.n++;
    if (categories.length > 0) this.affective++;
    for (const c of categories) this.tallies.get(c)!.add(r);
  }

  result(thresholds: Thresholds): Prevalence {
    const n = this.n;
    const gate = new ThresholdGate(thresholds);
    const categories = CATEGORY_ORDER.map((category): CategoryShare => {
      const t = this.tallies.get(category)!;
      return { category, ...gate.show(t.size(), () => share(t.conversations, n)) };
    });
    return { n, affective: share(this.affective, n), categories, suppressed: gate.suppressed };
  }
}

export function prevalence(records: Iterable<AnalysisRecord>, thresholds: Thresholds): Prevalence {
  const acc = new PrevalenceAccumulator();
  for (const r of records) acc.add(r);
  return acc.result(thresholds);
}
