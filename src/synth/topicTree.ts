/**
 * The synthetic topic tree: the five affective categories, task use and content creation, each a
 * branch of leaf topics with their own wording. Topic ids are `<branch>/<leaf>`, e.g.
 * 'counseling/work_anxiety'; the truth of every generated conversation names its leaf.
 */
import type { Category } from '../facets/schema.js';
import type { TopicGroup, TopicSpec } from './bank.js';
import { COACHING_TOPICS } from './topics/coaching.js';
import { COMPANIONSHIP_TOPICS, ROMANTIC_TOPICS } from './topics/companionship.js';
import { CONTENT_TOPICS } from './topics/content.js';
import { COUNSELING_TOPICS } from './topics/counseling.js';
import { INTERPERSONAL_TOPICS } from './topics/interpersonal.js';
import { TASK_TOPICS } from './topics/task.js';

export interface TopicLeaf extends TopicSpec {
  /** '<branch>/<leaf>' */
  id: string;
  path: readonly [string, string];
  group: TopicGroup;
  /** The affective category, or null for task and content-creation topics. */
  category: Category | null;
}

export interface TopicBranch {
  id: string;
  label: string;
  group: TopicGroup;
  category: Category | null;
  topics: readonly TopicLeaf[];
}

function branch(
  id: string,
  label: string,
  group: TopicGroup,
  category: Category | null,
  specs: readonly TopicSpec[],
): TopicBranch {
  const topics = specs.map((s) => ({
    ...s,
    // Chinese templates reuse the English slots they do not override (language names, code tasks...).
    zh: s.zh ? { ...s.zh, slots: { ...s.bank.slots, ...s.zh.slots } } : undefined,
    id: `${id}/${s.name}`,
    path: [id, s.name] as const,
    group,
    category,
  }));
  return { id, label, group, category, topics };
}

export const TOPIC_TREE: readonly TopicBranch[] = [
  branch(
    'interpersonal_advice',
    'Interpersonal advice',
    'affective',
    'interpersonal_advice',
    INTERPERSONAL_TOPICS,
  ),
  branch('coaching', 'Coaching', 'affective', 'coaching', COACHING_TOPICS),
  branch('counseling', 'Psychotherapy and counseling', 'affective', 'counseling', COUNSELING_TOPICS),
  branch('companionship', 'Companionship', 'affective', 'companionship', COMPANIONSHIP_TOPICS),
  branch('romantic_roleplay', 'Romantic roleplay', 'affective', 'romantic_roleplay', ROMANTIC_TOPICS),
  branch('task', 'Task use', 'task', null, TASK_TOPICS),
  branch('content', 'Content creation', 'content', null, CONTENT_TOPICS),
];

export const TOPICS_BY_ID: ReadonlyMap<string, TopicLeaf> = new Map(
  TOPIC_TREE.flatMap((b) => b.topics.map((t) => [t.id, t] as const)),
);

export function branchOf(categoryOrGroup: Category | 'task' | 'content'): TopicBranch {
  const b = TOPIC_TREE.find((x) => x.id === categoryOrGroup);
  if (!b) throw new Error(`no synth branch ${categoryOrGroup}`);
  return b;
}
