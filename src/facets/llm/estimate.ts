/**
 * What a run would cost before anything is sent: tokens in (characters / 4 of the exact prompts
 * the engine would send) and out (a per-call allowance plus a few tokens per user message for the
 * sentiment labels), priced from data/prices.json, with and without the batch discount.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Conversation, humanMessageCount } from '../../conversation/model.js';
import type { Usage } from '../schema.js';
import { type QuestionId, SPLIT_QUESTIONS } from './answers.js';
import { DEFAULT_ANTHROPIC_MODEL } from './anthropic.js';
import { DEFAULT_OPENAI_MODEL } from './openai.js';
import { buildRequest, DEFAULT_MAX_TRANSCRIPT_CHARS, loadPrompt, type PromptFile } from './prompts.js';

export interface ModelPrice {
  provider: string;
  /** USD per million tokens. */
  input: number;
  output: number;
  cacheWrite?: number;
  cacheRead?: number;
}

export interface PriceTable {
  currency: string;
  asOf?: string;
  estimation: { charsPerToken: number; outputTokensPerCall: number; outputTokensPerUserMessage: number };
  providers: Record<string, { batchDiscount: number }>;
  models: Record<string, ModelPrice>;
}

export function defaultPriceFile(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'prices.json');
}

export function loadPriceTable(file = defaultPriceFile()): PriceTable {
  let parsed: PriceTable;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as PriceTable;
  } catch (err) {
    throw new Error(`${file}: cannot read the price table (${(err as Error).message.split('\n')[0]})`);
  }
  if (!parsed.models || !parsed.estimation || !parsed.providers)
    throw new Error(`${file}: a price table needs "models", "estimation" and "providers"`);
  for (const [name, p] of Object.entries(parsed.models))
    if (!(p.input >= 0 && p.output >= 0))
      throw new Error(`${file}: model ${name} needs numeric "input" and "output" prices`);
  return parsed;
}

/** Exact name, else without a date suffix (claude-haiku-4-5-20251001 → claude-haiku-4-5). */
export function findPrice(table: PriceTable, model: string): ModelPrice | undefined {
  return table.models[model] ?? table.models[model.replace(/-\d{8}$/, '')];
}

export interface EstimateOptions {
  engine: 'anthropic' | 'openai' | 'local';
  model?: string;
  splitFacets?: boolean;
  maxTranscriptChars?: number;
  promptsDir?: string;
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
  const prompts = new Map<QuestionId, PromptFile>(
    questions.map((q) => [q, loadPrompt(q, options.promptsDir)]),
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
        const req = buildRequest(q, prompts.get(q)!, conv, { maxTranscriptChars });
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

/**
 * What the tokens a run actually used cost, from the price table; null for a model it lacks.
 * Cache reads and writes are priced separately where the table has them (Anthropic reports them
 * apart from input; OpenAI counts cached tokens inside input too, so this errs high there).
 */
export function costOfUsage(
  table: PriceTable,
  engine: string,
  model: string,
  usage: Usage,
  batch: boolean,
): number | null {
  const price = findPrice(table, model);
  if (!price) return null;
  const perToken = (perMillion: number | undefined, tokens: number | undefined) =>
    ((perMillion ?? 0) * (tokens ?? 0)) / 1e6;
  const full =
    perToken(price.input, usage.inputTokens) +
    perToken(price.output, usage.outputTokens) +
    perToken(price.cacheRead ?? price.input, usage.cacheReadTokens) +
    perToken(price.cacheWrite ?? price.input, usage.cacheWriteTokens);
  const discount = batch ? (table.providers[engine]?.batchDiscount ?? 0) : 0;
  return Math.round(full * (1 - discount) * 1e6) / 1e6;
}
