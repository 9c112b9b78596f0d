/**
 * The funnel: every conversation read is accounted for at each step, so a reader can see where each
 * one went. Counts only; these are totals over the whole input, not breakdowns, so no threshold applies.
 */
import { ROLEPLAY_MIN_HUMAN_MESSAGES } from './groups.js';
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

/**
 * The funnel's counters, fed one record at a time in input order. read = analysed + excluded +
 * quarantined holds by construction; input that cannot reconcile (more records than valid
 * conversations read) throws in result().
 */
export class FunnelAccumulator {
  /** Records added (analysed + facet errors). */
  records = 0;
  errors = 0;
  private insufficient = 0;
  private content = 0;
  private before = 0;
  private dropped = 0;

  add(r: AnalysisRecord): void {
    this.records++;
    const f = r.facets;
    if (f.status.kind === 'error') {
      this.errors++;
      return;
    }
    if (f.status.kind === 'insufficientInput') this.insufficient++;
    if (f.contentCreation) {
      this.content++;
      return;
    }
    if (f.categories.length === 0) return;
    this.before++;
    const onlyRoleplay = f.categories.every((c) => c === 'romantic_roleplay');
    if (onlyRoleplay && r.humanMessages < ROLEPLAY_MIN_HUMAN_MESSAGES) this.dropped++;
  }

  result(counts: FunnelInputCounts): Funnel {
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
      insufficientInput: this.insufficient,
      contentCreation: this.content,
      affectiveBeforeRoleplayRule: this.before,
      droppedByRoleplayRule: this.dropped,
      affective: this.before - this.dropped,
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
