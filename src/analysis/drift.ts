/**
 * Drift inside a conversation (the study saw coaching or counseling conversations "occasionally morph
 * into companionship" but did not measure it): for conversations long enough to have a distinct
 * beginning and end, the main category of the first third of the user's messages against that of the
 * last third, as a transition table with counts, and three rates:
 * - changed: the main category of the last third differs from the first third's;
 * - into companionship: the last third is companionship and the first was not;
 * - coaching or counseling → companionship: of conversations whose first third is coaching or counseling.
 *
 * Per-part categories come from `facets.drift` (the pipeline fills it for the offline engine by running
 * its category decision on each third; an LLM engine fills it when its prompt asks). A part's main
 * category is the first it lists, 'none' when it lists none. Content-creation conversations are left
 * out, as everywhere. The table's cells are counts as classified; the rates go through the run's
 * estimator. Cells are gated as families whose totals are shown (all cells, the changed and unchanged
 * ones, those into companionship and the rest, the rate's denominator and numerator), so no withheld
 * cell is a difference of shown numbers.
 */
import { type Estimator, rawEstimator } from '../estimate/estimator.js';
import type { Category } from '../facets/schema.js';
import { showCells, showGroup, showRate } from '../privacy/cellSets.js';
import { ThresholdGate, type Thresholds } from '../privacy/thresholds.js';
import type { Gated, RateFigure } from './cellFigures.js';
import { CATEGORY_ORDER } from './groups.js';
import { Composite } from './mergeable.js';
import { PerStratum, rateStrata } from './perStratum.js';
import type { AnalysisRecord } from './record.js';
import type { NotAvailable } from './userFigures.js';
import { UserTally } from './userTally.js';

export const DRIFT_MIN_HUMAN_MESSAGES = 12;

export const DRIFT_STATES = [...CATEGORY_ORDER, 'none'] as const;
export type DriftState = Category | 'none';

const S = DRIFT_STATES.length;
const COMPANIONSHIP = DRIFT_STATES.indexOf('companionship');
const FROM_SUPPORT = [DRIFT_STATES.indexOf('coaching'), DRIFT_STATES.indexOf('counseling')];

export type TransitionCell = { from: DriftState; to: DriftState } & Gated<{
  conversations: number;
  share: number;
}>;

export interface DriftShown {
  available: true;
  minHumanMessages: number;
  /** Conversations long enough, not content creation, with per-part categories (the table's total). */
  conversations: Gated<{ count: number }>;
  /** Long enough, but the engine gave no per-part categories (left out). */
  missing: number;
  /** Every (first third, last third) pair, row by row in DRIFT_STATES order; shares of `conversations`. */
  transitions: TransitionCell[];
  changed: Gated<RateFigure>;
  intoCompanionship: Gated<RateFigure>;
  supportToCompanionship: Gated<RateFigure>;
}

export type Drift = (NotAvailable | DriftShown) & { suppressed: number };

function stateOf(categories: readonly Category[]): number {
  return categories.length === 0 ? S - 1 : DRIFT_STATES.indexOf(categories[0]);
}

export class DriftAccumulator extends Composite {
  private readonly units = new PerStratum();
  private readonly cells = Array.from({ length: S * S }, () => new UserTally());
  private readonly eligible = new PerStratum();
  private readonly eligibleGroup = new UserTally();
  private readonly changed = new PerStratum();
  private readonly changedGroup = new UserTally();
  private readonly unchangedGroup = new UserTally();
  private readonly into = new PerStratum();
  private readonly intoGroup = new UserTally();
  private readonly notIntoGroup = new UserTally();
  private readonly fromSupport = new PerStratum();
  private readonly fromSupportGroup = new UserTally();
  private readonly supportToCompanion = new PerStratum();
  private readonly supportToCompanionGroup = new UserTally();
  private readonly supportElsewhereGroup = new UserTally();
  private missing = 0;
  private long = 0;

  add(r: AnalysisRecord): void {
    const f = r.facets;
    if (f.status.kind === 'error') return;
    const h = r.stratum ?? 0;
    this.units.add(h);
    if (f.contentCreation || r.humanMessages < DRIFT_MIN_HUMAN_MESSAGES) return;
    this.long++;
    if (!f.drift) {
      this.missing++;
      return;
    }
    const from = stateOf(f.drift.first);
    const to = stateOf(f.drift.last);
    this.cells[from * S + to].add(r);
    this.eligible.add(h);
    this.eligibleGroup.add(r);
    if (from !== to) {
      this.changed.add(h);
      this.changedGroup.add(r);
    } else this.unchangedGroup.add(r);
    if (to === COMPANIONSHIP && from !== COMPANIONSHIP) {
      this.into.add(h);
      this.intoGroup.add(r);
    } else this.notIntoGroup.add(r);
    if (FROM_SUPPORT.includes(from)) {
      this.fromSupport.add(h);
      this.fromSupportGroup.add(r);
      if (to === COMPANIONSHIP) {
        this.supportToCompanion.add(h);
        this.supportToCompanionGroup.add(r);
      } else this.supportElsewhereGroup.add(r);
    }
  }

