/**
 * The topic hierarchy, Clio-style: base clusters by k-means on the concern embeddings, then each
 * higher level by (size-weighted) k-means on the centroids of the level below.
 *
 * How k is chosen (documented rule):
 *   base k   = clamp(round(n / targetLeafSize), 1, maxLeafClusters)
 *   level k  = round(k below / branching), a level is only added when that gives ≥ 2 clusters
 *   targetLeafSize = max(20, 3 × minConversations, 3 × minUsers) by default
 * so a typical base cluster holds about three times the minimum the thresholds ask for, and most
 * base clusters survive layer 2 instead of being merged away. With the default thresholds
 * (10 conversations) base clusters average 30 conversations, and a 2-level tree appears from about
 * 225 concerns on (branching 5).
 */
import type { MemberCluster } from '../privacy/clusterSuppression.js';
import { deriveSeed } from '../util/random.js';
import { kmeans } from './kmeans.js';

export interface HierarchyOptions {
  levels: 2 | 3;
  seed: number;
  targetLeafSize: number;
  maxLeafClusters: number;
  branching: number;
  maxIter?: number;
}

export function chooseLeafK(n: number, targetLeafSize: number, maxLeafClusters: number): number {
  if (n <= 0) return 0;
  return Math.max(1, Math.min(maxLeafClusters, Math.round(n / targetLeafSize)));
}

export function defaultTargetLeafSize(minConversations: number, minUsers: number): number {
  return Math.max(20, 3 * minConversations, 3 * minUsers);
}

/**
 * Clusters `n` unit vectors into a tree of up to `levels` levels; vector i stands for the items
 * `members[i]` (identical texts share one vector, weighted by how many items it stands for).
 * Children partition their parent; members are ascending item indices.
 */
export function buildHierarchy(
  vectors: Float32Array,
  n: number,
  dim: number,
  members: readonly (readonly number[])[],
  options: HierarchyOptions,
): MemberCluster[] {
  if (n === 0) return [];
  const maxIter = options.maxIter ?? 100;
  const items = members.reduce((sum, m) => sum + m.length, 0);
  const k = chooseLeafK(items, options.targetLeafSize, options.maxLeafClusters);
  const weights = Float32Array.from(members, (m) => m.length);
  const base = kmeans(vectors, n, dim, k, {
    seed: deriveSeed(options.seed, 'kmeans:level0'),
    maxIter,
    weights,
  });

  // Base clusters, skipping empty ones (possible only with duplicate vectors).
  const buckets: number[][] = Array.from({ length: base.k }, () => []);
  for (let i = 0; i < n; i++) buckets[base.assignments[i]].push(...members[i]);
  let level: { node: MemberCluster; centroid: Float32Array }[] = [];
  buckets.forEach((members, c) => {
    if (members.length === 0) return;
    members.sort((a, b) => a - b);
    level.push({
      node: { key: `L0.${c}`, members, children: [] },
      centroid: base.centroids.slice(c * dim, c * dim + dim),
    });
  });

  for (let depth = 1; depth < options.levels; depth++) {
    const upperK = Math.round(level.length / options.branching);
    if (upperK < 2 || upperK >= level.length) break;
    const data = new Float32Array(level.length * dim);
    const weights = new Float32Array(level.length);
    level.forEach((l, j) => {
      data.set(l.centroid, j * dim);
      weights[j] = l.node.members.length;
    });
    const up = kmeans(data, level.length, dim, upperK, {
      seed: deriveSeed(options.seed, `kmeans:level${depth}`),
      maxIter,
      weights,
    });
    const groups: number[][] = Array.from({ length: up.k }, () => []);
    for (let j = 0; j < level.length; j++) groups[up.assignments[j]].push(j);
    const next: typeof level = [];
    groups.forEach((js, c) => {
      if (js.length === 0) return;
      const children = js.map((j) => level[j].node);
      const members = children.flatMap((ch) => ch.members).sort((a, b) => a - b);
      next.push({
        node: { key: `L${depth}.${c}`, members, children },
        centroid: up.centroids.slice(c * dim, c * dim + dim),
      });
    });
    level = next;
  }
  return level.map((l) => l.node);
}
