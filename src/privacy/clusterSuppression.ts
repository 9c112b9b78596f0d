/**
 * Thresholds on a cluster tree (privacy layer 2): which clusters may be shown, which merge into their
 * parent or the counted remainder, and which are withheld so no difference of shown numbers reveals a
 * small group.
 */
import { type GroupSize, passesThresholds, type Thresholds, validateThresholds } from './thresholds.js';

/** Distinct users (by `userKey`) and conversations among `members` (indices into `userKeys`). */
export function groupSize(members: readonly number[], userKeys: readonly string[]): GroupSize {
  const users = new Set<string>();
  for (const i of members) users.add(userKeys[i]);
  return { conversations: members.length, users: users.size };
}

/** Whether a group of items (indices into `userKeys`) may be shown at all. */
export function groupPasses(
  members: readonly number[],
  userKeys: readonly string[],
  thresholds: Thresholds,
): boolean {
  return passesThresholds(groupSize(members, userKeys), thresholds);
}

/** A cluster before naming: which items it holds, and its sub-clusters (a partition of them). */
export interface MemberCluster {
  /** Indices into the group's items, ascending. */
  members: number[];
  children: MemberCluster[];
  /** Stable identity from the clustering (for tie-breaks and naming seeds). */
  key: string;
}

export interface MemberTree {
  /** `userKey` of every item of the group. */
  userKeys: readonly string[];
  roots: MemberCluster[];
}

export interface SuppressedTree extends MemberTree {
  /** Items in no shown top-level cluster: counted as "other (below threshold)", never described. */
  belowThreshold: number[];
  /** Clusters (any level) below the thresholds, merged into their parent or the remainder. */
  clustersMerged: number;
  /** Clusters that passed but were withheld because their size would reveal a below-threshold
   * remainder by subtraction (parent − shown children, or total − shown topics). */
  clustersWithheldForRemainder: number;
}

/**
 * Thresholds on a cluster tree (privacy layer 2). Bottom-up at every level:
 * - a cluster below `minUsers` distinct users or `minConversations` conversations is removed, and
 *   its conversations stay counted in its parent (or, at the top, in the remainder);
 * - complementary suppression: if the conversations of a parent not covered by its shown children
 *   (or of the group not covered by shown topics) are a non-empty group below the thresholds, the
 *   smallest shown sibling joins them, until that remainder passes or no sibling is left. So every
 *   number shown, and every difference of shown numbers, rests on a group that passes;
 * - a parent left with one child that covers all of it shows no children (the child is the parent).
 * Pure: returns a new tree.
 */
export function suppressSmallClusters(tree: MemberTree, thresholds: Thresholds): SuppressedTree {
  const t = validateThresholds(thresholds);
  const passes = (members: readonly number[]) => passesThresholds(groupSize(members, tree.userKeys), t);
  let clustersMerged = 0;
  let withheld = 0;
  const countAll = (c: MemberCluster): number => 1 + c.children.reduce((s, ch) => s + countAll(ch), 0);

  /** Keeps the children that can be shown; returns them and the members they leave uncovered. */
  const keepChildren = (members: readonly number[], children: MemberCluster[]) => {
    const kept: MemberCluster[] = [];
    for (const ch of children) {
      if (passes(ch.members)) kept.push(ch);
      else clustersMerged += countAll(ch);
    }
    const covered = new Set<number>();
    for (const ch of kept) for (const i of ch.members) covered.add(i);
    let remainder = members.filter((i) => !covered.has(i));
    while (remainder.length > 0 && !passes(remainder) && kept.length > 0) {
      let smallest = 0;
      for (let j = 1; j < kept.length; j++) {
        const a = kept[j].members.length;
        const b = kept[smallest].members.length;
        if (a < b || (a === b && kept[j].key < kept[smallest].key)) smallest = j;
      }
      const [gone] = kept.splice(smallest, 1);
      withheld += countAll(gone);
      remainder = [...remainder, ...gone.members].sort((x, y) => x - y);
    }
    return { kept: kept.map(prune), remainder };
  };

  const prune = (c: MemberCluster): MemberCluster => {
    if (c.children.length === 0) return { ...c, members: [...c.members], children: [] };
    const { kept, remainder } = keepChildren(c.members, c.children);
    if (kept.length === 1 && remainder.length === 0)
      return { ...c, members: [...c.members], children: kept[0].children };
    return { ...c, members: [...c.members], children: kept };
  };

  const all = Array.from({ length: tree.userKeys.length }, (_, i) => i);
  const { kept, remainder } = keepChildren(all, tree.roots);
  return {
    userKeys: tree.userKeys,
    roots: kept,
    belowThreshold: remainder,
    clustersMerged,
    clustersWithheldForRemainder: withheld,
  };
}
