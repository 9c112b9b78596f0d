import { describe, expect, it } from 'vitest';
import {
  groupSize,
  type MemberCluster,
  suppressSmallClusters,
} from '../../src/privacy/clusterSuppression.js';
import {
  DEFAULT_THRESHOLDS,
  ThresholdGate,
  userKey,
  validateThresholds,
} from '../../src/privacy/thresholds.js';

const T = { minUsers: 3, minConversations: 4 };
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);
const leaf = (key: string, members: number[]): MemberCluster => ({ key, members, children: [] });
const node = (key: string, children: MemberCluster[]): MemberCluster => ({
  key,
  members: children.flatMap((c) => c.members).sort((a, b) => a - b),
  children,
});
/** Item i belongs to user `users[i]`. */
const keysOf = (users: string[]) => users.map((u, i) => userKey(u === '' ? undefined : u, `c${i}`));

describe('suppressSmallClusters', () => {
  it('merges a small child into its parent and keeps the parent whole', () => {
    // Items 0-11: 12 users; 12-13: one user (a 2-conversation child).
    const keys = keysOf([...range(0, 12).map((i) => `u${i}`), 'x', 'x']);
    const a = leaf('a', range(0, 6));
    const b = leaf('b', range(6, 12));
    const small = leaf('s', [12, 13]);
    const out = suppressSmallClusters({ userKeys: keys, roots: [node('p', [a, b, small])] }, T);
    expect(out.roots).toHaveLength(1);
    expect(out.roots[0].members).toHaveLength(14);
    // The small child's 2 conversations would be visible as 14 − 6 − 6: so one sibling is withheld too.
    expect(out.roots[0].children.map((c) => c.key)).toEqual(['b']);
    expect(out.clustersMerged).toBe(1);
    expect(out.clustersWithheldForRemainder).toBe(1);
    expect(out.belowThreshold).toEqual([]);
  });

  it('shows children when the uncovered remainder itself passes', () => {
    const keys = keysOf(range(0, 20).map((i) => `u${i}`));
    const tiny = [leaf('t1', [16]), leaf('t2', [17]), leaf('t3', [18]), leaf('t4', [19])];
    const out = suppressSmallClusters(
      { userKeys: keys, roots: [node('p', [leaf('a', range(0, 8)), leaf('b', range(8, 16)), ...tiny])] },
      T,
    );
    expect(out.roots[0].children.map((c) => c.key)).toEqual(['a', 'b']);
    expect(out.clustersMerged).toBe(4);
    expect(out.clustersWithheldForRemainder).toBe(0);
  });

  it('counts users, not conversations: many conversations of two users never pass', () => {
    const keys = keysOf([
      ...range(0, 200).map((i) => (i % 2 === 0 ? 'evil1' : 'evil2')),
      ...range(0, 12).map((i) => `u${i}`),
    ]);
    const planted = leaf('planted', range(0, 200));
    const normal = leaf('normal', range(200, 212));
    const out = suppressSmallClusters({ userKeys: keys, roots: [planted, normal] }, T);
    expect(out.roots.map((r) => r.key)).toEqual([]); // the remainder (2 users) would be revealed by total − normal
    expect(out.belowThreshold).toHaveLength(212);
    expect(out.clustersMerged).toBe(1);
    expect(out.clustersWithheldForRemainder).toBe(1);
  });

  it('conversations without a user id count as their own user', () => {
    const keys = keysOf(['', '', '', '']);
    expect(groupSize([0, 1, 2, 3], keys)).toEqual({ conversations: 4, users: 4 });
    const out = suppressSmallClusters({ userKeys: keys, roots: [leaf('a', [0, 1, 2, 3])] }, T);
    expect(out.roots).toHaveLength(1);
    const same = keysOf(['u', 'u', 'u', 'u']);
    expect(suppressSmallClusters({ userKeys: same, roots: [leaf('a', [0, 1, 2, 3])] }, T).roots).toHaveLength(
      0,
    );
  });

  it('suppresses a whole group below the thresholds, at every level', () => {
    const keys = keysOf(['a', 'b', 'c']);
    const out = suppressSmallClusters(
      { userKeys: keys, roots: [node('p', [leaf('x', [0, 1]), leaf('y', [2])])] },
      T,
    );
    expect(out.roots).toEqual([]);
    expect(out.belowThreshold).toEqual([0, 1, 2]);
    expect(out.clustersMerged).toBe(3);
  });

  it('drops a lone child that covers its whole parent, keeping its own children', () => {
    const keys = keysOf(range(0, 16).map((i) => `u${i}`));
    const inner = node('mid', [leaf('a', range(0, 8)), leaf('b', range(8, 16))]);
    const out = suppressSmallClusters({ userKeys: keys, roots: [node('top', [inner])] }, T);
    expect(out.roots[0].key).toBe('top');
    expect(out.roots[0].children.map((c) => c.key)).toEqual(['a', 'b']);
  });

  it('validates thresholds and documents sane defaults', () => {
    expect(validateThresholds(DEFAULT_THRESHOLDS)).toEqual({ minUsers: 5, minConversations: 10 });
    expect(() => validateThresholds({ minUsers: 0, minConversations: 3 })).toThrow(
      /minUsers must be a positive integer/,
    );
  });
});

