/**
 * Topic trees arrive already gated by the cluster stage. Before the report shows them they are checked
 * again (defence in depth), and a tree is shown only when the group it describes is shown elsewhere in
 * the report: its `total` is a count of that group, so a tree for a suppressed group would leak it.
 * A node below the thresholds is removed with its children; top-level conversations removed join the
 * tree's counted-but-not-described remainder.
 */
import { passesThresholds, type Thresholds } from './thresholds.js';

/** A named cluster with its counts, as the cluster stage hands it over (see cluster/types.ts). */
export interface TopicNode {
  id: string;
  name: string;
  description: string;
  conversations: number;
  users: number;
  children: TopicNode[];
}

/** One group's topic tree: the shape this gate checks (structurally, the cluster stage's TopicTree). */
export interface TopicTree<G extends string = string> {
  group: G;
  total: number;
  topics: TopicNode[];
  belowThreshold: { conversations: number };
}

declare const gated: unique symbol;
/** A topic tree that passed this gate: the only kind the report shows. */
export type GatedTopicTree<G extends string = string> = TopicTree<G> & { readonly [gated]: true };

export interface TreeGateCounts {
  /** Whole trees withheld (their group is not shown, or it is below the conversation minimum). */
  treesWithheld: number;
  /** Nodes removed from shown trees (0 when the cluster stage did its job). */
  nodesRemoved: number;
}

/** The tree to show for a group, or none; counts what it withheld into `counts`. */
export function gateShownTree<G extends string>(
  tree: TopicTree<G> | undefined | null,
  groupShown: boolean,
  thresholds: Thresholds,
  counts: TreeGateCounts,
): GatedTopicTree<G>[] {
  if (!tree) return [];
  if (!groupShown || tree.total < thresholds.minConversations) {
    counts.treesWithheld++;
    return [];
  }
  const g = gateTopicTree(tree, thresholds);
  counts.nodesRemoved += g.suppressed;
  return [g.tree];
}

export interface GatedTree<G extends string = string> {
  tree: GatedTopicTree<G>;
  /** Nodes removed here (0 when the cluster stage did its job). */
  suppressed: number;
}

export function gateTopicTree<G extends string>(tree: TopicTree<G>, thresholds: Thresholds): GatedTree<G> {
  let suppressed = 0;
  let moved = 0;
  const keep = (nodes: readonly TopicNode[], depth: number): TopicNode[] => {
    const out: TopicNode[] = [];
    for (const n of nodes) {
      if (!passesThresholds({ conversations: n.conversations, users: n.users }, thresholds)) {
        suppressed++;
        // A removed child's conversations stay described by its parent; only top-level ones move.
        if (depth === 0) moved += n.conversations;
        continue;
      }
      out.push({ ...n, children: keep(n.children, depth + 1) });
    }
    return out.sort((a, b) => b.conversations - a.conversations || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  };
  const topics = keep(tree.topics, 0);
  const shown: TopicTree<G> = {
    group: tree.group,
    total: tree.total,
    topics,
    belowThreshold: { conversations: tree.belowThreshold.conversations + moved },
  };
  return { tree: shown as GatedTopicTree<G>, suppressed };
}
