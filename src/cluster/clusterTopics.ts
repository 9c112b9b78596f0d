/**
 * The topic stage: concerns of one group (a category, the long conversations, or the pushback
 * reasons of a category) → embedded → k-means hierarchy → thresholds → names → PII detector,
 * vocabulary, support over genuinely different sources, echo rule and audit → a TopicTree that holds
 * only names, descriptions and counts.
 *
 * Order matters for privacy: thresholds run before naming, so no namer ever describes a group too
 * small to show; the deterministic gates run on every name and description whatever the auditor,
 * and the auditor runs last. Raw text and per-conversation concerns never enter the tree.
 */
import type { PrivacyAuditor } from '../privacy/audit.js';
import {
  groupPasses,
  groupSize,
  type MemberCluster,
  suppressSmallClusters,
} from '../privacy/clusterSuppression.js';
import { emptyGateCounts, type PrivacyGateCounts } from '../privacy/gateCounts.js';
import { indexSources } from '../privacy/nearDuplicates.js';
import { type ReleaseContext, releaseClusterName, WITHHELD_NAME } from '../privacy/release.js';
import { type Thresholds, userKey, validateThresholds } from '../privacy/thresholds.js';
import { createRng, deriveSeed } from '../util/random.js';
import type { Embedder } from './embedder.js';
import { buildHierarchy, defaultTargetLeafSize, type HierarchyOptions } from './hierarchy.js';
import type { ClusterNamer } from './namer.js';
import type { TopicGroupId, TopicNode, TopicTree } from './topicTreeTypes.js';

export interface TopicItem {
  conversationId: string;
  userId?: string;
  /** The conversation's `concern` facet (or pushback reason): a short PII-free summary. */
  text: string;
}

export interface ClusterDeps {
  embedder: Embedder;
  namer: ClusterNamer;
  auditor: PrivacyAuditor;
  seed: number;
}

export interface ClusterOptions {
  thresholds: Thresholds;
  levels?: 2 | 3;
  /** Average base-cluster size aimed for (default: see defaultTargetLeafSize). */
  targetLeafSize?: number;
  /** Upper bound on base clusters (default 400). */
  maxLeafClusters?: number;
  /** Clusters below per cluster above (default 5). */
  branching?: number;
  /** Member and contrast concerns passed to the namer, a seeded sample (default 500 each). */
  nameSampleSize?: number;
  /** Namer calls in flight (default 4). */
  namingConcurrency?: number;
}

export interface ClusterResult {
  tree: TopicTree;
  gates: PrivacyGateCounts;
}

