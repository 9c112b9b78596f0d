/**
 * Engine factory: the one place that turns `--engine NAME` into a FacetEngine. LLM engines are
 * imported lazily so the offline path never loads an SDK.
 */
import type { EngineName, EngineOptions, FacetEngine } from './engine.js';

export type { EngineOptions };

export async function createEngine(name: EngineName, options: EngineOptions = {}): Promise<FacetEngine> {
  if (name === 'offline') {
    if (options.workers && options.workers > 0) {
      const { createOfflineEnginePool } = await import('./offline/pool.js');
      return createOfflineEnginePool(options.workers);
    }
    const { createOfflineEngine } = await import('./offline/offlineEngine.js');
    return createOfflineEngine();
  }
  const { createLlmEngine } = await import('./llm/createLlmEngine.js');
  return createLlmEngine(name, options);
}
