/**
 * The facet logic shared by every LLM provider: prompt → call → check the answer against the
 * schema (and the sentiment length against the conversation) → one repair attempt → else a
 * per-conversation `status: error`. Providers only supply the one typed call (LlmClient) and,
 * for `--batch`, a BatchProvider; limits, retries and resume live here, once.
 */
import { type Conversation, humanMessageCount } from '../../conversation/model.js';
import { ask, requestFor } from '../../llm/ask.js';
import { type BatchItem, type BatchProvider, runBatches } from '../../llm/batch.js';
import {
  InvalidAnswerError,
  type JsonRequest,
  type JsonResponse,
  type LlmClient,
  LlmConfigError,
} from '../../llm/client.js';
import { type Clock, mapWithConcurrency, RateLimiter, type RateLimits } from '../../llm/rateLimit.js';
import {
  classifyError,
  DEFAULT_RETRY_POLICY,
  defaultRetryDeps,
  type RetryDeps,
  type RetryPolicy,
  withRetries,
} from '../../llm/retry.js';
import { addUsage, sumUsage, type Usage, zeroUsage } from '../../llm/usage.js';
import { DEFAULT_CONCERN_LANGUAGE } from '../../prompts/language.js';
import { promptSetIdentity } from '../../prompts/load.js';
import type { EngineName, FacetEngine, FacetResult } from '../engine.js';
import { resultKey } from '../resultKey.js';
import { errorFacets, type Facets } from '../schema.js';
import {
  answerFlaws,
  answerProblem,
  type PartialFacets,
  type QuestionId,
  repairableProblem,
  SPLIT_QUESTIONS,
  toPartialFacets,
} from './answers.js';
import { llmEvidence } from './llmEvidence.js';
import { DEFAULT_MAX_TRANSCRIPT_CHARS, facetQuestion, loadFacetPrompt } from './request.js';

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
  /** ISO 639 code of the language concerns are written in (the report's; default English). */
  concernLanguage?: string;
  /** Where batch ids survive a restart (required with `batch`). */
  stateDir?: string;
  batchPollIntervalMs?: number;
  batchMaxWaitMs?: number;
  /** Extra answer-changing settings (temperature...), recorded in the cache key. */
  parameters?: Record<string, unknown>;
  /** Prices a usage (from data/prices.json); unknown prices when absent. */
  costOf?: (usage: Usage) => number | null;
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
  /** Answers kept with a concern over 15 words after the repair, cut to 15. */
  concernsCut: number;
  /** Answers kept with pushback but no reason after the repair (reason null: "unspecified"). */
  reasonsMissing: number;
  /** Answers that said crisis but never named its kind after the repair. */
  crisisKindsMissing: number;
  /** Requests answered through the batch API. */
  batched: number;
  usage: Required<Usage>;
}

export interface LlmFacetEngine extends FacetEngine {
  readonly stats: LlmEngineStats;
  /** The provider call, reused by the topic stage to name clusters and audit the names. */
  readonly client: LlmClient;
}

type Answer = { ok: true; facets: PartialFacets; usage: Usage } | { ok: false; reason: string; usage: Usage };

/** What one extractFacets call did, counted by that call alone (calls overlap under concurrency). */
interface CallTally {
  errors: number;
  retries: number;
  repairs: number;
  concernsCut: number;
  reasonsMissing: number;
  crisisKindsMissing: number;
}
const newTally = (): CallTally => ({
  errors: 0,
  retries: 0,
  repairs: 0,
  concernsCut: 0,
  reasonsMissing: 0,
  crisisKindsMissing: 0,
});

