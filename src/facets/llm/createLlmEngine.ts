/**
 * `--engine anthropic|openai|local` → a FacetEngine: the provider's typed call (src/llm) handed to
 * the shared LLM facet engine, priced from data/prices.json.
 */
import { createLlmClient, type LlmClientOptions, type LlmProviderName } from '../../llm/createClient.js';
import { costOfUsage, loadPriceTable, type PriceTable } from '../../llm/prices.js';
import { type RetryPolicy, realSleep } from '../../llm/retry.js';
import { defaultStorePaths } from '../../store/paths.js';
import { defaultDeps, type EngineOptions } from '../engine.js';
import { createLlmFacetEngine, type LlmFacetEngine } from './llmFacetEngine.js';

export type LlmEngineName = LlmProviderName;

export interface LlmEngineOptions
  extends EngineOptions,
    Omit<LlmClientOptions, 'model' | 'baseUrls' | 'batch'> {
  retry?: RetryPolicy;
  maxTranscriptChars?: number;
  batchPollIntervalMs?: number;
  /** Stop waiting for a batch after this long (a rerun collects it). Default: wait. */
  batchMaxWaitMs?: number;
  promptsDir?: string;
  /** Replaces the real sleep (tests). */
  sleep?: (ms: number) => Promise<void>;
}

export async function createLlmEngine(
  name: LlmEngineName,
  options: LlmEngineOptions = {},
): Promise<LlmFacetEngine> {
  const deps = options.deps ?? defaultDeps();
  const provider = await createLlmClient(name, options);
  // Read when the run is priced, not before: extraction alone never needs it.
  let prices: PriceTable | undefined;
  const batch = provider.batch !== undefined;
  return createLlmFacetEngine(
    {
      name,
      client: provider.client,
      batch: provider.batch,
      splitFacets: options.splitFacets,
      concurrency: provider.concurrency ?? options.concurrency,
      requestsPerMinute: options.requestsPerMinute,
      tokensPerMinute: options.tokensPerMinute,
      retry: options.retry,
      maxTranscriptChars: options.maxTranscriptChars,
      promptsDir: options.promptsDir,
      concernLanguage: options.concernLanguage,
      stateDir: options.stateDir ?? (batch ? defaultStorePaths().state : undefined),
      batchPollIntervalMs: options.batchPollIntervalMs,
      batchMaxWaitMs: options.batchMaxWaitMs,
      parameters: provider.parameters,
      costOf: (usage) => {
        prices ??= loadPriceTable();
        return costOfUsage(prices, name, provider.client.model, usage, batch);
      },
    },
    { now: deps.now, seed: deps.seed, log: deps.log, sleep: options.sleep ?? realSleep },
  );
}
