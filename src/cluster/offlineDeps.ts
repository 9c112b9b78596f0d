/** The offline cluster dependencies: no network, no download, deterministic for a seed. */
import { createOfflineAuditor } from '../privacy/audit.js';
import type { ClusterDeps } from './clusterTopics.js';
import { createOfflineEmbedder } from './offlineEmbedder.js';
import { createOfflineNamer } from './offlineNamer.js';

export function createOfflineClusterDeps(seed: number): ClusterDeps {
  return {
    embedder: createOfflineEmbedder({ dim: 256, seed }),
    namer: createOfflineNamer(),
    auditor: createOfflineAuditor(),
    seed,
  };
}