export function createLlmFacetEngine(config: LlmFacetEngineConfig, deps: LlmFacetEngineDeps): LlmFacetEngine {
  const split = config.splitFacets ?? false;
  const questions: readonly QuestionId[] = split ? SPLIT_QUESTIONS : ['all'];
  const concernLanguage = config.concernLanguage ?? DEFAULT_CONCERN_LANGUAGE;
  const prompts = new Map(questions.map((q) => [q, loadFacetPrompt(q, config.promptsDir, concernLanguage)]));
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
    concernsCut: 0,
    reasonsMissing: 0,
    crisisKindsMissing: 0,
    batched: 0,
    usage: zeroUsage(),
  };
  const parameters = {
    splitFacets: split,
    maxTranscriptChars,
    promptHash: identity.hash,
    ...config.parameters,
  };
  let fatal: LlmConfigError | undefined;

  const retrying =
    (tally: CallTally) =>
    <T>(fn: () => Promise<T>): Promise<T> =>
      withRetries(fn, policy, retryDeps, {
        onRetry: () => {
          stats.retries++;
          tally.retries++;
        },
      });

  /** One provider call under the limits and the retry policy. */
  async function call(req: JsonRequest, tally: CallTally): Promise<JsonResponse> {
    const estimate = Math.ceil((req.system.length + req.user.length) / 4) + req.maxOutputTokens;
    return retrying(tally)(async () => {
      if (fatal) throw fatal;
      await limiter.acquire(estimate);
      stats.calls++;
      const r = await config.client.completeJson(req);
      limiter.settle(estimate, r.usage.inputTokens + r.usage.outputTokens);
      return r;
    });
  }

  /**
   * One facet question about one conversation through the shared `ask` (one repair attempt for an
   * unusable answer). A configuration failure stops the run; any other failure fails this conversation.
   */
  async function askQuestion(
    q: QuestionId,
    conv: Conversation,
    n: number,
    prefetched: JsonResponse | Error | undefined,
    tally: CallTally,
  ): Promise<Answer> {
    // A batch item that failed in transit (not a bad answer) is simply asked again, synchronously.
    const first =
      prefetched instanceof InvalidAnswerError || !(prefetched instanceof Error) ? prefetched : undefined;
    const question = facetQuestion(q, prompts.get(q)!, conv, { maxTranscriptChars });
    const a = await ask((req) => call(req, tally), question, {
      first,
      // A wrong-length sentiment list is never usable; an over-long concern or a missing pushback
      // reason is asked to be fixed once, and after that kept, mended and counted (answers.ts).
      check: (answer, last) => answerProblem(answer, n) ?? (last ? null : repairableProblem(answer)),
      onRepair: () => {
        stats.repairs++;
        tally.repairs++;
      },
    });
    if (a.ok) {
      const flaws = answerFlaws(a.value);
      if (flaws.concernCut) {
        stats.concernsCut++;
        tally.concernsCut++;
      }
      if (flaws.reasonMissing) {
        stats.reasonsMissing++;
        tally.reasonsMissing++;
      }
      if (flaws.crisisKindMissing) {
        stats.crisisKindsMissing++;
        tally.crisisKindsMissing++;
      }
      return { ok: true, facets: toPartialFacets(a.value), usage: a.usage };
    }
    if (a.failure === 'transport') {
      const c = classifyError(a.error, deps.now);
      if (c.kind === 'config') {
        fatal ??= a.error instanceof LlmConfigError ? a.error : new LlmConfigError(c.reason);
        throw fatal;
      }
      return { ok: false, reason: c.reason, usage: a.usage };
    }
    const reason = a.attempts > 1 ? `invalid answer after one repair: ${a.problem}` : a.problem;
    return { ok: false, reason, usage: a.usage };
  }

  async function answerConversation(
    conv: Conversation,
    prefetched: Map<string, JsonResponse | Error> | undefined,
    key: string,
    tally: CallTally,
  ): Promise<FacetResult> {
    const n = humanMessageCount(conv);
    if (n === 0) {
      const facets: Facets = {
        ...errorFacets(0, ''),
        status: { kind: 'insufficientInput', reason: 'no user messages' },
      };
      return { facets, usage: zeroUsage() };
    }
    let usage: Usage = zeroUsage();
    const parts: PartialFacets = {};
    for (const [qi, q] of questions.entries()) {
      const a = await askQuestion(q, conv, n, prefetched?.get(customId(key, qi)), tally);
      usage = sumUsage(usage, a.usage);
      if (!a.ok) {
        stats.errors++;
        tally.errors++;
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
      ...(parts.support ? { support: parts.support } : {}),
    };
    return { facets, usage };
  }

  const engine: LlmFacetEngine = {
    name: config.name,
    model: config.client.model,
    promptVersion: identity.version,
    parameters,
    batchSize: 64,
    storesResults: true,
    llm: config.client,
    costOf: config.costOf ?? (() => null),
    evidence: (_conversation, facets) => llmEvidence(facets, identity, split),
    stats,
    client: config.client,
    async extractFacets(conversations, onResult) {
      const keys = conversations.map((c) => resultKey(c, engine));
      // This call's own counts: several calls run at once, so differences of the shared stats
      // would mix in the other calls' errors ("36 conversations, 70 errors").
      const tally = newTally();
      let prefetched: Map<string, JsonResponse | Error> | undefined;
      if (config.batch) {
        const items: BatchItem[] = [];
        conversations.forEach((conv, i) => {
          if (humanMessageCount(conv) === 0) return;
          questions.forEach((q, qi) => {
            items.push({
              customId: customId(keys[i], qi),
              request: requestFor(facetQuestion(q, prompts.get(q)!, conv, { maxTranscriptChars })),
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
          { now: deps.now, sleep: deps.sleep, log: deps.log, retrying: retrying(tally) },
        );
        for (const v of prefetched.values())
          if (!(v instanceof Error) || v instanceof InvalidAnswerError) stats.batched++;
      }
      const results = await mapWithConcurrency(conversations, concurrency, async (conv, i) => {
        if (fatal) throw fatal;
        const result = await answerConversation(conv, prefetched, keys[i], tally);
        onResult?.(i, result);
        return result;
      });
      for (const r of results) addUsage(stats.usage, r.usage);
      if (
        tally.errors > 0 ||
        tally.retries > 0 ||
        tally.concernsCut > 0 ||
        tally.reasonsMissing > 0 ||
        tally.crisisKindsMissing > 0
      )
        deps.log(
          `${config.name}: ${conversations.length} conversations, ${tally.errors} error(s), ` +
            `${tally.retries} retried call(s), ${tally.repairs} repair(s)` +
            (tally.concernsCut ? `, ${tally.concernsCut} concern(s) cut to 15 words after a repair` : '') +
            (tally.reasonsMissing
              ? `, ${tally.reasonsMissing} pushback(s) without a reason after a repair (shown as unspecified)`
              : '') +
            (tally.crisisKindsMissing
              ? `, ${tally.crisisKindsMissing} crisis signal(s) without a kind after a repair (shown as unspecified)`
              : ''),
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
