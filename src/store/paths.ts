/**
 * Where a run store keeps what: the one home of these paths. The store holds per-conversation results
 * and other sensitive state, so it lives outside the report folder (default `.affectlens/store` in the
 * working directory).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

export interface StorePaths {
  dir: string;
  /** Per-conversation facet results (append-only JSONL). */
  results: string;
  /** Cached topic embeddings. */
  embeddings: string;
  /** Cluster names and privacy-audit ratings paid for (append-only JSONL), so a rerun reuses them. */
  clusterNames: string;
  /** Engine state that must survive a restart (batch submissions). */
  state: string;
}

export function storePaths(dir: string): StorePaths {
  return {
    dir,
    results: join(dir, 'results.jsonl'),
    embeddings: join(dir, 'embeddings.bin'),
    clusterNames: join(dir, 'cluster-names.jsonl'),
    state: join(dir, 'state'),
  };
}

export const DEFAULT_STORE_DIR = join('.affectlens', 'store');

/** The store in the current working directory. */
export function defaultStorePaths(): StorePaths {
  return storePaths(join(process.cwd(), DEFAULT_STORE_DIR));
}

/**
 * The store a run uses: the folder asked for; else the default one when the engine's answers are
 * worth storing (they cost model calls); else none (recomputing is cheaper than reading back).
 */
export function storeFor(engine: { storesResults: boolean }, dir?: string): StorePaths | null {
  if (dir !== undefined) return storePaths(dir);
  return engine.storesResults ? defaultStorePaths() : null;
}

/**
 * Deletes the per-conversation results, the cached embeddings of their summaries and the cluster
 * names as the namer proposed them, before the privacy gates (all sensitive).
 */
export function purgeStore(paths: StorePaths): void {
  rmSync(paths.results, { force: true });
  rmSync(paths.embeddings, { force: true });
  rmSync(paths.clusterNames, { force: true });
}
