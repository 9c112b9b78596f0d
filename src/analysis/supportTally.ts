/**
 * The shared tally of the support figures (referral, crisis, stance; issue 17): per group, each
 * conversation falls in one cell of one or more partitions (the referral given, the crisis kind, the
 * stance...), and each cell is shown as a rate of the group with an interval from the run's
 * estimator. Having the property is sensitive (a crisis signal above all), so a cell is shown only when
 * its own conversations pass the thresholds or are none, and the cells of a partition are gated
 * together (privacy/cellSets.ts decideCells): a withheld cell is never the group's total minus the
 * shown ones. Cells whose key starts with '~' are gated like the others but not reported (the rest of a
 * partition: "no referral", "no crisis").
 */
import { type EstimateMethod, type Estimator, rawEstimator } from '../estimate/estimator.js';
import type { Interval } from '../estimate/intervals.js';
import type { Category, SupportFacets } from '../facets/schema.js';
import { type CellSize, decideCells, showGroup } from '../privacy/cellSets.js';
import type { ThresholdGate } from '../privacy/thresholds.js';
import type { Gated } from './cellFigures.js';
import { CATEGORY_ORDER } from './groups.js';
import { Composite } from './mergeable.js';
import { PerStratum, rateStrata } from './perStratum.js';
import type { AnalysisRecord } from './record.js';
import { UserTally } from './userTally.js';

export type SupportCell<K extends string> = { key: K } & Gated<{
  /** Conversations with the property (estimated count, as the method gives it). */
  count: number;
  rate: number;
  interval: Interval;
}>;

export type SupportGroup<G extends string, K extends string> = { group: G } & Gated<{
  /** Conversations in the group with support facets. */
  n: number;
  method: EstimateMethod;
  cells: SupportCell<K>[];
}>;

/** Which cell of each partition a conversation is in (one index per partition). */
export type CellOf = (support: SupportFacets, r: AnalysisRecord) => number[];

export interface PartitionSpec<K extends string> {
  /** Every cell of every partition, in the order `cellOf` indexes them; '~' keys are not reported. */
  keys: readonly (K | `~${string}`)[];
  /** The partitions, as index sets into `keys`: each sums to the group (a shown total). */
  families: readonly (readonly number[])[];
  cellOf: CellOf;
}

export class SupportTally<K extends string> extends Composite {
  readonly group = new UserTally();
  readonly members = new PerStratum();
  private readonly cellCounts: PerStratum[];
  private readonly cellUsers: UserTally[];

  constructor(private readonly spec: PartitionSpec<K>) {
    super();
    this.cellCounts = spec.keys.map(() => new PerStratum());
    this.cellUsers = spec.keys.map(() => new UserTally());
  }

  protected parts() {
    const { group, members, cellCounts, cellUsers } = this;
    return { group, members, cellCounts, cellUsers };
  }

  add(r: AnalysisRecord, support: SupportFacets, h: number): void {
    this.group.add(r);
    this.members.add(h);
    for (const i of this.spec.cellOf(support, r)) {
      this.cellCounts[i].add(h);
      this.cellUsers[i].add(r);
    }
  }

  /** The group's figure: gated on the group, then its cells gated together. */
  figures<G extends string>(
    group: G,
    gate: ThresholdGate,
    units: PerStratum,
    estimator: Estimator = rawEstimator(),
    label = 'support',
  ): SupportGroup<G, K> {
    return {
      group,
      ...showGroup(gate, this.group.size(), () => {
        const sizes: CellSize[] = this.cellUsers.map((u) => u.size());
        const passes = decideCells(gate.thresholds, sizes, this.spec.families);
        const strata = estimator.strata;
        // The group itself, for its size and method (every member has the property "in the group").
        const base = estimator.rate(
          rateStrata(units, this.members, this.members, strata),
          `${label}:${group}`,
        );
        const cells: SupportCell<K>[] = [];
        this.spec.keys.forEach((key, i) => {
          const empty = sizes[i].conversations === 0;
          // An empty cell describes nobody and changes no difference: shown as zero.
          if (!passes[i] && !empty) {
            const withheld = gate.suppress();
            if (!key.startsWith('~')) cells.push({ key: key as K, ...withheld });
            return;
          }
          const e = estimator.rate(
            rateStrata(units, this.members, this.cellCounts[i], strata),
            `${label}:${group}:${key}`,
          );
          if (!key.startsWith('~'))
            cells.push({
              key: key as K,
              suppressed: false,
              count: e.count,
              rate: e.rate,
              interval: e.interval,
            });
        });
        return { n: base.n, method: base.method, cells };
      }),
    };
  }
}

/** The groups every support figure is given for: all analysed conversations, the affective ones, each category. */
export type SupportGroupName = 'all' | 'all_affective' | Category;
export const SUPPORT_GROUPS: readonly SupportGroupName[] = ['all', 'all_affective', ...CATEGORY_ORDER];

/** A figure over the support groups; records without support facets are counted as not measured. */
export class SupportGroups<K extends string> extends Composite {
  readonly units = new PerStratum();
  readonly tallies: SupportTally<K>[];
  /** Analysed conversations without support facets (their engine or prompt did not decide them). */
  missing = 0;
  measured = 0;

  constructor(spec: PartitionSpec<K>) {
    super();
    this.tallies = SUPPORT_GROUPS.map(() => new SupportTally(spec));
  }

  protected parts() {
    return { units: this.units, tallies: this.tallies };
  }

  protected override counters() {
    return ['missing', 'measured'];
  }

  /** `categories` is effectiveCategories(r). Returns whether the record was measured. */
  add(r: AnalysisRecord, categories: readonly Category[]): boolean {
    if (r.facets.status.kind === 'error') return false;
    const h = r.stratum ?? 0;
    this.units.add(h);
    const s = r.facets.support;
    if (!s) {
      this.missing++;
      return false;
    }
    this.measured++;
    this.tallies[0].add(r, s, h);
    if (categories.length > 0) this.tallies[1].add(r, s, h);
    for (const c of categories) this.tallies[SUPPORT_GROUPS.indexOf(c)].add(r, s, h);
    return true;
  }

  figures(gate: ThresholdGate, estimator: Estimator, label: string): SupportGroup<SupportGroupName, K>[] {
    return SUPPORT_GROUPS.map((g, i) => this.tallies[i].figures(g, gate, this.units, estimator, label));
  }
}
