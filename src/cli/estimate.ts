/**
 * `affectlens estimate <inputs...> --engine E [--model M] [--batch] [--cascade]`: tokens, cost and run
 * time of an LLM run, computed locally before anything is sent, priced as the run will be billed
 * (prompt caching and --batch included). With --cascade: the offline screen runs here as analyze
 * --cascade would run it, and only the conversations the cascade would verify are priced, beside a full
 * run. Counts only; no conversation text is printed.
 */
import { Command, Option } from 'commander';
import { readConversations } from '../conversation/read.js';
import { createEngine } from '../facets/createEngine.js';
import { createEstimator, DEFAULT_CONCURRENCY, type Estimate } from '../facets/llm/estimate.js';
import { loadPriceTable } from '../llm/prices.js';
import { checkGgufFile } from '../llm/providers/local.js';
import { type CascadePlan, planCascade } from '../pipeline/cascadePlan.js';
import { UsageError } from './errors.js';
import { formatOption, intOption, rateOption, readOptionsFrom } from './options.js';

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
  cascade?: boolean;
  verifyRate?: number;
  seed: number;
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
    .option(
      '--cascade',
      'price analyze --cascade: the offline screen runs here and only the conversations the cascade would verify are counted, beside a full run',
    )
    .option(
      '--verify-rate <r>',
      'with --cascade: as for analyze (default: chosen from the strata, at least 400)',
      rateOption('--verify-rate'),
    )
    .option('--seed <s>', 'with --cascade: the seed analyze will run with', intOption('--seed', 0), 1)
    .option('--json', 'print one JSON object')
    .action(async (inputs: string[], flags: EstimateFlags) => {
      if (flags.verifyRate !== undefined && !flags.cascade)
        throw new UsageError('--verify-rate is for --cascade');
      const model = flags.model ?? process.env.AFFECTLENS_MODEL;
      // The same check, and the same one line, as analyze: a local run needs a GGUF file that exists.
      if (flags.engine === 'local') checkGgufFile(model);
      const prices = loadPriceTable(flags.prices);
      const newEstimator = () =>
        createEstimator({
          engine: flags.engine,
          model,
          splitFacets: flags.splitFacets === true,
          batch: flags.batch === true,
          concurrency: flags.concurrency,
          requestsPerMinute: flags.rpm,
          tokensPerMinute: flags.tpm,
          prices,
        });
      const estimator = newEstimator();
      let quarantined = 0;
      for await (const item of readConversations(inputs, readOptionsFrom(flags))) {
        if (item.kind === 'conversation') estimator.add(item.conversation);
        else quarantined++;
      }
      const e = estimator.result();
      if (!flags.cascade) {
        process.stdout.write(
          flags.json ? `${JSON.stringify({ ...e, quarantined })}\n` : renderEstimate(e, quarantined),
        );
        return;
      }
      const verified = newEstimator();
      const plan = await planCascade(
        () => conversationsOf(inputs, flags),
        await createEngine('offline'),
        { seed: flags.seed, verifyRate: flags.verifyRate },
        (c) => verified.add(c),
      );
      const v = verified.result();
      process.stdout.write(
        flags.json
          ? `${JSON.stringify({ ...v, quarantined, cascade: plan, fullRun: e })}\n`
          : renderCascadeEstimate(v, plan, e, quarantined),
      );
    });
}

/** The log's conversations, skipping bad records (the first pass counted them). */
async function* conversationsOf(inputs: string[], flags: EstimateFlags) {
  for await (const item of readConversations(inputs, readOptionsFrom(flags)))
    if (item.kind === 'conversation') yield item.conversation;
}

/** The cascade's plan, what it would cost, and a full run's calls and cost beside it. */
export function renderCascadeEstimate(
  v: Estimate,
  plan: CascadePlan,
  full: Estimate,
  quarantined: number,
): string {
  const lines = [
    `cascade: the offline screen on ${int(plan.conversations)} conversations, the LLM on ${int(plan.selected)} of them (${pct(plan.selected / Math.max(1, plan.conversations))})`,
    ...plan.strata.map(
      (s) =>
        `  ${s.name.padEnd(12)} ${int(s.conversations).padStart(10)} conversations, rate ${s.rate >= 1 ? '1' : s.rate.toPrecision(3)}, ${int(s.selected)} to verify`,
    ),
    '',
    renderEstimate(v, quarantined).trimEnd(),
    '',
    `a full run instead: ${int(full.calls)} calls${full.run && full.cost && full.engine !== 'local' ? `, ${money(full.run.mode === 'direct' ? full.run.cost : full.cost.batch, full.currency)}` : ''}`,
  ];
  return `${lines.join('\n')}\n`;
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
