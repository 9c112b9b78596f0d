/**
 * What a run would cost and how long it would take, before anything is sent: tokens in (characters /
 * 4 of the exact prompts the engine would send: the fixed instructions and answer schema, and the
 * transcript) and out (a per-call allowance plus a few tokens per user message for the sentiment
 * labels), priced from data/prices.json the way the run will be billed: prompt caching of the fixed
 * instructions where the engine's provider applies it for sure (Anthropic's cache_control, once the
 * instructions reach the model's minimum cacheable length), and the batch discount with --batch.
 * Caching that is best effort (OpenAI's automatic cache, cache hits inside a batch) is not counted
 * in the price; the lowest price it could bring is given beside it.
 */
import { type Conversation, humanMessageCount } from '../../conversation/model.js';
import { requestFor } from '../../llm/ask.js';
import { cacheMinTokens, findPrice, type PriceTable } from '../../llm/prices.js';
import { DEFAULT_ANTHROPIC_MODEL } from '../../llm/providers/anthropic.js';
import { DEFAULT_OPENAI_MODEL } from '../../llm/providers/openai.js';
import { type QuestionId, SPLIT_QUESTIONS } from './answers.js';
import { DEFAULT_MAX_TRANSCRIPT_CHARS, facetQuestion, loadFacetPrompt } from './request.js';

export interface EstimateOptions {
  engine: 'anthropic' | 'openai' | 'local';
  model?: string;
  splitFacets?: boolean;
  /** Price the batch API as what the run does (--batch). */
  batch?: boolean;
  /** Requests in flight (--concurrency; the engine's default is 8, local runs one at a time). */
  concurrency?: number;
  /** --rpm and --tpm, when the run will be limited by them. */
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  maxTranscriptChars?: number;
  promptsDir?: string;
  /** The language concerns are asked in (ISO 639 code, default `en`): part of the instructions. */
  concernLanguage?: string;
  prices: PriceTable;
}

/** The engine's default requests in flight (see llmFacetEngine). */
export const DEFAULT_CONCURRENCY = 8;

export interface CachingEstimate {
  /** Whether the fixed instructions will be billed at the cache price in this run. */
  applied: boolean;
  /** Fixed tokens per call (instructions and answer schema): the prefix a cache can hold. */
  prefixTokens: number;
  /** The model's minimum cacheable prefix, when the table knows it. */
  minTokens: number | null;
  /** Calls that write the prefix to the cache, and that read it back (when applied). */
  writes: number;
  reads: number;
  /** Why it is or is not applied, in words. */
  note: string;
}

export interface RunTimeEstimate {
  /** Seconds for the whole run, or null when it cannot be said (batch, local). */
  seconds: number | null;
  /** What sets the pace: concurrency, rpm, tpm, batch or local. */
  limitedBy: 'concurrency' | 'rpm' | 'tpm' | 'batch' | 'local';
  concurrency: number;
  note: string;
}

export interface Estimate {
  engine: string;
  model: string;
  conversations: number;
  /** Conversations without user messages: never sent. */
  skipped: number;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Of the input, the fixed instructions and answer schema repeated in every call. */
  instructionTokens: number;
  /** instructionTokens / inputTokens (0 when nothing is sent). */
  instructionShare: number;
  currency: string;
  /** List prices without any caching: direct calls and batch. null when the model is not in the price table. */
  cost: { standard: number; batch: number } | null;
  /**
   * What this run will be billed (direct calls or --batch, with the caching that surely applies), and
   * the lowest it could come to if best-effort caching hits every time. null without a price.
   */
  run: { mode: 'direct' | 'batch'; cost: number; lowest: number } | null;
  caching: CachingEstimate;
  time: RunTimeEstimate;
  priceNote: string;
}

export interface Estimator {
  add(conv: Conversation): void;
  result(): Estimate;
}

