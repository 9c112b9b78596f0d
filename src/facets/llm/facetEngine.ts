/**
 * The facet logic shared by every LLM provider: prompt → call → check the answer against the
 * schema (and the sentiment length against the conversation) → one repair attempt → else a
 * per-conversation `status: error`. Providers only supply the one typed call (LlmClient) and,
 * for `--batch`, a BatchProvider; limits, retries and resume live here, once.
 */
import { type Conversation, humanMessageCount } from '../../conversation/model.js';
import { resultKey } from '../../store/key.js';
import type { EngineName, FacetEngine, FacetResult } from '../engine.js';
import { errorFacets, type Facets, type Usage } from '../schema.js';
import { type PartialFacets, type QuestionId, SPLIT_QUESTIONS, validateAnswer } from './answers.js';
import { type BatchItem, type BatchProvider, runBatches } from './batch.js';
import {
  InvalidAnswerError,
  type JsonRequest,
  type JsonResponse,
  type LlmClient,
  LlmConfigError,
} from './client.js';
import {
  buildRequest,
  DEFAULT_MAX_TRANSCRIPT_CHARS,
  loadPrompt,
  type PromptFile,
  promptSetIdentity,
  repairRequest,
} from './prompts.js';
import { type Clock, mapWithConcurrency, RateLimiter, type RateLimits } from './rateLimit.js';
import {
  classifyError,
  DEFAULT_RETRY_POLICY,
  defaultRetryDeps,
  type RetryDeps,
  type RetryPolicy,
  withRetries,
} from './retry.js';

export interface LlmFacetEngineConfig extends RateLimits {
  name: Exclude<EngineName, 'offline'>;
  client: LlmClient;
  /** Set with `--batch`: answers come from the provider's batch API, leftovers synchronously. */
  batch?: BatchProvider;
  splitFacets?: boolean;
  /** Requests in flight (default 8). */
  concurrency?: number;
  retry?: RetryPolicy;
  maxTranscriptChars?: number;
  promptsDir?: string;
  /** Where batch ids survive a restart (required with `batch`). */
  stateDir?: string;
  batchPollIntervalMs?: number;
  batchMaxWaitMs?: number;
  /** Extra answer-changing settings (temperature...), recorded in the cache key. */
  parameters?: Record<string, unknown>;
}

export interface LlmFacetEngineDeps {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  seed: number;
  log: (line: string) => void;
}

export interface LlmEngineStats {
  /** Calls sent to the provider (each retry counts). */
  calls: number;
  retries: number;
  /** Answers that failed the schema and were asked once more. */
  repairs: number;
  /** Conversations that ended with status error. */
  errors: number;
  /** Requests answered through the batch API. */
  batched: number;
  usage: Required<Usage>;
}

export interface LlmFacetEngine extends FacetEngine {
  readonly stats: LlmEngineStats;
  /** The provider call, reused by the topic stage to name clusters and audit the names. */
  readonly client: LlmClient;
}

type Answer =
  | { ok: true; facets: PartialFacets; usage: Usage }
  /** `repairable`: the model answered, but badly (not a transport failure that used up its retries). */
  | { ok: false; reason: string; usage: Usage; repairable: boolean };

