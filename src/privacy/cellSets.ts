/**
 * Thresholds on sets of cells (privacy layer 2, for breakdowns over time, by segment, by transition
 * and by groups of users): a figure per period, per segment or per cell of a table. Two rules on top
 * of ThresholdGate's minimums:
 *
 * - dominance: a cell whose heaviest user holds more than DOMINANCE_SHARE of its conversations is
 *   withheld even when it has enough users, since its figure mostly describes that one person;
 * - complementary suppression: a *family* is a set of cells, disjoint in conversations, whose total is
 *   shown somewhere in the report (all periods, all segments, the off-diagonal cells of a transition
 *   table...). When a cell of a family is withheld, the total minus the family's shown cells would give
 *   it back, so the smallest shown cells of the family are withheld with it until the withheld cells
 *   together form a group that passes both rules (or nothing is left). Families are revisited until no
 *   decision changes. Every difference of shown numbers then rests on a group that passes.
 *
 * The union of withheld cells is judged conservatively: conversations add up (the cells of a family are
 * disjoint), distinct users are at least those of its largest cell (a user may be in several), and its
 * heaviest user holds at most the sum of the cells' heaviest users.
 */
import { containsPii } from './pii.js';
import {
  type GroupSize,
  passesThresholds,
  type Shown,
  type Suppressed,
  type ThresholdGate,
  type Thresholds,
} from './thresholds.js';

/**
 * Above this share of a cell's conversations from one user, the cell describes that user: the (1, k)
 * dominance rule of statistical disclosure control with k = 50 %. A figure that one person makes more
 * than half of is theirs more than the group's.
 */
export const DOMINANCE_SHARE = 0.5;

/** A cell's size: conversations, distinct users, and the conversations of its heaviest user. */
export interface CellSize extends GroupSize {
  /**
   * Conversations of the user with the most in the cell (1 when each conversation is its own user). For a
   * figure that counts users rather than conversations (each user weighs one), pass 1.
   */
  topUser: number;
}

export const EMPTY_CELL: CellSize = { conversations: 0, users: 0, topUser: 0 };

function dominated(size: CellSize): boolean {
  return size.conversations > 0 && size.topUser > DOMINANCE_SHARE * size.conversations;
}

/** Whether one cell may be shown on its own: thresholds and dominance. */
export function cellPasses(size: CellSize, thresholds: Thresholds): boolean {
  return size.conversations > 0 && passesThresholds(size, thresholds) && !dominated(size);
}

function unionPasses(cells: readonly CellSize[], thresholds: Thresholds): boolean {
  let conversations = 0;
  let users = 0;
  let topUser = 0;
  for (const c of cells) {
    conversations += c.conversations;
    users = Math.max(users, c.users);
    topUser += c.topUser;
  }
  return cellPasses({ conversations, users, topUser: Math.min(topUser, conversations) }, thresholds);
}

/**
 * Which cells may be shown (pure: counts nothing). `families` lists the index sets whose totals are
 * shown (default: all cells, one family); `forced` withholds cells for a reason of the caller's (they
 * still count in their families' unions). An empty cell is never shown, but it calls for no
 * complementary suppression: the difference it leaves is zero.
 */
export function decideCells(
  thresholds: Thresholds,
  cells: readonly CellSize[],
  families: readonly (readonly number[])[] = [cells.map((_, i) => i)],
  forced: readonly boolean[] = [],
): boolean[] {
  const shown = cells.map((c, i) => !forced[i] && cellPasses(c, thresholds));
  for (let changed = true; changed; ) {
    changed = false;
    for (const family of families) {
      const withheld = () =>
        family.filter((i) => !shown[i] && cells[i].conversations > 0).map((i) => cells[i]);
      if (withheld().length === 0) continue;
      const bySize = family
        .filter((i) => shown[i])
        .sort((a, b) => cells[a].conversations - cells[b].conversations || a - b);
      for (const i of bySize) {
        if (unionPasses(withheld(), thresholds)) break;
        shown[i] = false;
        changed = true;
      }
    }
  }
  return shown;
}

