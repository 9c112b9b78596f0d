/**
 * `--engine anthropic|openai|local` → a FacetEngine: reads the model, base URLs and key (keys only
 * from the environment, never logged or stored), builds the provider's typed call and hands it to
 * the shared facet engine.
 */
import { join } from 'node:path';
import { defaultDeps } from '../engine.js';
import type { EngineOptions } from '../engines.js';
import { AnthropicBatchProvider, AnthropicClient, DEFAULT_ANTHROPIC_MODEL } from './anthropic.js';
import type { BatchProvider } from './batch.js';
import { type LlmClient, LlmConfigError } from './client.js';
import { createLlmFacetEngine, type LlmFacetEngine } from './facetEngine.js';
import { createLocalClient, type LlamaImporter } from './local.js';
import { DEFAULT_OPENAI_MODEL, OpenAiBatchProvider, OpenAiClient } from './openai.js';
import type { RetryPolicy } from './retry.js';
import { realSleep } from './retry.js';

export type LlmEngineName = 'anthropic' | 'openai' | 'local';

export interface LlmEngineOptions extends EngineOptions {
  /** Per-request timeout (default 120 s; local: none). */
  timeoutMs?: number;
  retry?: RetryPolicy;
  maxTranscriptChars?: number;
  batchPollIntervalMs?: number;
  /** Stop waiting for a batch after this long (a rerun collects it). Default: wait. */
  batchMaxWaitMs?: number;
  promptsDir?: string;
  /** Where keys, model and base URLs are read from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Replaces the real sleep (tests). */
  sleep?: (ms: number) => Promise<void>;
  /** Replaces `import('node-llama-cpp')` (tests simulate a missing package). */
  llamaImporter?: LlamaImporter;
}

function splitUrls(s: string | undefined): string[] | undefined {
  const list = s
    ?.split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  return list && list.length > 0 ? list : undefined;
}

function requireKey(env: Record<string, string | undefined>, variable: string): string {
  const key = env[variable]?.trim();
  if (!key) throw new LlmConfigError(`set ${variable} in the environment (keys are read only from there)`);
  return key;
}

export async function createLlmEngine(
  name: LlmEngineName,
  options: LlmEngineOptions = {},
): Promise<LlmFacetEngine> {
  const env = options.env ?? process.env;
  const deps = options.deps ?? defaultDeps();
  const model = options.model ?? env.AFFECTLENS_MODEL;
  let client: LlmClient;
  let batch: BatchProvider | undefined;
  let parameters: Record<string, unknown> = {};
  let concurrency = options.concurrency;

  if (name === 'anthropic') {
    const baseUrls = options.baseUrls ?? splitUrls(env.ANTHROPIC_BASE_URL);
    const c = new AnthropicClient({
      apiKey: requireKey(env, 'ANTHROPIC_API_KEY'),
      model: model ?? DEFAULT_ANTHROPIC_MODEL,
      baseUrl: baseUrls?.[0],
      timeoutMs: options.timeoutMs,
    });
    client = c;
    if (options.batch) batch = new AnthropicBatchProvider(c);
  } else if (name === 'openai') {
    const baseUrls = options.baseUrls ?? splitUrls(env.OPENAI_BASE_URL);
    const selfHosted = baseUrls?.every((u) => !/(^|\.)openai\.com/i.test(new URL(u).hostname)) === true;
    // vLLM, Ollama, llama.cpp and LM Studio usually need no key; OpenAI itself does.
    const apiKey = selfHosted
      ? env.OPENAI_API_KEY?.trim() || 'not-needed'
      : requireKey(env, 'OPENAI_API_KEY');
    if (selfHosted && !model)
      throw new LlmConfigError(
        'name the served model with --model or AFFECTLENS_MODEL (e.g. --model llama3.1:8b)',
      );
    const c = new OpenAiClient({
      apiKey,
      model: model ?? DEFAULT_OPENAI_MODEL,
      baseUrls,
      timeoutMs: options.timeoutMs,
    });
    client = c;
    parameters = { temperature: 0 };
    if (options.batch) batch = new OpenAiBatchProvider(c);
  } else if (name === 'local') {
    if (options.batch) throw new LlmConfigError('--batch is for the anthropic and openai engines, not local');
    client = await createLocalClient({
      modelPath: model ?? '',
      importer: options.llamaImporter,
      threads: options.threads,
    });
    parameters = { temperature: 0 };
    concurrency = 1;
  } else {
    throw new LlmConfigError(`unknown LLM engine ${String(name)}; choose anthropic, openai or local`);
  }

  return createLlmFacetEngine(
    {
      name,
      client,
      batch,
      splitFacets: options.splitFacets,
      concurrency,
      requestsPerMinute: options.requestsPerMinute,
      tokensPerMinute: options.tokensPerMinute,
      retry: options.retry,
      maxTranscriptChars: options.maxTranscriptChars,
      promptsDir: options.promptsDir,
      stateDir: options.stateDir ?? (batch ? join(process.cwd(), '.affectlens', 'state') : undefined),
      batchPollIntervalMs: options.batchPollIntervalMs,
      batchMaxWaitMs: options.batchMaxWaitMs,
      parameters,
    },
    { now: deps.now, seed: deps.seed, log: deps.log, sleep: options.sleep ?? realSleep },
  );
}
