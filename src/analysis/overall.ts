/**
 * The study's headline numbers over the whole log, beside the per-category figures:
 * - the pushback rate over ALL analysed conversations, affective or not (the study reports it for
 *   every conversation; on a red-team or adversarial corpus it is the obvious sanity check);
 * - companionship and romantic roleplay together, as a share of all conversations (the study's
 *   "less than 0.5 %"), counted once per conversation;
 * - how many analysed conversations carry no user id (each counts as its own user in every
 *   threshold, which weakens "at least N users" to "at least N conversations").
 * The first and the last are totals over the whole log (like the affective total, always shown); the
 * companionship-or-roleplay group is a breakdown and goes through the threshold gate, with the parts
 * a difference against the shown category counts would single out (complementary suppression).
 */
import { type Estimator, rawEstimator } from '../estimate/estimator.js';
import type { Category } from '../facets/schema.js';
import {
  GroupTally,
  type Shown,
  type Suppressed,
  ThresholdGate,
  type Thresholds,
} from '../privacy/thresholds.js';
import { effectiveCategories } from './groups.js';
import { Composite } from './mergeable.js';
import { PerStratum, shareStrata } from './perStratum.js';
import type { Share } from './prevalence.js';
import type { AnalysisRecord } from './record.js';

export interface Overall {
  /** Pushback over all analysed conversations, affective or not. Always shown (a total). */
  pushback: Share;
  /** Conversations in companionship or romantic roleplay (or both), as a share of all analysed. */
  companionshipOrRoleplay: Suppressed | Shown<Share>;
  /** Analysed conversations without a user id: each counts as its own user in the thresholds. */
  conversationsWithoutUserId: number;
  suppressed: number;
}

/** The whole-log headline figures, fed one record at a time. */
export class OverallAccumulator extends Composite {
  private readonly n = new PerStratum();
  private readonly pushback = new PerStratum();
  private readonly unionCount = new PerStratum();
  private withoutUserId = 0;
  private readonly companionOrRoleplay = new GroupTally();
  /**
   * The parts a difference of shown counts could single out once the union is shown: the union minus
   * companionship (roleplay only), minus roleplay (companionship only), and the affective
   * conversations outside it (the affective total is always shown).
   */
  private readonly differenceParts = {
    roleplayOnly: new GroupTally(),
    companionshipOnly: new GroupTally(),
    otherAffective: new GroupTally(),
  };

  /** `categories` is effectiveCategories(r), passed in when the caller has it already. */
  add(r: AnalysisRecord, categories: readonly Category[] = effectiveCategories(r)): void {
    if (r.facets.status.kind === 'error') return;
    const h = r.stratum ?? 0;
    this.n.add(h);
    if (r.facets.pushback) this.pushback.add(h);
    if (r.userId === undefined || r.userId === '') this.withoutUserId++;
    if (categories.length === 0) return;
    const companion = categories.includes('companionship');
    const roleplay = categories.includes('romantic_roleplay');
    if (companion || roleplay) {
      this.companionOrRoleplay.add(r);
      this.unionCount.add(h);
    }
    if (roleplay && !companion) this.differenceParts.roleplayOnly.add(r);
    else if (companion && !roleplay) this.differenceParts.companionshipOnly.add(r);
    else if (!companion && !roleplay) this.differenceParts.otherAffective.add(r);
  }

  protected parts() {
    const { n, pushback, unionCount, companionOrRoleplay } = this;
    return { n, pushback, unionCount, companionOrRoleplay, ...this.differenceParts };
  }

  protected override counters() {
    return ['withoutUserId'];
  }

  result(thresholds: Thresholds, estimator: Estimator = rawEstimator()): Overall {
    const gate = new ThresholdGate(thresholds);
    const strata = estimator.strata;
    return {
      pushback: estimator.share(shareStrata(this.n, this.pushback, strata), 'pushback'),
      companionshipOrRoleplay: gate.showWithParts(
        this.companionOrRoleplay.size(),
        Object.values(this.differenceParts).map((p) => p.size()),
        () => estimator.share(shareStrata(this.n, this.unionCount, strata), 'companionshipOrRoleplay'),
      ),
      conversationsWithoutUserId: this.withoutUserId,
      suppressed: gate.suppressed,
    };
  }
}

export function overall(records: Iterable<AnalysisRecord>, thresholds: Thresholds): Overall {
  const acc = new OverallAccumulator();
  for (const r of records) acc.add(r);
  return acc.result(thresholds);
}
