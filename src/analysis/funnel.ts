/**
 * The funnel: every conversation read is accounted for at each step, so a reader can see where each
 * one went. Counts only; these are totals over the whole input, not breakdowns, so no threshold applies.
 */
import { type Estimator, rawEstimator } from '../estimate/estimator.js';
import { ROLEPLAY_MIN_HUMAN_MESSAGES } from './groups.js';
import { Composite } from './mergeable.js';
import { PerStratum, shareStrata } from './perStratum.js';
import type { AnalysisRecord } from './record.js';

export interface FunnelInputCounts {
  /** Records read from the input files, valid or not. */
  read: number;
  quarantined: number;
}

export interface Funnel {
  read: number;
  quarantined: number;
  /** Read and valid but not analysed for a reason outside the analyses (e.g. sampling); usually 0. */
  notAnalysed: number;
  /** The facet engine failed on these (status error); they are not in any denominator. */
  errors: number;
  /** read = analysed + excluded + quarantined, where excluded = errors + notAnalysed. */
  excluded: number;
  /** The denominator of every prevalence share. */
  analysed: number;
  /** Analysed, but the engine had too little to go on (e.g. no human message). */
  insufficientInput: number;
  /** The assistant used as a content tool (stories, posts, fictional dialogue): never affective. */
  contentCreation: number;
  /** Any category, before the roleplay message minimum. */
  affectiveBeforeRoleplayRule: number;
  /** Conversations whose only category was roleplay with fewer than the minimum human messages. */
  droppedByRoleplayRule: number;
  affective: number;
  roleplayMinHumanMessages: number;
}

/** The stages of the funnel that depend on how conversations were classified. */
export type FunnelStages = Pick<
  Funnel,
  | 'insufficientInput'
  | 'contentCreation'
  | 'affectiveBeforeRoleplayRule'
  | 'droppedByRoleplayRule'
  | 'affective'
>;

/**
 * The funnel's counters, fed one record at a time in input order. read = analysed + excluded +
 * quarantined holds by construction; input that cannot reconcile (more records than valid
 * conversations read) throws in result().
 */
export class FunnelAccumulator extends Composite {
  /** Records added (analysed + facet errors). */
  records = 0;
  errors = 0;
  private readonly units = new PerStratum();
  private readonly stages = {
    insufficientInput: new PerStratum(),
    contentCreation: new PerStratum(),
    affectiveBeforeRoleplayRule: new PerStratum(),
    droppedByRoleplayRule: new PerStratum(),
    affective: new PerStratum(),
  };

  protected parts() {
    return { units: this.units, ...this.stages };
  }

  protected override counters() {
    return ['records', 'errors'];
  }

  add(r: AnalysisRecord): void {
    this.records++;
    const f = r.facets;
    if (f.status.kind === 'error') {
      this.errors++;
      return;
    }
    const h = r.stratum ?? 0;
    this.units.add(h);
    if (f.status.kind === 'insufficientInput') this.stages.insufficientInput.add(h);
    if (f.contentCreation) {
      this.stages.contentCreation.add(h);
      return;
    }
    if (f.categories.length === 0) return;
    this.stages.affectiveBeforeRoleplayRule.add(h);
    const onlyRoleplay = f.categories.every((c) => c === 'romantic_roleplay');
    if (onlyRoleplay && r.humanMessages < ROLEPLAY_MIN_HUMAN_MESSAGES)
      this.stages.droppedByRoleplayRule.add(h);
    else this.stages.affective.add(h);
  }

  /**
   * The funnel's classification stages as the run's Estimator puts them (a cascade estimates the
   * counts of the whole log from its verified conversations; otherwise they are counts as classified).
   */
  stageCounts(estimator: Estimator = rawEstimator()): FunnelStages {
    const count = (x: PerStratum, facet: string) =>
      estimator.method === 'cascade'
        ? estimator.share(shareStrata(this.units, x, estimator.strata), facet).count
        : x.total;
    const s = this.stages;
    return {
      insufficientInput: count(s.insufficientInput, 'insufficientInput'),
      contentCreation: count(s.contentCreation, 'contentCreation'),
      affectiveBeforeRoleplayRule: count(s.affectiveBeforeRoleplayRule, 'affectiveBeforeRoleplayRule'),
      droppedByRoleplayRule: count(s.droppedByRoleplayRule, 'droppedByRoleplayRule'),
      affective: count(s.affective, 'affective'),
    };
  }

  result(counts: FunnelInputCounts, estimator: Estimator = rawEstimator()): Funnel {
    const total = this.records;
    const notAnalysed = counts.read - counts.quarantined - total;
    if (notAnalysed < 0) {
      throw new RangeError(
        `funnel: ${total} analysis records but only ${counts.read - counts.quarantined} valid conversations read ` +
          `(read ${counts.read}, quarantined ${counts.quarantined})`,
      );
    }
    const analysed = total - this.errors;
    const excluded = this.errors + notAnalysed;
    return {
      read: counts.read,
      quarantined: counts.quarantined,
      notAnalysed,
      errors: this.errors,
      excluded,
      analysed,
      ...this.stageCounts(estimator),
      roleplayMinHumanMessages: ROLEPLAY_MIN_HUMAN_MESSAGES,
    };
  }
}

/** The funnel of a whole set of records (one FunnelAccumulator pass). */
export function funnel(records: Iterable<AnalysisRecord>, counts: FunnelInputCounts): Funnel {
  const acc = new FunnelAccumulator();
  for (const r of records) acc.add(r);
  return acc.result(counts);
}
