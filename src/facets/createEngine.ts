/**
 * Engine factory: the one place that turns `--engine NAME` into a FacetEngine. LLM engines are
 * imported lazily so the offline path never loads an SDK.
 */
import type { Deps, EngineName, FacetEngine } from './engine.js';

export interface EngineOptions {
  /** Model name (LLM engines) or GGUF path (local). */
  model?: string;
  /** One or more base URLs (round-robin for self-hosted fleets). */
  baseUrls?: string[];
  /** Use the provider's batch API (half price, slower). */
  batch?: boolean;
  /** Ask one question per call instead of all facets in one call (as Clio does). */
  splitFacets?: boolean;
  concurrency?: number;
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /** Folder for engine state that must survive a restart (batch ids). */
  stateDir?: string;
  /** Local engine: CPU threads llama.cpp computes with (default: its own choice, all cores). */
  threads?: number;
  /** Offline engine: worker threads to spread facet extraction over (0 = in the main thread). */
  workers?: number;
  deps?: Deps;
}

export async function createEngine(name: EngineName, options: EngineOptions = {}): Promise<FacetEngine> {
  if (name === 'offline') {
    if (options.workers && options.workers > 0) {
      const { createOfflineEnginePool } = await import('./offline/pool.js');
      return createOfflineEnginePool(options.workers);
    }
    const { createOfflineEngine } = await import('./offline/engine.js');
    return createOfflineEngine();
  }
  const { createLlmEngine } = await import('./llm/createLlmEngine.js');
  return createLlmEngine(name, options);
}