  protected parts() {
    const { units, cells, eligible, eligibleGroup, changed, changedGroup, unchangedGroup, into } = this;
    const { intoGroup, notIntoGroup, fromSupport, fromSupportGroup, supportToCompanion } = this;
    const { supportToCompanionGroup, supportElsewhereGroup } = this;
    return {
      units,
      cells,
      eligible,
      eligibleGroup,
      changed,
      changedGroup,
      unchangedGroup,
      into,
      intoGroup,
      notIntoGroup,
      fromSupport,
      fromSupportGroup,
      supportToCompanion,
      supportToCompanionGroup,
      supportElsewhereGroup,
    };
  }

  protected override counters() {
    return ['missing', 'long'];
  }

  result(thresholds: Thresholds, estimator: Estimator = rawEstimator()): Drift {
    if (this.long === 0)
      return {
        available: false,
        reason: `no analysed conversation has ${DRIFT_MIN_HUMAN_MESSAGES} or more human messages (outside content creation)`,
        suppressed: 0,
      };
    if (this.eligibleGroup.conversations === 0)
      return {
        available: false,
        reason:
          "the engine did not report categories per part of the conversation (facets.drift); the offline engine's run fills them, an LLM engine needs the prompt field proposed in docs/codebook-additions.md",
        suppressed: 0,
      };
    const gate = new ThresholdGate(thresholds);
    const strata = estimator.strata;
    const all = Array.from({ length: S * S }, (_, i) => i);
    const isChanged = (i: number) => Math.floor(i / S) !== i % S;
    const isInto = (i: number) => i % S === COMPANIONSHIP && Math.floor(i / S) !== COMPANIONSHIP;
    const fromSupport = (i: number) => FROM_SUPPORT.includes(Math.floor(i / S));
    const supportIn = (i: number) => fromSupport(i) && i % S === COMPANIONSHIP;
    const families = [
      all,
      all.filter(isChanged),
      all.filter((i) => !isChanged(i)),
      all.filter(isInto),
      all.filter((i) => !isInto(i)),
      all.filter(fromSupport),
      all.filter(supportIn),
      all.filter((i) => fromSupport(i) && !supportIn(i)),
    ];
    const total = this.eligibleGroup.conversations;
    const size = showGroup(gate, this.eligibleGroup.size(), () => ({ count: total }));
    // Without a shown total, no cell is shown either (a cell's share would give the total away).
    const shown = showCells(
      gate,
      this.cells.map((c) => c.size()),
      (i) => ({ conversations: this.cells[i].conversations, share: this.cells[i].conversations / total }),
      families,
      size.suppressed ? this.cells.map(() => true) : undefined,
    );
    // A rate rests on its denominator's group, and gives away the members with the property and those
    // without: each must be empty or pass.
    const gatedRate = (
      denGroup: UserTally,
      group: UserTally,
      rest: UserTally,
      den: PerStratum,
      num: PerStratum,
      key: string,
    ): Gated<RateFigure> =>
      size.suppressed
        ? gate.suppress()
        : showRate(gate, denGroup.size(), group.size(), () => rate(den, num, key), [rest.size()]);
    const rate = (den: PerStratum, num: PerStratum, key: string): RateFigure => {
      const r = estimator.rate(rateStrata(this.units, den, num, strata), `drift:${key}`);
      return { n: r.n, count: r.count, rate: r.rate, interval: r.interval, method: r.method };
    };
    return {
      available: true,
      minHumanMessages: DRIFT_MIN_HUMAN_MESSAGES,
      conversations: size,
      missing: this.missing,
      transitions: shown.map((c, i) => ({
        from: DRIFT_STATES[Math.floor(i / S)],
        to: DRIFT_STATES[i % S],
        ...c,
      })),
      changed: gatedRate(
        this.eligibleGroup,
        this.changedGroup,
        this.unchangedGroup,
        this.eligible,
        this.changed,
        'changed',
      ),
      intoCompanionship: gatedRate(
        this.eligibleGroup,
        this.intoGroup,
        this.notIntoGroup,
        this.eligible,
        this.into,
        'into-companionship',
      ),
      supportToCompanionship: gatedRate(
        this.fromSupportGroup,
        this.supportToCompanionGroup,
        this.supportElsewhereGroup,
        this.fromSupport,
        this.supportToCompanion,
        'support-to-companionship',
      ),
      suppressed: gate.suppressed,
    };
  }
}