export function createEstimator(options: EstimateOptions): Estimator {
  const questions: readonly QuestionId[] = options.splitFacets ? SPLIT_QUESTIONS : ['all'];
  const prompts = new Map(
    questions.map((q) => [q, loadFacetPrompt(q, options.promptsDir, options.concernLanguage)]),
  );
  const est = options.prices.estimation;
  const maxTranscriptChars = options.maxTranscriptChars ?? DEFAULT_MAX_TRANSCRIPT_CHARS;
  const model =
    options.model ??
    (options.engine === 'anthropic'
      ? DEFAULT_ANTHROPIC_MODEL
      : options.engine === 'openai'
        ? DEFAULT_OPENAI_MODEL
        : 'local');
  const tokens = (chars: number) => Math.ceil(chars / est.charsPerToken);
  let conversations = 0;
  let skipped = 0;
  let calls = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let instructionTokens = 0;
  return {
    add(conv) {
      conversations++;
      const n = humanMessageCount(conv);
      if (n === 0) {
        skipped++;
        return;
      }
      for (const q of questions) {
        const req = requestFor(facetQuestion(q, prompts.get(q)!, conv, { maxTranscriptChars }));
        calls++;
        // The instructions and the answer schema are sent with every call, identical each time.
        const fixed = tokens(req.system.length) + tokens(JSON.stringify(req.jsonSchema).length);
        instructionTokens += fixed;
        inputTokens += fixed + tokens(req.user.length);
        outputTokens +=
          est.outputTokensPerCall +
          (q === 'all' || q === 'sentiment' ? est.outputTokensPerUserMessage * n : 0);
      }
    },
    result() {
      const price =
        options.engine === 'local'
          ? { provider: 'local', input: 0, output: 0 }
          : findPrice(options.prices, model);
      const concurrency = options.engine === 'local' ? 1 : (options.concurrency ?? DEFAULT_CONCURRENCY);
      const caching = cachingFor(options, model, questions.length, calls, instructionTokens, concurrency);
      let cost: Estimate['cost'] = null;
      let run: Estimate['run'] = null;
      let priceNote: string;
      if (price) {
        const discount = options.prices.providers[options.engine]?.batchDiscount ?? 0;
        const plain = inputTokens * price.input + outputTokens * price.output;
        const standard = plain / 1e6;
        cost = { standard, batch: standard * (1 - discount) };
        // The fixed tokens billed at the cache prices instead of the input price.
        const cacheRead = price.cacheRead ?? price.input;
        const cacheWrite = price.cacheWrite ?? price.input;
        const perCall = calls === 0 ? 0 : instructionTokens / calls;
        const cached = (writes: number, reads: number) =>
          (plain -
            (writes + reads) * perCall * price.input +
            perCall * (writes * cacheWrite + reads * cacheRead)) /
          1e6;
        // The lowest: every call after the first of each question reads the cache (where a cache can hold the prefix).
        const cacheable = caching.minTokens === null || caching.prefixTokens >= caching.minTokens;
        const best = cacheable
          ? cached(Math.min(calls, questions.length), Math.max(0, calls - questions.length))
          : standard;
        if (options.batch) {
          // Cache hits inside a batch are best effort: priced without them; the lowest with them.
          run = { mode: 'batch', cost: cost.batch, lowest: Math.min(cost.batch, best * (1 - discount)) };
        } else {
          const sure = caching.applied ? cached(caching.writes, caching.reads) : standard;
          // Anthropic's cache is not best effort: what is sure is also the lowest.
          run = {
            mode: 'direct',
            cost: sure,
            lowest: options.engine === 'openai' ? Math.min(sure, best) : sure,
          };
        }
        priceNote =
          options.engine === 'local'
            ? 'local model: no per-token price'
            : `prices per million tokens: input ${price.input}, output ${price.output}` +
              `${price.cacheRead !== undefined ? `, cache read ${price.cacheRead}` : ''}` +
              `${price.cacheWrite !== undefined ? `, cache write ${price.cacheWrite}` : ''} ${options.prices.currency}` +
              `${options.prices.asOf ? ` (table as of ${options.prices.asOf})` : ''}`;
      } else
        priceNote = `no price for model ${model} in data/prices.json; add it there (or pass --prices FILE) to get a cost`;
      return {
        engine: options.engine,
        model,
        conversations,
        skipped,
        calls,
        inputTokens,
        outputTokens,
        instructionTokens,
        instructionShare: inputTokens === 0 ? 0 : instructionTokens / inputTokens,
        currency: options.prices.currency,
        cost,
        run,
        caching,
        time: runTime(options, calls, inputTokens + outputTokens, outputTokens, concurrency),
        priceNote,
      };
    },
  };
}

