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
import type { Category } from '../facets/schema.js';
import {
  GroupTally,
  type Shown,
  type Suppressed,
  ThresholdGate,
  type Thresholds,
} from '../privacy/thresholds.js';
import { effectiveCategories } from './groups.js';
import { type Interval, wilsonInterval } from './intervals.js';
import { type Share, share } from './prevalence.js';
import type { AnalysisRecord } from './record.js';

export interface PushbackOverall {
  /** All analysed conversations (facet errors excluded). */
  n: number;
  pushback: number;
  rate: number;
  interval: Interval;
}

export interface Overall {
  /** Pushback over all analysed conversations, affective or not. Always shown (a total). */
  pushback: PushbackOverall;
  /** Conversations in companionship or romantic roleplay (or both), as a share of all analysed. */
  companionshipOrRoleplay: Suppressed | Shown<Share>;
  /** Analysed conversations without a user id: each counts as its own user in the thresholds. */
  conversationsWithoutUserId: number;
  suppressed: number;
}

/** The whole-log headline figures, fed one record at a time. */
export class OverallAccumulator {
  private n = 0;
  private pushback = 0;
  private withoutUserId = 0;
  private readonly companionOrRoleplay = new GroupTally();
  /**
   * The parts a difference of shown counts could single out once the union is shown: the union minus
   * companionship (roleplay only), minus roleplay (companionship only), and the affective
   * conversations outside it (the affective total is always shown).
   */
  private readonly parts = {
    roleplayOnly: new GroupTally(),
    companionshipOnly: new GroupTally(),
    otherAffective: new GroupTally(),
  };

  /** `categories` is effectiveCategories(r), passed in when the caller has it already. */
  add(r: AnalysisRecord, categories: readonly Category[] = effectiveCategories(r)): void {
    if (r.facets.status.kind === 'error') return;
    this.n++;
    if (r.facets.pushback) this.pushback++;
    if (r.userId === undefined || r.userId === '') this.withoutUserId++;
    if (categories.length === 0) return;
    const companion = categories.includes('companionship');
    const roleplay = categories.includes('romantic_roleplay');
    if (companion || roleplay) this.companionOrRoleplay.add(r);
    if (roleplay && !companion) this.parts.roleplayOnly.add(r);
    else if (companion && !roleplay) this.parts.companionshipOnly.add(r);
    else if (!companion && !roleplay) this.parts.otherAffective.add(r);
  }

  result(thresholds: Thresholds): Overall {
    const gate = new ThresholdGate(thresholds);
    const n = this.n;
    const t = this.companionOrRoleplay;
    return {
      pushback: {
        n,
        pushback: this.pushback,
        rate: n === 0 ? 0 : this.pushback / n,
        interval: wilsonInterval(this.pushback, n),
      },
      companionshipOrRoleplay: gate.showWithParts(
        t.size(),
        Object.values(this.parts).map((p) => p.size()),
        () => share(t.conversations, n),
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