describe('ThresholdGate', () => {
  it('shows an empty group as a zero and does not count it as suppressed', () => {
    const gate = new ThresholdGate(DEFAULT_THRESHOLDS);
    expect(gate.show({ conversations: 0, users: 0 }, () => ({ count: 0, share: 0 }))).toEqual({
      suppressed: false,
      count: 0,
      share: 0,
    });
    // A figure with no value over nothing (a mean, a rate) gives its own empty form.
    const mean = () => {
      throw new Error('a mean of nothing must not be computed');
    };
    expect(gate.show({ conversations: 0, users: 0 }, mean, () => ({ n: 0 }))).toEqual({
      suppressed: false,
      n: 0,
    });
    expect(gate.suppressed).toBe(0);
  });

  it('keeps withholding every non-empty group below either threshold, however small', () => {
    const gate = new ThresholdGate(DEFAULT_THRESHOLDS);
    const figures = () => ({ count: 1 });
    expect(gate.show({ conversations: 1, users: 1 }, figures)).toEqual({ suppressed: true });
    expect(gate.show({ conversations: 9, users: 9 }, figures)).toEqual({ suppressed: true });
    expect(gate.show({ conversations: 40, users: 4 }, figures)).toEqual({ suppressed: true });
    expect(gate.show({ conversations: 10, users: 5 }, figures)).toEqual({ suppressed: false, count: 1 });
    expect(gate.suppressed).toBe(3);
  });

  it('withholds an empty part of a small withheld group: "none of them" would describe it', () => {
    const gate = new ThresholdGate(DEFAULT_THRESHOLDS);
    const empty = { conversations: 0, users: 0 };
    const zero = () => ({ n: 0 });
    expect(gate.show(empty, zero, zero, { conversations: 3, users: 3 })).toEqual({ suppressed: true });
    expect(gate.show(empty, zero, zero, { conversations: 12, users: 12 })).toEqual({
      suppressed: false,
      n: 0,
    });
    expect(gate.show(empty, zero, zero, empty)).toEqual({ suppressed: false, n: 0 });
    expect(gate.suppressed).toBe(1);
  });

  it('withholds a passing figure when a part its difference with shown figures singles out is small', () => {
    const gate = new ThresholdGate(DEFAULT_THRESHOLDS);
    const group = { conversations: 40, users: 30 };
    const figures = () => ({ count: 40 });
    const big = { conversations: 20, users: 15 };
    const empty = { conversations: 0, users: 0 };
    expect(gate.showWithParts(group, [big, empty], figures)).toEqual({ suppressed: false, count: 40 });
    expect(gate.showWithParts(group, [big, { conversations: 3, users: 3 }], figures)).toEqual({
      suppressed: true,
    });
    // An empty group is shown whatever its parts (every difference with it is already shown).
    expect(gate.showWithParts(empty, [{ conversations: 2, users: 2 }], () => ({ count: 0 }))).toEqual({
      suppressed: false,
      count: 0,
    });
    expect(gate.suppressed).toBe(1);
  });
});
