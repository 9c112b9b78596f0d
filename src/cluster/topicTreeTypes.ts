/** The shape of clustered topics as they leave the cluster stage (already privacy-gated). */
import { CATEGORIES, type Category } from '../facets/schema.js';
import type { TopicTree as PrivacyTopicTree } from '../privacy/topicTrees.js';

/**
 * What a topic tree clusters: a category's concerns, the very long conversations' concerns, or a
 * category's pushback reasons. The one place these ids are built and read back.
 */
export type TopicGroupId = Category | typeof LONG_CONVERSATIONS_GROUP | `${typeof REASONS_PREFIX}${Category}`;

export const LONG_CONVERSATIONS_GROUP = 'long_conversations';
const REASONS_PREFIX = 'pushback_reasons:';

/** The group of a category's clustered pushback reasons. */
export function reasonsGroup(category: Category): TopicGroupId {
  return `${REASONS_PREFIX}${category}`;
}

/** What a group id means, read back (for labels and colours). */
export function parseTopicGroup(
  id: string,
): { kind: 'category' | 'reasons'; category: Category } | { kind: 'long' } | undefined {
  if (id === LONG_CONVERSATIONS_GROUP) return { kind: 'long' };
  const reasons = id.startsWith(REASONS_PREFIX);
  const c = reasons ? id.slice(REASONS_PREFIX.length) : id;
  return (CATEGORIES as readonly string[]).includes(c)
    ? { kind: reasons ? 'reasons' : 'category', category: c as Category }
    : undefined;
}

/** A named cluster: at most ten words of name, at most two sentences of description ('' when withheld). */
export type { TopicNode } from '../privacy/topicTrees.js';

/** A group's topic tree as it leaves the cluster stage: names, descriptions and counts only. */
export type TopicTree = PrivacyTopicTree<TopicGroupId>;