export function createLlmFacetEngine(config: LlmFacetEngineConfig, deps: LlmFacetEngineDeps): LlmFacetEngine {
  const split = config.splitFacets ?? false;
  const questions: readonly QuestionId[] = split ? SPLIT_QUESTIONS : ['all'];
  const prompts = new Map<QuestionId, PromptFile>(
    questions.map((q) => [q, loadPrompt(q, config.promptsDir)]),
  );
  const identity = promptSetIdentity([...prompts.values()]);
  const maxTranscriptChars = config.maxTranscriptChars ?? DEFAULT_MAX_TRANSCRIPT_CHARS;
  const concurrency = Math.max(1, config.concurrency ?? 8);
  const policy = config.retry ?? DEFAULT_RETRY_POLICY;
  const clock: Clock = { now: deps.now, sleep: deps.sleep };
  const limiter = new RateLimiter(config, clock);
  const retryDeps: RetryDeps = { ...defaultRetryDeps(deps.seed), now: deps.now, sleep: deps.sleep };
  if (config.batch && !config.stateDir)
    throw new Error('--batch needs a state folder to resume batches from');

  const stats: LlmEngineStats = {
    calls: 0,
    retries: 0,
    repairs: 0,
    errors: 0,
    batched: 0,
    usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 },
  };
  const parameters = {
    splitFacets: split,
    maxTranscriptChars,
    promptHash: identity.hash,
    ...config.parameters,
  };
  let fatal: LlmConfigError | undefined;

  const retrying = <T>(fn: () => Promise<T>): Promise<T> =>
    withRetries(fn, policy, retryDeps, {
      onRetry: () => {
        stats.retries++;
      },
    });

  /** One provider call under the limits and the retry policy. */
  async function call(req: JsonRequest): Promise<JsonResponse> {
    const estimate = Math.ceil((req.system.length + req.user.length) / 4) + req.maxOutputTokens;
    return retrying(async () => {
      if (fatal) throw fatal;
      await limiter.acquire(estimate);
      stats.calls++;
      const r = await config.client.completeJson(req);
      limiter.settle(estimate, r.usage.inputTokens + r.usage.outputTokens);
      return r;
    });
  }

  function addUsage(a: Usage, b: Usage): Usage {
    return {
      inputTokens: a.inputTokens + b.inputTokens,
      outputTokens: a.outputTokens + b.outputTokens,
      cacheReadTokens: (a.cacheReadTokens ?? 0) + (b.cacheReadTokens ?? 0),
      cacheWriteTokens: (a.cacheWriteTokens ?? 0) + (b.cacheWriteTokens ?? 0),
    };
  }
  const zero = (): Usage => ({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 });

  /** Turns a call's outcome into an answer or a reason; a configuration failure stops the run. */
  function judge(q: QuestionId, outcome: JsonResponse | unknown, n: number): Answer {
    if (outcome instanceof Error || !(outcome && typeof outcome === 'object' && 'value' in outcome)) {
      const c = classifyError(outcome, deps.now);
      if (c.kind === 'config') {
        fatal ??= outcome instanceof LlmConfigError ? outcome : new LlmConfigError(c.reason);
        throw fatal;
      }
      const invalid = outcome instanceof InvalidAnswerError;
      return { ok: false, reason: c.reason, usage: invalid ? outcome.usage : zero(), repairable: invalid };
    }
    const resp = outcome as JsonResponse;
    const v = validateAnswer(q, resp.value, n);
    return v.ok
      ? { ok: true, facets: v.facets, usage: resp.usage }
      : { ok: false, reason: v.reason, usage: resp.usage, repairable: true };
  }

  async function settled(req: JsonRequest): Promise<JsonResponse | unknown> {
    try {
      return await call(req);
    } catch (err) {
      return err;
    }
  }

  async function ask(
    q: QuestionId,
    conv: Conversation,
    n: number,
    prefetched: JsonResponse | Error | undefined,
  ): Promise<Answer> {
    const req = buildRequest(q, prompts.get(q)!, conv, { maxTranscriptChars });
    // A batch item that failed in transit (not a bad answer) is simply asked again, synchronously.
    const usable =
      prefetched !== undefined &&
      (!(prefetched instanceof Error) || prefetched instanceof InvalidAnswerError);
    const first = judge(q, usable ? prefetched : await settled(req), n);
    // Only a bad answer (wrong shape, wrong sentiment length, not JSON) earns the repair attempt.
    if (first.ok || !first.repairable) return first;
    stats.repairs++;
    const second = judge(q, await settled(repairRequest(req, first.reason)), n);
    const usage = addUsage(first.usage, second.usage);
    if (second.ok) return { ...second, usage };
    return {
      ok: false,
      reason: `invalid answer after one repair: ${second.reason}`,
      usage,
      repairable: false,
    };
  }

  async function answerConversation(
    conv: Conversation,
    prefetched: Map<string, JsonResponse | Error> | undefined,
    key: string,
  ): Promise<FacetResult> {
    const n = humanMessageCount(conv);
    if (n === 0) {
      const facets: Facets = {
        ...errorFacets(0, ''),
        status: { kind: 'insufficientInput', reason: 'no user messages' },
      };
      return { facets, usage: zero() };
    }
    let usage = zero();
    const parts: PartialFacets = {};
    for (const [qi, q] of questions.entries()) {
      const a = await ask(q, conv, n, prefetched?.get(customId(key, qi)));
      usage = addUsage(usage, a.usage);
      if (!a.ok) {
        stats.errors++;
        return { facets: errorFacets(n, split ? `${q}: ${a.reason}` : a.reason), usage };
      }
      Object.assign(parts, a.facets);
    }
    const facets: Facets = {
      contentCreation: parts.contentCreation ?? false,
      categories: parts.categories ?? [],
      pushback: parts.pushback ?? false,
      pushbackReason: parts.pushbackReason ?? null,
      sentiment: parts.sentiment ?? [],
      concern: parts.concern ?? '',
      language: parts.language ?? 'und',
      humanMessages: n,
      status: { kind: 'ok' },
    };
    return { facets, usage };
  }

  const engine: LlmFacetEngine = {
    name: config.name,
    model: config.client.model,
    promptVersion: identity.version,
    parameters,
    stats,
    client: config.client,
    async extractFacets(conversations) {
      const keyParts = {
        engine: config.name,
        model: config.client.model,
        promptVersion: identity.version,
        parameters,
      };
      const keys = conversations.map((c) => resultKey(c, keyParts));
      let prefetched: Map<string, JsonResponse | Error> | undefined;
      if (config.batch) {
        const items: BatchItem[] = [];
        conversations.forEach((conv, i) => {
          if (humanMessageCount(conv) === 0) return;
          questions.forEach((q, qi) => {
            items.push({
              customId: customId(keys[i], qi),
              request: buildRequest(q, prompts.get(q)!, conv, { maxTranscriptChars }),
            });
          });
        });
        prefetched = await runBatches(
          items,
          config.batch,
          {
            stateDir: config.stateDir!,
            pollIntervalMs: config.batchPollIntervalMs ?? 30_000,
            maxWaitMs: config.batchMaxWaitMs ?? Number.POSITIVE_INFINITY,
          },
          { now: deps.now, sleep: deps.sleep, log: deps.log, retrying },
        );
        for (const v of prefetched.values())
          if (!(v instanceof Error) || v instanceof InvalidAnswerError) stats.batched++;
      }
      const before = { errors: stats.errors, retries: stats.retries, repairs: stats.repairs };
      const results = await mapWithConcurrency(conversations, concurrency, (conv, i) => {
        if (fatal) throw fatal;
        return answerConversation(conv, prefetched, keys[i]);
      });
      for (const r of results) {
        const u = r.usage;
        stats.usage.inputTokens += u.inputTokens;
        stats.usage.outputTokens += u.outputTokens;
        stats.usage.cacheReadTokens += u.cacheReadTokens ?? 0;
        stats.usage.cacheWriteTokens += u.cacheWriteTokens ?? 0;
      }
      const errors = stats.errors - before.errors;
      if (errors > 0 || stats.retries > before.retries)
        deps.log(
          `${config.name}: ${conversations.length} conversations, ${errors} error(s), ` +
            `${stats.retries - before.retries} retried call(s), ${stats.repairs - before.repairs} repair(s)`,
        );
      return results;
    },
    async close() {
      await config.client.close?.();
    },
  };
  return engine;
}

/** Provider custom ids allow [a-zA-Z0-9_-]{1,64}: 56 hex characters of the result key and the question. */
export function customId(key: string, questionIndex: number): string {
  return `${key.slice(0, 56)}_q${questionIndex}`;
}
