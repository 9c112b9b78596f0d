import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { DEFAULT_PERIOD, PERIODS, type Period } from '../analysis/periods.js';
import { createEngine } from '../facets/createEngine.js';
import { defaultDeps, ENGINE_NAMES, type EngineName } from '../facets/engine.js';
import { analyzeLogs } from '../pipeline/analyze.js';
import { decisionsPathProblem } from '../pipeline/decisions.js';
import { DEFAULT_THRESHOLDS } from '../privacy/thresholds.js';
import { DEFAULT_STORE_DIR, storePaths } from '../store/paths.js';
import { UsageError } from './errors.js';
import { engineOptionsFrom, formatOption, intOption, llmEngineOptions, readOptionsFrom } from './options.js';
import { createProgress } from './progress.js';

export function analyzeCommand(): Command {
  const cmd = new Command('analyze')
    .description('Run the whole study on log files and write a privacy-safe report folder.')
    .argument('<inputs...>', 'log files or globs (.jsonl, .json, .parquet, optionally .gz)')
    .addOption(formatOption())
    .addOption(new Option('--engine <name>', 'facet engine').choices([...ENGINE_NAMES]).default('offline'))
    .option('--out <dir>', 'output folder', 'affectlens-report')
    .option('--limit <n>', 'analyse only the first N valid conversations', intOption('--limit', 1))
    .option('--sample <n>', 'analyse a seeded random sample of N conversations', intOption('--sample', 1))
    .option('--seed <s>', 'seed for sampling, clustering and bootstrap', intOption('--seed', 0), 1)
    .option(
      '--min-users <n>',
      'privacy threshold: distinct users behind every figure',
      intOption('--min-users', 1),
      DEFAULT_THRESHOLDS.minUsers,
    )
    .option(
      '--min-conversations <n>',
      'privacy threshold: conversations behind every figure',
      intOption('--min-conversations', 1),
      DEFAULT_THRESHOLDS.minConversations,
    )
    .option('--strict', 'stop at the first bad record instead of quarantining it')
    .option(
      '--store <dir>',
      'run store for per-conversation results (resume, never pay twice); default .affectlens/store for LLM engines, none offline',
    )
    .option('--purge-store', 'delete per-conversation results from the run store once the report is written')
    .option(
      '--embeddings-url <url>',
      'OpenAI-compatible /v1 base URL for topic embeddings (offline embeddings otherwise)',
    )
    .option('--embeddings-model <name>', 'embedding model for --embeddings-url', 'text-embedding-3-small')
    .option(
      '--workers <n>',
      'offline engine: worker threads for facet extraction (default: the number of cores)',
      intOption('--workers', 0),
    )
    .option(
      '--batch-size <n>',
      'conversations per engine batch (a kill loses at most one)',
      intOption('--batch-size', 1),
    )
    .addOption(
      new Option('--period <period>', 'period of the over-time figures and of returning users')
        .choices([...PERIODS])
        .default(DEFAULT_PERIOD),
    )
    .option(
      '--segment-by <field>',
      'also show every headline figure per value of this metadata field (e.g. model; see README: Input formats)',
    )
    .option(
      '--export-decisions <file>',
      "also write each conversation's decision and evidence to FILE (.jsonl or .parquet, outside --out): per-conversation data, user ids hashed, no message text",
    );
  for (const o of llmEngineOptions()) cmd.addOption(o);
  return cmd.action(async (inputs: string[], opts) => {
    const decisionsProblem =
      opts.exportDecisions && decisionsPathProblem(opts.exportDecisions, { outDir: opts.out, inputs });
    if (decisionsProblem) throw new UsageError(decisionsProblem);
    const store = storePaths(opts.store ?? DEFAULT_STORE_DIR);
    const engine = await createEngine(opts.engine as EngineName, {
      ...engineOptionsFrom(opts, store.state),
      workers: opts.workers ?? availableParallelism(),
    });
    const progress = createProgress({ tty: Boolean(process.stderr.isTTY) });
    try {
      const result = await analyzeLogs(
        {
          inputs,
          outDir: opts.out,
          read: readOptionsFrom(opts),
          limit: opts.limit,
          sample: opts.sample,
          seed: opts.seed,
          thresholds: { minUsers: opts.minUsers, minConversations: opts.minConversations },
          batchSize: opts.batchSize,
          storeDir: opts.store,
          purgeStore: Boolean(opts.purgeStore),
          embeddings: opts.embeddingsUrl
            ? { baseUrl: opts.embeddingsUrl, model: opts.embeddingsModel }
            : undefined,
          exportDecisions: opts.exportDecisions,
          period: opts.period as Period,
          segmentBy: opts.segmentBy,
        },
        { ...defaultDeps(opts.seed), engine, onProgress: (p) => progress.update(p) },
      );
      progress.stop();
      process.stdout.write(
        `read ${result.read}: analysed ${result.analysed}, excluded ${result.excluded} (${result.errors} engine errors), quarantined ${result.quarantined}` +
          `${result.reusedFromStore > 0 ? `; ${result.reusedFromStore} reused from the run store` : ''}\n` +
          `report: ${result.outDir}/report.html (also report.json, CSV tables, quarantine.jsonl)\n`,
      );
    } finally {
      progress.stop();
      await engine.close?.();
    }
  });
}