export async function clusterTopics(
  group: TopicGroupId,
  items: readonly TopicItem[],
  deps: ClusterDeps,
  options: ClusterOptions,
): Promise<ClusterResult> {
  const t = validateThresholds(options.thresholds);
  validateItems(group, items);
  const gates = emptyGateCounts();
  const keys = items.map((it) => userKey(it.userId, it.conversationId));
  const all = items.map((_, i) => i);
  const emptyTree = (): ClusterResult => {
    gates.conversationsSuppressedByThreshold = items.length;
    return {
      tree: { group, total: items.length, topics: [], belowThreshold: { conversations: items.length } },
      gates,
    };
  };
  // A group below the thresholds is not even embedded: nothing about it can be shown.
  if (!groupPasses(all, keys, t)) return emptyTree();

  const texts = items.map((it) => it.text.trim());
  // Items without a concern cannot be placed; they stay counted in the remainder.
  const placed = all.filter((i) => texts[i].length > 0);
  const roots = await clusterTexts(
    deps.embedder,
    placed.map((i) => texts[i]),
    placed,
    hierarchyOptions(group, deps.seed, options),
  );
  const kept = suppressSmallClusters({ userKeys: keys, roots }, t);
  gates.clustersMergedByThreshold = kept.clustersMerged;
  gates.numbersSuppressedByThreshold = kept.clustersWithheldForRemainder;
  gates.conversationsSuppressedByThreshold = kept.belowThreshold.length;

  // Name every shown cluster, contrasted with its siblings (top level: the rest of the group).
  // Deepest clusters first, so a parent is named knowing its children's names and can avoid them.
  const jobs: { node: MemberCluster; contrastPool: number[]; depth: number }[] = [];
  const collect = (nodes: MemberCluster[], pool: readonly number[], depth: number) => {
    for (const node of nodes) {
      const inNode = new Set(node.members);
      jobs.push({ node, contrastPool: pool.filter((i) => !inNode.has(i) && texts[i].length > 0), depth });
      collect(node.children, node.members, depth + 1);
    }
  };
  collect(kept.roots, placed, 0);

  const groupSources = indexSources(texts, keys);
  const sampleSize = options.nameSampleSize ?? 500;
  const named = new Map<MemberCluster, { name: string; description: string }>();
  const maxDepth = jobs.reduce((m, j) => Math.max(m, j.depth), 0);
  for (let depth = maxDepth; depth >= 0; depth--) {
    const level = jobs.filter((j) => j.depth === depth);
    await inBatches(level, options.namingConcurrency ?? 4, async ({ node, contrastPool }) => {
      const rng = createRng(deriveSeed(deps.seed, `names:${group}:${node.key}`));
      const memberSample = sample(node.members, sampleSize, rng);
      const contrastSample = sample(contrastPool, sampleSize, rng);
      const shownConcerns = [...memberSample, ...contrastSample].map((i) => texts[i]);
      const shownUserKeys = [...memberSample, ...contrastSample].map((i) => keys[i]);
      const avoidNames = node.children.map((c) => named.get(c)?.name ?? '').filter((n) => n !== '');
      const proposal = await deps.namer.name({
        memberTexts: memberSample.map((i) => texts[i]),
        contrastTexts: contrastSample.map((i) => texts[i]),
        conversations: node.members.length,
        memberUserKeys: memberSample.map((i) => keys[i]),
        minTermUsers: t.minUsers,
        ...(avoidNames.length > 0 ? { avoidNames } : {}),
      });
      const ctx: ReleaseContext = {
        group,
        memberTexts: node.members.map((i) => texts[i]),
        memberUserKeys: node.members.map((i) => keys[i]),
        minUsers: t.minUsers,
        groupSources,
        shownConcerns,
        shownUserKeys,
        shownSources: indexSources(shownConcerns, shownUserKeys),
      };
      named.set(
        node,
        proposal
          ? await releaseClusterName(proposal, ctx, deps.auditor, gates)
          : { name: WITHHELD_NAME, description: '' },
      );
    });
  }

  const toTopic = (node: MemberCluster): TopicNode & { key: string } => {
    const size = groupSize(node.members, keys);
    const n = named.get(node)!;
    return {
      id: '',
      name: n.name,
      description: n.description,
      conversations: size.conversations,
      users: size.users,
      children: sortTopics(node.children.map(toTopic)),
      key: node.key,
    };
  };
  const topics = assignIds(sortTopics(kept.roots.map(toTopic)), 't');
  return {
    tree: {
      group,
      total: items.length,
      topics,
      belowThreshold: { conversations: kept.belowThreshold.length },
    },
    gates,
  };
}

/** The hierarchy settings clusterTopics uses (exported so evaluations cluster exactly the same way). */
export function hierarchyOptions(group: string, seed: number, options: ClusterOptions): HierarchyOptions {
  const t = options.thresholds;
  return {
    levels: options.levels ?? 2,
    seed: deriveSeed(seed, `cluster:${group}`),
    targetLeafSize: options.targetLeafSize ?? defaultTargetLeafSize(t.minConversations, t.minUsers),
    maxLeafClusters: options.maxLeafClusters ?? 400,
    branching: options.branching ?? 5,
  };
}

/**
 * Embeds and clusters texts (`texts[j]` belongs to item `items[j]`). Identical texts are embedded
 * once and clustered as one point weighted by their count: the same partition k-means would find
 * (it cannot split identical points meaningfully), at the cost of the distinct texts only, which
 * matters when summaries come from a controlled vocabulary.
 */
