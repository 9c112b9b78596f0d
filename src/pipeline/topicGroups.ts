/**
 * The topic stage of a run: the affective and very long conversations → one clustered, gated topic
 * tree per category, per category's pushback reasons, and for the very long conversations.
 */
import type { TopicCandidate } from '../analysis/accumulate.js';
import { type ClusterDeps, clusterTopics, type TopicItem } from '../cluster/clusterTopics.js';
import {
  LONG_CONVERSATIONS_GROUP,
  reasonsGroup,
  type TopicGroupId,
  type TopicTree,
} from '../cluster/topicTreeTypes.js';
import { CATEGORIES, type Category } from '../facets/schema.js';
import { addGateCounts, emptyGateCounts, type PrivacyGateCounts } from '../privacy/gateCounts.js';
import type { Thresholds } from '../privacy/thresholds.js';

export interface TopicGroups {
  topics: TopicTree[];
  reasonTopics: TopicTree[];
  longTopics: TopicTree | null;
  gates: PrivacyGateCounts;
}

export async function clusterTopicGroups(
  candidates: readonly TopicCandidate[],
  deps: ClusterDeps,
  thresholds: Thresholds,
  /** Called as each group starts clustering (for progress). */
  onGroup?: (group: TopicGroupId, conversations: number) => void,
): Promise<TopicGroups> {
  const gates = emptyGateCounts();
  const cluster = async (group: TopicGroupId, items: TopicItem[]): Promise<TopicTree> => {
    onGroup?.(group, items.length);
    const out = await clusterTopics(group, items, deps, { thresholds });
    addGateCounts(gates, out.gates);
    return out.tree;
  };
  const byCategory = new Map<Category, TopicCandidate[]>(CATEGORIES.map((c) => [c, []]));
  const long: TopicCandidate[] = [];
  for (const c of candidates) {
    for (const category of c.categories) byCategory.get(category)!.push(c);
    if (c.long) long.push(c);
  }
  const topics: TopicTree[] = [];
  const reasonTopics: TopicTree[] = [];
  for (const category of CATEGORIES) {
    const members = byCategory.get(category)!;
    if (members.length === 0) continue;
    topics.push(
      await cluster(
        category,
        members.map((c) => topicItem(c, c.concern)),
      ),
    );
    const reasons = members.filter((c) => c.pushback).map((c) => topicItem(c, reasonText(c)));
    if (reasons.length > 0) reasonTopics.push(await cluster(reasonsGroup(category), reasons));
  }
  const longTopics =
    long.length > 0
      ? await cluster(
          LONG_CONVERSATIONS_GROUP,
          long.map((c) => topicItem(c, c.concern)),
        )
      : null;
  return { topics, reasonTopics, longTopics, gates };
}

/** Item ids are record positions: unique even when a log repeats conversation ids. */
function topicItem(c: TopicCandidate, text: string): TopicItem {
  return { conversationId: String(c.index), userId: c.userId, text };
}

/**
 * What a pushback reason is clustered on: the reason class with what the person brought, so clusters
 * read as "false premise: ..." rather than as topics alone.
 */
function reasonText(c: TopicCandidate): string {
  return `${(c.pushbackReason ?? 'policy_other').replace(/_/g, ' ')}: ${c.concern}`;
}