/**
 * Whether the run's fixed instructions will be billed at the cache price. Anthropic: the engine marks
 * them with cache_control, and the provider caches them once they reach the model's minimum length;
 * every call in the first wave of `concurrency` writes (none can read what is not written yet), the
 * rest read. OpenAI caches prompts of 1,024+ tokens on its own, best effort: not counted.
 */
function cachingFor(
  options: EstimateOptions,
  model: string,
  questions: number,
  calls: number,
  instructionTokens: number,
  concurrency: number,
): CachingEstimate {
  const prefixTokens = calls === 0 ? 0 : Math.round(instructionTokens / calls);
  const minTokens = cacheMinTokens(options.prices, options.engine, model);
  const none = (note: string): CachingEstimate => ({
    applied: false,
    prefixTokens,
    minTokens,
    writes: 0,
    reads: 0,
    note,
  });
  const count = (n: number) => n.toLocaleString('en-US');
  if (options.engine === 'local') return none('not applicable (local model)');
  if (minTokens !== null && prefixTokens < minTokens)
    return none(
      `not used: the fixed instructions (${count(prefixTokens)} tokens a call) are shorter than the ${count(minTokens)} tokens ${model} needs to cache a prefix`,
    );
  if (options.engine === 'openai')
    return none(
      'automatic at OpenAI and best effort (hits depend on their routing): not counted in the price',
    );
  if (options.batch) return none('inside a batch, cache hits are best effort: not counted in the price');
  const writes = Math.min(calls, questions * concurrency);
  return {
    applied: calls > 0,
    prefixTokens,
    minTokens,
    writes,
    reads: calls - writes,
    note: `the fixed instructions (${count(prefixTokens)} tokens a call) are cached: written by the first ${count(writes)} calls, read by the other ${count(calls - writes)}`,
  };
}

/**
 * How long the run would take: the slowest of what concurrency allows (calls × seconds per call /
 * requests in flight, seconds per call from the price table's latency assumption) and the --rpm and
 * --tpm limits. A batch is up to the provider (usually within an hour, at most 24 h); a local model
 * depends on the machine.
 */
function runTime(
  options: EstimateOptions,
  calls: number,
  totalTokens: number,
  outputTokens: number,
  concurrency: number,
): RunTimeEstimate {
  if (options.batch)
    return {
      seconds: null,
      limitedBy: 'batch',
      concurrency,
      note: "up to the provider's batch queue: usually within an hour, at most 24 h (rerun the same command to collect)",
    };
  if (options.engine === 'local')
    return {
      seconds: null,
      limitedBy: 'local',
      concurrency: 1,
      note: 'depends on this machine (one call at a time): time a run with --limit 100 and scale it',
    };
  const latency = options.prices.estimation.latency ?? { secondsPerCall: 1, outputTokensPerSecond: 100 };
  const perCall =
    calls === 0 ? 0 : latency.secondsPerCall + outputTokens / calls / latency.outputTokensPerSecond;
  const candidates: [RunTimeEstimate['limitedBy'], number][] = [
    ['concurrency', (calls * perCall) / concurrency],
  ];
  if (options.requestsPerMinute) candidates.push(['rpm', (calls / options.requestsPerMinute) * 60]);
  if (options.tokensPerMinute) candidates.push(['tpm', (totalTokens / options.tokensPerMinute) * 60]);
  const [limitedBy, seconds] = candidates.reduce((a, b) => (b[1] > a[1] ? b : a));
  const why =
    limitedBy === 'concurrency'
      ? `${concurrency} requests in flight at about ${perCall.toFixed(1)} s a call (assumed: ${latency.secondsPerCall} s + ${latency.outputTokensPerSecond} output tokens/s)`
      : limitedBy === 'rpm'
        ? `held to --rpm ${options.requestsPerMinute}`
        : `held to --tpm ${options.tokensPerMinute} (input and output tokens)`;
  return { seconds, limitedBy, concurrency, note: why };
}

export function estimateRun(conversations: Iterable<Conversation>, options: EstimateOptions): Estimate {
  const e = createEstimator(options);
  for (const c of conversations) e.add(c);
  return e.result();
}
