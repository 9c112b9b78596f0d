/**
 * Figure 1: how common each kind of affective use is, as a share of ALL analysed conversations.
 * Categories are multi-label, so the per-category shares may add up to more than the affective total.
 * Each share is estimated by the run's Estimator (raw, calibrated or cascade) and names its method.
 */
import {
  type Estimator,
  rawEstimator,
  type ShareEstimate,
  type StratumShare,
} from '../estimate/estimator.js';
import type { Category } from '../facets/schema.js';
import {
  GroupTally,
  type Shown,
  type Suppressed,
  ThresholdGate,
  type Thresholds,
} from '../privacy/thresholds.js';
import { CATEGORY_ORDER, effectiveCategories } from './groups.js';
import { Composite } from './mergeable.js';
import { PerStratum, shareStrata } from './perStratum.js';
import type { AnalysisRecord } from './record.js';

/** A share of all analysed conversations: count of n, the share, its 95% interval and how it was estimated. */
export type Share = ShareEstimate;

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

export function share(count: number, n: number): Share {
  return rawEstimator().share([{ n, x: count }], '');
}

/** Figure 1's counts, fed one record at a time; only affective conversations reach the tallies. */
export class PrevalenceAccumulator extends Composite {
  /** Conversations and distinct users behind each category (verified ones, in a cascade): for the thresholds. */
  private readonly tallies = new Map<Category, GroupTally>(CATEGORY_ORDER.map((c) => [c, new GroupTally()]));
  private readonly perCategory = new Map<Category, PerStratum>(
    CATEGORY_ORDER.map((c) => [c, new PerStratum()]),
  );
  private readonly n = new PerStratum();
  private readonly affective = new PerStratum();

  /** `categories` is effectiveCategories(r), passed in when the caller has it already. */
  add(r: AnalysisRecord, categories: readonly Category[] = effectiveCategories(r)): void {
    if (r.facets.status.kind === 'error') return;
    const h = r.stratum ?? 0;
    this.n.add(h);
    if (categories.length > 0) this.affective.add(h);
    for (const c of categories) {
      this.tallies.get(c)!.add(r);
      this.perCategory.get(c)!.add(h);
    }
  }

  protected parts() {
    return {
      tallies: CATEGORY_ORDER.map((c) => this.tallies.get(c)!),
      perCategory: CATEGORY_ORDER.map((c) => this.perCategory.get(c)!),
      n: this.n,
      affective: this.affective,
    };
  }

  /** Affective conversations per stratum, as an estimator takes them. */
  affectiveStrata(strata: number): StratumShare[] {
    return shareStrata(this.n, this.affective, strata);
  }

  result(thresholds: Thresholds, estimator: Estimator = rawEstimator()): Prevalence {
    const gate = new ThresholdGate(thresholds);
    const strata = estimator.strata;
    const affective = estimator.share(shareStrata(this.n, this.affective, strata), 'affective');
    const categories = CATEGORY_ORDER.map(
      (category): CategoryShare => ({
        category,
        ...gate.show(this.tallies.get(category)!.size(), () =>
          estimator.share(
            shareStrata(this.n, this.perCategory.get(category)!, strata),
            `category:${category}`,
          ),
        ),
      }),
    );
    return { n: affective.n, affective, categories, suppressed: gate.suppressed };
  }
}

export function prevalence(records: Iterable<AnalysisRecord>, thresholds: Thresholds): Prevalence {
  const acc = new PrevalenceAccumulator();
  for (const r of records) acc.add(r);
  return acc.result(thresholds);
}
