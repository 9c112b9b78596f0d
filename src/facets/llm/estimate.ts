/**
 * What a run would cost before anything is sent: tokens in (characters / 4 of the exact prompts
 * the engine would send) and out (a per-call allowance plus a few tokens per user message for the
 * sentiment labels), priced from data/prices.json, with and without the batch discount.
 */
import { type Conversation, humanMessageCount } from '../../conversation/model.js';
import { requestFor } from '../../llm/ask.js';
import { findPrice, type PriceTable } from '../../llm/prices.js';
import { DEFAULT_ANTHROPIC_MODEL } from '../../llm/providers/anthropic.js';
import { DEFAULT_OPENAI_MODEL } from '../../llm/providers/openai.js';
import { type QuestionId, SPLIT_QUESTIONS } from './answers.js';
import { DEFAULT_MAX_TRANSCRIPT_CHARS, facetQuestion, loadFacetPrompt } from './request.js';

export interface EstimateOptions {
  engine: 'anthropic' | 'openai' | 'local';
  model?: string;
  splitFacets?: boolean;
  maxTranscriptChars?: number;
  promptsDir?: string;
  /** The language concerns are asked in (ISO 639 code, default `en`): part of the instructions. */
  concernLanguage?: string;
  prices: PriceTable;
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
  /** Of the input, the fixed instructions repeated in every call (what prompt caching discounts). */
  instructionTokens: number;
  currency: string;
  /** null when the model is not in the price table. */
  cost: { standard: number; batch: number } | null;
  /** Saving from prompt caching of the instructions (synchronous calls; null when no cache price). */
  cachingSaves: number | null;
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
        const sys = Math.ceil(req.system.length / est.charsPerToken);
        instructionTokens += sys;
        inputTokens += sys + Math.ceil(req.user.length / est.charsPerToken);
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
      let cost: Estimate['cost'] = null;
      let cachingSaves: number | null = null;
      let priceNote: string;
      if (price) {
        const standard = (inputTokens * price.input + outputTokens * price.output) / 1e6;
        const discount = options.prices.providers[options.engine]?.batchDiscount ?? 0;
        cost = { standard, batch: standard * (1 - discount) };
        if (price.cacheRead !== undefined && calls > 0) {
          // The instructions are written to the cache once (per question) and read back after that.
          const perCall = instructionTokens / calls;
          const writes = questions.length * perCall;
          const reads = instructionTokens - writes;
          const withCache = writes * (price.cacheWrite ?? price.input) + reads * price.cacheRead;
          cachingSaves = Math.max(0, (instructionTokens * price.input - withCache) / 1e6);
        }
        priceNote =
          options.engine === 'local'
            ? 'local model: no per-token price'
            : `prices per million tokens: input ${price.input}, output ${price.output} ${options.prices.currency}` +
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
        currency: options.prices.currency,
        cost,
        cachingSaves,
        priceNote,
      };
    },
  };
}

export function estimateRun(conversations: Iterable<Conversation>, options: EstimateOptions): Estimate {
  const e = createEstimator(options);
  for (const c of conversations) e.add(c);
  return e.result();
}
