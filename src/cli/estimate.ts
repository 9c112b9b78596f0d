/**
 * `affectlens estimate <inputs...> --engine E [--model M] [--batch]`: tokens, cost and run time of an
 * LLM run, computed locally before anything is sent, priced as the run will be billed (prompt caching
 * and --batch included). Counts only; no conversation text is printed.
 */
import { Command, Option } from 'commander';
import { readConversations } from '../conversation/read.js';
import { createEstimator, DEFAULT_CONCURRENCY, type Estimate } from '../facets/llm/estimate.js';
import { loadPriceTable } from '../llm/prices.js';
import { checkGgufFile } from '../llm/providers/local.js';
import { formatOption, intOption, readOptionsFrom } from './options.js';

interface EstimateFlags {
  engine: 'anthropic' | 'openai' | 'local';
  model?: string;
  batch?: boolean;
  splitFacets?: boolean;
  concurrency?: number;
  rpm?: number;
  tpm?: number;
  prices?: string;
  format?: string;
  strict?: boolean;
  json?: boolean;
}

export function estimateCommand(): Command {
  return new Command('estimate')
    .description(
      'Estimate the tokens, cost and run time of an LLM run on conversation logs, before sending anything',
    )
    .argument('<inputs...>', 'log files or globs (.jsonl, .json, .parquet, optionally .gz)')
    .addOption(
      new Option('--engine <name>', 'LLM engine')
        .choices(['anthropic', 'openai', 'local'])
        .makeOptionMandatory(),
    )
    .option('--model <name>', 'model name, or a .gguf path for --engine local (env AFFECTLENS_MODEL)')
    .option('--batch', "price the provider's batch API (half price, slower), as analyze --batch runs")
    .option('--split-facets', 'one call per question instead of one per conversation')
    .option(
      '--concurrency <n>',
      `requests in flight, as for analyze (default ${DEFAULT_CONCURRENCY})`,
      intOption('--concurrency', 1),
    )
    .option('--rpm <n>', 'requests per minute limit, as for analyze', intOption('--rpm', 1))
    .option('--tpm <n>', 'tokens per minute limit, as for analyze', intOption('--tpm', 1))
    .option('--prices <file>', 'price table (default: data/prices.json in the package)')
    .addOption(formatOption())
    .option('--strict', 'stop at the first bad record instead of skipping it')
    .option('--json', 'print one JSON object')
    .action(async (inputs: string[], flags: EstimateFlags) => {
      const model = flags.model ?? process.env.AFFECTLENS_MODEL;
      // The same check, and the same one line, as analyze: a local run needs a GGUF file that exists.
      if (flags.engine === 'local') checkGgufFile(model);
      const estimator = createEstimator({
        engine: flags.engine,
        model,
        splitFacets: flags.splitFacets === true,
        batch: flags.batch === true,
        concurrency: flags.concurrency,
        requestsPerMinute: flags.rpm,
        tokensPerMinute: flags.tpm,
        prices: loadPriceTable(flags.prices),
      });
      let quarantined = 0;
      for await (const item of readConversations(inputs, readOptionsFrom(flags))) {
        if (item.kind === 'conversation') estimator.add(item.conversation);
        else quarantined++;
      }
      const e = estimator.result();
      process.stdout.write(
        flags.json ? `${JSON.stringify({ ...e, quarantined })}\n` : renderEstimate(e, quarantined),
      );
    });
}

const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const money = (x: number, currency: string): string =>
  `${x < 1 ? x.toFixed(4) : x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** A duration in words a reader plans with: seconds, minutes or hours. */
export function duration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  const h = seconds / 3600;
  return `${h < 10 ? h.toFixed(1) : Math.round(h)} h`;
}

export function renderEstimate(e: Estimate, quarantined: number): string {
  const lines = [
    `engine ${e.engine}, model ${e.model}`,
    `conversations   ${int(e.conversations)}${e.skipped ? ` (${int(e.skipped)} without user messages, not sent)` : ''}${quarantined ? `; ${int(quarantined)} bad records skipped` : ''}`,
    `calls           ${int(e.calls)}`,
    `input tokens    ${int(e.inputTokens)}, of which fixed instructions ${int(e.instructionTokens)} (${pct(e.instructionShare)}, the same in every call)`,
    `output tokens   ${int(e.outputTokens)}`,
    `prompt caching  ${e.caching.note}`,
  ];
  if (e.run && e.cost && e.engine !== 'local') {
    const c = e.currency;
    const direct = e.run.mode === 'direct';
    const lowest =
      e.run.lowest < e.run.cost - 1e-9
        ? ` (as little as ${money(e.run.lowest, c)} if best-effort caching hits)`
        : '';
    lines.push(
      `cost            ${money(direct ? e.run.cost : e.cost.standard, c)}${direct ? `  <- this run: direct calls${e.caching.applied ? ', instructions cached' : ''}${lowest}` : '  (direct calls)'}`,
      `cost with batch ${money(e.cost.batch, c)}${direct ? '  (--batch: half price, slower)' : `  <- this run: --batch${lowest}`}`,
    );
  }
  lines.push(
    `run time        ${e.time.seconds === null ? e.time.note : `about ${duration(e.time.seconds)}: ${e.time.note}`}`,
  );
  lines.push(e.priceNote);
  lines.push(
    '(estimate: characters / 4 per token; actual usage is recorded per conversation during the run)',
  );
  return `${lines.join('\n')}\n`;
}
