/**
 * `--engine anthropic|openai|local` → the provider's typed call (and, with `--batch`, its batch API):
 * reads the model, base URLs and key (keys only from the environment, never logged or stored).
 */
import type { BatchProvider } from './batch.js';
import { type LlmClient, LlmConfigError } from './client.js';
import { AnthropicBatchProvider, AnthropicClient, DEFAULT_ANTHROPIC_MODEL } from './providers/anthropic.js';
import { createLocalClient, type LlamaImporter } from './providers/local.js';
import { DEFAULT_OPENAI_MODEL, OpenAiBatchProvider, OpenAiClient } from './providers/openai.js';

export const LLM_PROVIDERS = ['anthropic', 'openai', 'local'] as const;
export type LlmProviderName = (typeof LLM_PROVIDERS)[number];

export interface LlmClientOptions {
  /** Model name (anthropic, openai) or GGUF path (local). */
  model?: string;
  /** One or more base URLs (round-robin for self-hosted fleets). */
  baseUrls?: string[];
  /** Use the provider's batch API (half price, slower). */
  batch?: boolean;
  /** Per-request timeout (default 120 s; local: none). */
  timeoutMs?: number;
  /** Local: CPU threads llama.cpp computes with (default: its own choice, all cores). */
  threads?: number;
  /** Where keys, model and base URLs are read from (default process.env). */
  env?: Record<string, string | undefined>;
  /** Replaces `import('node-llama-cpp')` (tests simulate a missing package). */
  llamaImporter?: LlamaImporter;
}

export interface ProviderSetup {
  client: LlmClient;
  batch?: BatchProvider;
  /** Answer-changing settings the provider is called with (temperature…): part of the cache key. */
  parameters: Record<string, unknown>;
  /** A concurrency the provider imposes (local: one call at a time). */
  concurrency?: number;
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

export async function createLlmClient(
  name: LlmProviderName,
  options: LlmClientOptions = {},
): Promise<ProviderSetup> {
  const env = options.env ?? process.env;
  const model = options.model ?? env.AFFECTLENS_MODEL;

  if (name === 'anthropic') {
    const baseUrls = options.baseUrls ?? splitUrls(env.ANTHROPIC_BASE_URL);
    const client = new AnthropicClient({
      apiKey: requireKey(env, 'ANTHROPIC_API_KEY'),
      model: model ?? DEFAULT_ANTHROPIC_MODEL,
      baseUrl: baseUrls?.[0],
      timeoutMs: options.timeoutMs,
    });
    return { client, batch: options.batch ? new AnthropicBatchProvider(client) : undefined, parameters: {} };
  }
  if (name === 'openai') {
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
    const client = new OpenAiClient({
      apiKey,
      model: model ?? DEFAULT_OPENAI_MODEL,
      baseUrls,
      timeoutMs: options.timeoutMs,
    });
    return {
      client,
      batch: options.batch ? new OpenAiBatchProvider(client) : undefined,
      parameters: { temperature: 0 },
    };
  }
  if (name === 'local') {
    if (options.batch) throw new LlmConfigError('--batch is for the anthropic and openai engines, not local');
    const client = await createLocalClient({
      modelPath: model ?? '',
      importer: options.llamaImporter,
      threads: options.threads,
    });
    return { client, parameters: { temperature: 0 }, concurrency: 1 };
  }
  throw new LlmConfigError(`unknown LLM engine ${String(name)}; choose anthropic, openai or local`);
}
