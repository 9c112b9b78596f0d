import { describe, expect, it } from 'vitest';
import {
  type CellSize,
  cellPasses,
  decideCells,
  gateCells,
  releaseSegmentLabel,
  showGroup,
  showRate,
} from '../../src/privacy/cellSets.js';
import { DEFAULT_THRESHOLDS, ThresholdGate } from '../../src/privacy/thresholds.js';

const cell = (conversations: number, users: number, topUser = 1): CellSize => ({
  conversations,
  users,
  topUser,
});
const T = DEFAULT_THRESHOLDS; // 5 users, 10 conversations

describe('cell sets', () => {
  it('shows a cell that passes the thresholds and that no user dominates', () => {
    expect(cellPasses(cell(10, 5, 5), T)).toBe(true);
    expect(cellPasses(cell(10, 5, 6), T)).toBe(false); // one user wrote 6 of 10
    expect(cellPasses(cell(9, 5), T)).toBe(false);
    expect(cellPasses(cell(50, 4), T)).toBe(false);
    expect(cellPasses(cell(0, 0, 0), T)).toBe(false);
  });

  it('withholds the next smallest cell with a small one, until the withheld ones pass together', () => {
    // [small, mid, big, bigger]: small fails; mid alone would leave small's figure as total − shown.
    expect(decideCells(T, [cell(4, 2, 2), cell(30, 10, 3), cell(100, 40, 5), cell(200, 50, 5)])).toEqual([
      false,
      false,
      true,
      true,
    ]);
    // Two small cells that still fail together take a third with them.
    expect(decideCells(T, [cell(3, 1, 3), cell(4, 2, 2), cell(30, 10, 3), cell(100, 40, 5)])).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('takes dominance into account in the union: a heavy user outweighing the next cell takes another', () => {
    // The heavy user's 40 conversations against 30 of the next cell: the pair is theirs; add one more.
    expect(decideCells(T, [cell(40, 1, 40), cell(30, 10, 3), cell(100, 40, 5), cell(300, 60, 5)])).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });

  it('calls for no complementary suppression for an empty cell, and counts every withheld cell', () => {
    const gate = new ThresholdGate(T);
    expect(gateCells(gate, [cell(0, 0, 0), cell(30, 10, 3), cell(100, 40, 5)])).toEqual([false, true, true]);
    expect(gate.suppressed).toBe(1);
  });

  it('protects the withheld cell in every family whose total is shown', () => {
    // Cells 0..3; families {0,1} and {0,2,3}: the small cell 0 takes cell 1 with it in the first and
    // cell 2 (the smallest other member) in the second.
    const shown = decideCells(
      T,
      [cell(3, 1, 3), cell(20, 8, 2), cell(25, 8, 2), cell(500, 100, 5)],
      [
        [0, 1],
        [0, 2, 3],
      ],
    );
    expect(shown).toEqual([false, false, false, true]);
  });

  it('showGroup and showRate check what a figure gives away', () => {
    const gate = new ThresholdGate(T);
    expect(showGroup(gate, cell(50, 10, 5), () => ({ x: 1 })).suppressed).toBe(false);
    expect(showGroup(gate, cell(50, 10, 5), () => ({ x: 1 }), [cell(3, 1, 3)]).suppressed).toBe(true);
    expect(showRate(gate, cell(200, 50, 5), cell(0, 0, 0), () => ({ x: 1 })).suppressed).toBe(false);
    expect(showRate(gate, cell(200, 50, 5), cell(12, 1, 12), () => ({ x: 1 })).suppressed).toBe(true);
    expect(gate.suppressed).toBe(2);
  });

  it('withholds a segment label that looks like personal data or is not a short name', () => {
    expect(releaseSegmentLabel('gpt-4o', 0)).toBe('gpt-4o');
    expect(releaseSegmentLabel('call me at +1 415 555 0100', 1)).toBe('segment 2 (label withheld)');
    expect(releaseSegmentLabel('x'.repeat(80), 2)).toBe('segment 3 (label withheld)');
    expect(releaseSegmentLabel('de\u0000', 0)).toBe('de');
  });
});
