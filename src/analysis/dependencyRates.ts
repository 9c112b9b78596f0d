/**
 * Dependency cues (src/facets/dependencyCues.ts): how often affective conversations show that the user
 * prefers the assistant to people, seeks its approval for decisions, is distressed at losing it, or
 * treats it as their main support; among all affective conversations and per category. Rates go through
 * the run's estimator and are gated on their group, as pushback rates are. (Among power users: see
 * userFigures.ts, which has the per-user counts.)
 */
import { type EstimateMethod, type Estimator, rawEstimator } from '../estimate/estimator.js';
import type { Interval } from '../estimate/intervals.js';
import { DEPENDENCY_CUES, DEPENDENCY_RULES_VERSION, type DependencyCue } from '../facets/dependencyCues.js';
import type { Category } from '../facets/schema.js';
import { showGroup, showRate } from '../privacy/cellSets.js';
import { ThresholdGate, type Thresholds } from '../privacy/thresholds.js';
import type { Gated } from './cellFigures.js';
import { CATEGORY_ORDER } from './groups.js';
import { Composite } from './mergeable.js';
import { PerStratum, rateStrata } from './perStratum.js';
import type { AnalysisRecord } from './record.js';
import type { NotAvailable } from './userFigures.js';
import { UserTally } from './userTally.js';

/** A cue's rate is withheld, even in a shown group, when few users (or one above all) said it. */
export type CueRate = { cue: DependencyCue } & Gated<{
  count: number;
  rate: number;
  interval: Interval;
}>;

export type CueGroup<G extends string> = { group: G } & Gated<{
  /** Affective conversations in the group with known cues. */
  n: number;
  method: EstimateMethod;
  cues: CueRate[];
}>;

export interface DependencyShown {
  available: true;
  /** The offline rules that set the cues when the engine did not. */
  rules: string;
  /** Affective conversations without cues (left out). */
  missing: number;
  allAffective: CueGroup<'all_affective'>;
  categories: CueGroup<Category>[];
}

export type Dependency = (NotAvailable | DependencyShown) & { suppressed: number };

class CueTally extends Composite {
  readonly group = new UserTally();
  readonly members = new PerStratum();
  readonly cues = DEPENDENCY_CUES.map(() => new PerStratum());
  readonly positives = DEPENDENCY_CUES.map(() => new UserTally());

  protected parts() {
    const { group, members, cues, positives } = this;
    return { group, members, cues, positives };
  }

  add(r: AnalysisRecord, h: number): void {
    const d = r.facets.dependency!;
    this.group.add(r);
    this.members.add(h);
    DEPENDENCY_CUES.forEach((c, i) => {
      if (!d[c]) return;
      this.cues[i].add(h);
      this.positives[i].add(r);
    });
  }
}

export class DependencyAccumulator extends Composite {
  private readonly units = new PerStratum();
  private readonly all = new CueTally();
  private readonly per = CATEGORY_ORDER.map(() => new CueTally());
  private missing = 0;

  /** `categories` is effectiveCategories(r). */
  add(r: AnalysisRecord, categories: readonly Category[]): void {
    if (r.facets.status.kind === 'error') return;
    const h = r.stratum ?? 0;
    this.units.add(h);
    if (categories.length === 0) return;
    if (!r.facets.dependency) {
      this.missing++;
      return;
    }
    this.all.add(r, h);
    for (const c of categories) this.per[CATEGORY_ORDER.indexOf(c)].add(r, h);
  }

  protected parts() {
    return { units: this.units, all: this.all, per: this.per };
  }

  protected override counters() {
    return ['missing'];
  }

  result(thresholds: Thresholds, estimator: Estimator = rawEstimator()): Dependency {
    if (this.all.group.conversations === 0)
      return {
        available: false,
        reason:
          this.missing === 0
            ? 'no affective conversation was found'
            : 'no affective conversation has dependency cues (neither the engine nor the rules set them)',
        suppressed: 0,
      };
    const gate = new ThresholdGate(thresholds);
    const strata = estimator.strata;
    const figures = <G extends string>(group: G, t: CueTally): CueGroup<G> => ({
      group,
      ...showGroup(gate, t.group.size(), () => {
        const rateOf = (i: number) =>
          estimator.rate(
            rateStrata(this.units, t.members, t.cues[i], strata),
            `dependency:${group}:${DEPENDENCY_CUES[i]}`,
          );
        const first = rateOf(0);
        const cues = DEPENDENCY_CUES.map(
          (cue, i): CueRate => ({
            cue,
            ...showRate(gate, t.group.size(), t.positives[i].size(), () => {
              const r = i === 0 ? first : rateOf(i);
              return { count: r.count, rate: r.rate, interval: r.interval };
            }),
          }),
        );
        const method: EstimateMethod = first.method;
        return { n: first.n, method, cues };
      }),
    });
    return {
      available: true,
      rules: DEPENDENCY_RULES_VERSION,
      missing: this.missing,
      allAffective: figures('all_affective' as const, this.all),
      categories: CATEGORY_ORDER.map((c, i) => figures(c, this.per[i])),
      suppressed: gate.suppressed,
    };
  }
}
