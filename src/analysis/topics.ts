/**
 * Topic trees arrive already gated by the cluster stage. The report checks them again (defence in
 * depth): a node below the thresholds is removed with its children and its conversations are added
 * to the tree's counted-but-not-described remainder.
 */

import type { TopicNode, TopicTree } from '../cluster/types.js';
import { passesThresholds, type Thresholds } from '../privacy/thresholds.js';

export interface GatedTree {
  tree: TopicTree;
  /** Nodes removed here (0 when the cluster stage did its job). */
  suppressed: number;
}

export function gateTopicTree(tree: TopicTree, thresholds: Thresholds): GatedTree {
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
  return {
    tree: {
      group: tree.group,
      total: tree.total,
      topics,
      belowThreshold: { conversations: tree.belowThreshold.conversations + moved },
    },
    suppressed,
  };
}