export async function clusterTexts(
  embedder: Embedder,
  texts: readonly string[],
  items: readonly number[],
  options: HierarchyOptions,
): Promise<MemberCluster[]> {
  const byText = new Map<string, number[]>();
  texts.forEach((t, j) => {
    const list = byText.get(t);
    if (list) list.push(items[j]);
    else byText.set(t, [items[j]]);
  });
  const unique = [...byText.keys()];
  const { vectors, dim } = await embedGroup(embedder, unique);
  return buildHierarchy(vectors, unique.length, dim, [...byText.values()], options);
}

/** Embeds a group's texts and centres them (see centreAndNormalise): n × dim, row-major. */
export async function embedGroup(
  embedder: Embedder,
  texts: string[],
): Promise<{ vectors: Float32Array; dim: number }> {
  const vectors = await embedAll(embedder, texts);
  const dim = texts.length > 0 ? vectors.length / texts.length : 0;
  centreAndNormalise(vectors, texts.length, dim);
  return { vectors, dim };
}

function validateItems(group: string, items: readonly TopicItem[]): void {
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const where = `clusterTopics(${group}): item ${i}`;
    if (typeof it?.conversationId !== 'string' || it.conversationId === '') {
      throw new Error(`${where}: conversationId must be a non-empty string`);
    }
    if (typeof it.text !== 'string')
      throw new Error(`${where} (${it.conversationId}): text must be a string`);
    if (it.userId !== undefined && typeof it.userId !== 'string') {
      throw new Error(`${where} (${it.conversationId}): userId must be a string when present`);
    }
    if (seen.has(it.conversationId))
      throw new Error(`${where}: duplicate conversationId ${it.conversationId}`);
    seen.add(it.conversationId);
  });
}

async function embedAll(embedder: Embedder, texts: string[]): Promise<Float32Array> {
  if (texts.length === 0) return new Float32Array(0);
  const vecs = await embedder.embed(texts);
  if (vecs.length !== texts.length) {
    throw new Error(`embedder ${embedder.id}: returned ${vecs.length} vectors for ${texts.length} texts`);
  }
  const dim = vecs[0].length;
  const out = new Float32Array(texts.length * dim);
  vecs.forEach((v, i) => {
    if (v.length !== dim)
      throw new Error(`embedder ${embedder.id}: vector ${i} has ${v.length} dimensions, not ${dim}`);
    out.set(v, i * dim);
  });
  return out;
}

/**
 * Subtracts the group's mean vector and re-normalises: removes the direction every concern of the
 * group shares (what makes them all "about feelings"), so k-means separates what differs.
 */
function centreAndNormalise(v: Float32Array, n: number, dim: number): void {
  if (n === 0) return;
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let d = 0; d < dim; d++) mean[d] += v[i * dim + d];
  for (let d = 0; d < dim; d++) mean[d] /= n;
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      const x = v[i * dim + d] - mean[d];
      v[i * dim + d] = x;
      norm += x * x;
    }
    if (norm > 1e-12) {
      const inv = 1 / Math.sqrt(norm);
      for (let d = 0; d < dim; d++) v[i * dim + d] *= inv;
    }
  }
}

/** Up to `k` items drawn without replacement (partial Fisher-Yates), in draw order. */
function sample(pool: readonly number[], k: number, rng: () => number): number[] {
  const a = [...pool];
  const m = Math.min(k, a.length);
  for (let i = 0; i < m; i++) {
    const j = i + Math.floor(rng() * (a.length - i));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a.slice(0, m);
}

async function inBatches<T>(jobs: T[], concurrency: number, fn: (job: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await fn(jobs[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, worker));
}

type Keyed = TopicNode & { key: string };

/** Deterministic order: size descending, then name, then the clustering's own key. */
function sortTopics(nodes: Keyed[]): Keyed[] {
  return nodes.sort(
    (a, b) =>
      b.conversations - a.conversations ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** Ids follow the sorted order ("t1", "t1.2"); the internal key does not leave. */
function assignIds(nodes: Keyed[], prefix: string): TopicNode[] {
  return nodes.map((n, i) => {
    const id = prefix === 't' ? `t${i + 1}` : `${prefix}.${i + 1}`;
    return {
      id,
      name: n.name,
      description: n.description,
      conversations: n.conversations,
      users: n.users,
      children: assignIds(n.children as Keyed[], id),
    };
  });
}
