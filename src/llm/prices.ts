/**
 * Prices of model tokens (data/prices.json): what a run's usage cost, and the table `estimate` prices
 * with. Cache reads and writes and the batch discount are priced where the table has them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Usage } from './usage.js';

export interface ModelPrice {
  provider: string;
  /** USD per million tokens. */
  input: number;
  output: number;
  cacheWrite?: number;
  cacheRead?: number;
  /** Shortest prefix (tokens) the provider caches for this model; the provider's default otherwise. */
  cacheMinTokens?: number;
}

export interface PriceTable {
  currency: string;
  asOf?: string;
  estimation: {
    charsPerToken: number;
    outputTokensPerCall: number;
    outputTokensPerUserMessage: number;
    /** Assumed time of one call: a fixed part plus the output at a steady rate (for `estimate`'s run time). */
    latency?: { secondsPerCall: number; outputTokensPerSecond: number };
  };
  providers: Record<string, { batchDiscount: number; cacheMinTokens?: number }>;
  models: Record<string, ModelPrice>;
}

export function defaultPriceFile(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'prices.json');
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

/** The shortest prefix the provider caches for `model` (model entry, else provider default), or null when unknown. */
export function cacheMinTokens(table: PriceTable, provider: string, model: string): number | null {
  return findPrice(table, model)?.cacheMinTokens ?? table.providers[provider]?.cacheMinTokens ?? null;
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
