/**
 * `affectlens estimate <inputs...> --engine E [--model M] [--batch]`: tokens and cost of an LLM run,
 * computed locally before anything is sent. Counts only; no conversation text is printed.
 */
import { Command, Option } from 'commander';
import { readConversations } from '../conversation/read.js';
import { createEstimator, type Estimate } from '../facets/llm/estimate.js';
import { loadPriceTable } from '../llm/prices.js';
import { formatOption, readOptionsFrom } from './options.js';

interface EstimateFlags {
  engine: 'anthropic' | 'openai' | 'local';
  model?: string;
  batch?: boolean;
  splitFacets?: boolean;
  prices?: string;
  format?: string;
  strict?: boolean;
  json?: boolean;
}

export function estimateCommand(): Command {
  return new Command('estimate')
    .description('Estimate the tokens and cost of an LLM run on conversation logs, before sending anything')
    .argument('<inputs...>', 'log files or globs (.jsonl, .json, .parquet, optionally .gz)')
    .addOption(
      new Option('--engine <name>', 'LLM engine')
        .choices(['anthropic', 'openai', 'local'])
        .makeOptionMandatory(),
    )
    .option('--model <name>', 'model name (env AFFECTLENS_MODEL; default per engine)')
    .option('--batch', 'highlight the batch-API price (half price)')
    .option('--split-facets', 'one call per question instead of one per conversation')
    .option('--prices <file>', 'price table (default: data/prices.json in the package)')
    .addOption(formatOption())
    .option('--strict', 'stop at the first bad record instead of skipping it')
    .option('--json', 'print one JSON object')
    .action(async (inputs: string[], flags: EstimateFlags) => {
      const estimator = createEstimator({
        engine: flags.engine,
        model: flags.model ?? process.env.AFFECTLENS_MODEL,
        splitFacets: flags.splitFacets === true,
        prices: loadPriceTable(flags.prices),
      });
      let quarantined = 0;
      for await (const item of readConversations(inputs, readOptionsFrom(flags))) {
        if (item.kind === 'conversation') estimator.add(item.conversation);
        else quarantined++;
      }
      const e = estimator.result();
      process.stdout.write(
        flags.json
          ? `${JSON.stringify({ ...e, quarantined })}\n`
          : renderEstimate(e, quarantined, flags.batch === true),
      );
    });
}

const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const money = (x: number, currency: string): string =>
  `${x < 1 ? x.toFixed(4) : x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

export function renderEstimate(e: Estimate, quarantined: number, batch: boolean): string {
  const lines = [
    `engine ${e.engine}, model ${e.model}`,
    `conversations   ${int(e.conversations)}${e.skipped ? ` (${int(e.skipped)} without user messages, not sent)` : ''}${quarantined ? `; ${int(quarantined)} bad records skipped` : ''}`,
    `calls           ${int(e.calls)}`,
    `input tokens    ${int(e.inputTokens)} (of which instructions ${int(e.instructionTokens)})`,
    `output tokens   ${int(e.outputTokens)}`,
  ];
  if (e.cost) {
    lines.push(`cost            ${money(e.cost.standard, e.currency)}${batch ? '' : '  <- direct calls'}`);
    lines.push(`cost with batch ${money(e.cost.batch, e.currency)}${batch ? '  <- --batch' : ''}`);
    if (e.cachingSaves !== null && e.cachingSaves > 0)
      lines.push(
        `prompt caching of the instructions could save up to ${money(e.cachingSaves, e.currency)} on direct calls`,
      );
  }
  lines.push(e.priceNote);
  lines.push(
    '(estimate: characters / 4 per token; actual usage is recorded per conversation during the run)',
  );
  return `${lines.join('\n')}\n`;
}