/** decideCells, counting every withheld cell on `gate`. */
export function gateCells(
  gate: ThresholdGate,
  cells: readonly CellSize[],
  families?: readonly (readonly number[])[],
  forced?: readonly boolean[],
): boolean[] {
  const shown = decideCells(gate.thresholds, cells, families, forced);
  for (const ok of shown) if (!ok) gate.suppress();
  return shown;
}

/** `figure(i)` for every cell gateCells shows, a (counted) suppression for the others. */
export function showCells<F extends object>(
  gate: ThresholdGate,
  cells: readonly CellSize[],
  figure: (i: number) => F,
  families?: readonly (readonly number[])[],
  forced?: readonly boolean[],
): (Shown<F> | Suppressed)[] {
  const shown = gateCells(gate, cells, families, forced);
  return shown.map((ok, i) => (ok ? { suppressed: false as const, ...figure(i) } : withheld()));
}

/**
 * One figure about one group of people: shown when the group passes the thresholds and no user
 * dominates it, and when every `derivable` group (what subtracting this figure from figures shown
 * elsewhere gives: the rest of a shown total, the band between two nested top groups) is empty or passes
 * too. A withheld figure is counted on `gate`.
 */
export function showGroup<F extends object>(
  gate: ThresholdGate,
  size: CellSize,
  figure: () => F,
  derivable: readonly CellSize[] = [],
): Shown<F> | Suppressed {
  const t = gate.thresholds;
  if (cellPasses(size, t) && derivable.every((d) => d.conversations === 0 || cellPasses(d, t)))
    return { suppressed: false, ...figure() };
  return gate.suppress();
}

/**
 * A rate within a group, when having the property is itself sensitive (a dependency cue, a drift): shown
 * when the group passes, and the conversations with the property are none or a group that passes too
 * (so a rate never rests on what one or two people said), as is every `derivable` group that is not
 * empty (the group's members without the property, when that count is given away). Counted on `gate`
 * when withheld.
 */
export function showRate<F extends object>(
  gate: ThresholdGate,
  group: CellSize,
  positives: CellSize,
  figure: () => F,
  derivable: readonly CellSize[] = [],
): Shown<F> | Suppressed {
  const t = gate.thresholds;
  const passesOrEmpty = (c: CellSize) => c.conversations === 0 || cellPasses(c, t);
  if (cellPasses(group, t) && passesOrEmpty(positives) && derivable.every(passesOrEmpty))
    return { suppressed: false, ...figure() };
  return gate.suppress();
}

/**
 * Whether a whole table of cells can be shown together, as one figure (a Lorenz curve: every point is a
 * difference of its neighbours, so one withheld cell withholds the figure). Counts one suppression when
 * it cannot.
 */
export function allCellsPass(
  gate: ThresholdGate,
  cells: readonly CellSize[],
  derivable: readonly CellSize[] = [],
): boolean {
  const t = gate.thresholds;
  if (
    cells.length > 0 &&
    cells.every((c) => cellPasses(c, t)) &&
    derivable.every((d) => d.conversations === 0 || cellPasses(d, t))
  )
    return true;
  gate.suppress();
  return false;
}

/** `figure()` when allCellsPass, a (counted) suppression otherwise. */
export function showTable<F extends object>(
  gate: ThresholdGate,
  cells: readonly CellSize[],
  figure: () => F,
  derivable: readonly CellSize[] = [],
): Shown<F> | Suppressed {
  return allCellsPass(gate, cells, derivable) ? { suppressed: false, ...figure() } : withheld();
}

function withheld(): Suppressed {
  // Already counted by the caller (gateCells, allCellsPass).
  return { suppressed: true } as Suppressed;
}

/** The longest segment label the report prints. */
export const MAX_SEGMENT_LABEL = 60;

/**
 * A segment's label as the report may print it: the value of a metadata field shared by the segment's
 * conversations, asked only for segments shown. A value that looks like personal data (an email, a
 * phone number, a person's name) or is too long to be a category is replaced by a neutral label: it
 * would be a person's identifier, not a segment's name.
 */
export function releaseSegmentLabel(value: string, index: number): string {
  const clean = value.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim();
  if (clean === '' || clean.length > MAX_SEGMENT_LABEL || containsPii(clean))
    return `segment ${index + 1} (label withheld)`;
  return clean;
}
