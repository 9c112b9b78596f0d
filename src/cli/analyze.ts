import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_PERIOD, PERIODS, type Period } from '../analysis/periods.js';
import type { Calibration } from '../estimate/calibrated.js';
import { createEngine } from '../facets/createEngine.js';
import { defaultDeps, ENGINE_NAMES, type EngineName, type FacetEngine } from '../facets/engine.js';
import { type AnalyzeProgress, analyzeLogs } from '../pipeline/analyze.js';
import { calibrationFromLabelled, shippedCalibration } from '../pipeline/calibration.js';
import { decisionsPathProblem } from '../pipeline/decisions.js';
import { DEFAULT_THRESHOLDS } from '../privacy/thresholds.js';
import { analyzeShard, shardStoreDir } from '../shard/analyzeShard.js';
import { parseShardSpec, type ShardSpec, shardName } from '../shard/shardKey.js';
import { DEFAULT_STORE_DIR, storePaths } from '../store/paths.js';
import { ErrorRateExceeded, UsageError } from './errors.js';
import {
  engineOptionsFrom,
  formatOption,
  intOption,
  llmEngineOptions,
  rateOption,
  readOptionsFrom,
  reportLangOption,
} from './options.js';
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
      '--keep-going',
      'analyse what fits even when most records of a file look like another format (default: stop and name it)',
    )
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
      'conversations per engine batch (each answer is stored as it arrives: a kill re-pays only the calls in flight)',
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
      '--cascade',
      "with an LLM --engine: the offline engine screens every conversation and the LLM verifies its candidates and seeded random samples of the rest (about a tenth of the calls, the LLM's accuracy)",
    )
    .option(
      '--verify-rate <r>',
      'with --cascade: the share of unflagged conversations the LLM verifies, in (0, 1] (default: chosen for about ±0.5 points on the affective share, at least 400)',
      rateOption('--verify-rate'),
    )
    .option(
      '--calibration <file>',
      "correct shares for the engine's error rates measured on FILE (labelled JSONL, e.g. from affectlens label); 'none' to report raw counts (default for the offline engine: the rates the project measured on real assistant conversations)",
    )
    .option(
      '--export-decisions <file>',
      "also write each conversation's decision and evidence to FILE (.jsonl or .parquet, outside --out; with --shard i/N: FILE.shard-i-of-N): per-conversation data, user ids hashed, no message text",
    )
    .addOption(reportLangOption())
    .option(
      '--shard <i/N>',
      'analyse only the conversations whose user (conversation id without one) hashes to shard i of N, and write a partial state to --out for `affectlens merge` instead of a report (0 <= i < N)',
      shardOption,
    )
    .option(
      '--max-error-rate <r>',
      'exit with code 3 (after writing the report) when the engine fails on more than this share of conversations',
      rateOption('--max-error-rate'),
      0.5,
    );
  for (const o of llmEngineOptions()) cmd.addOption(o);
  return cmd.action(async (inputs: string[], opts) => {
    const decisionsProblem =
      opts.exportDecisions && decisionsPathProblem(opts.exportDecisions, { outDir: opts.out, inputs });
    if (decisionsProblem) throw new UsageError(decisionsProblem);
    if (opts.cascade && opts.engine === 'offline')
      throw new UsageError('--cascade needs an LLM --engine (anthropic, openai or local) to verify with');
    if (opts.verifyRate !== undefined && !opts.cascade)
      throw new UsageError('--verify-rate is for --cascade');
    if (opts.cascade && opts.calibration !== undefined)
      throw new UsageError(
        '--calibration is for runs without --cascade (a cascade verifies with the LLM instead)',
      );
    const shard = opts.shard as ShardSpec | undefined;
    if (shard && opts.cascade)
      throw new UsageError(
        '--shard cannot run a --cascade yet (its sampling rates depend on the whole input)',
      );
    if (shard && opts.purgeStore)
      throw new UsageError('--purge-store is for the run that writes the report (affectlens merge)');
    // A shard keeps its answers in its own folder of the store (no lock shared with other shards).
    const store = storePaths(
      shard ? shardStoreDir(opts.store ?? DEFAULT_STORE_DIR, shard) : (opts.store ?? DEFAULT_STORE_DIR),
    );
    const workers = opts.workers ?? availableParallelism();
    const engine = await createEngine(opts.engine as EngineName, {
      ...engineOptionsFrom(opts, store.state),
      workers,
    });
    const screen = opts.cascade ? await createEngine('offline', { workers }) : undefined;
    const calibration = opts.cascade ? undefined : await calibrationFor(opts.calibration, engine);
    const progress = createProgress({ tty: Boolean(process.stderr.isTTY) });
    try {
      const options = {
        inputs,
        outDir: opts.out,
        read: readOptionsFrom(opts),
        limit: opts.limit,
        sample: opts.sample,
        keepGoing: opts.keepGoing === true,
        seed: opts.seed,
        thresholds: { minUsers: opts.minUsers, minConversations: opts.minConversations },
        batchSize: opts.batchSize,
        storeDir: opts.store,
        purgeStore: Boolean(opts.purgeStore),
        embeddings: opts.embeddingsUrl
          ? { baseUrl: opts.embeddingsUrl, model: opts.embeddingsModel }
          : undefined,
        exportDecisions: opts.exportDecisions,
        cascade: opts.cascade ? { verifyRate: opts.verifyRate } : undefined,
        calibration,
        period: opts.period as Period,
        segmentBy: opts.segmentBy,
        reportLang: opts.reportLang,
      };
      const deps = {
        ...defaultDeps(opts.seed),
        engine,
        screen,
        onProgress: (p: AnalyzeProgress) => progress.update(p),
      };
      if (shard) {
        // storeDir stays the base store: analyzeShard uses its shard-i-of-N folder (as the engine's state above).
        const part = await analyzeShard({ ...options, shard }, deps);
        progress.stop();
        process.stdout.write(
          `shard ${shardName(shard)}: ${part.records} of the ${part.read - part.quarantined} valid conversations read (${part.quarantined} quarantined)` +
            `${part.reusedFromStore > 0 ? `; ${part.reusedFromStore} reused from the run store` : ''}\n` +
            `partial state: ${part.partDir} (merge all ${shard.count} with affectlens merge)\n` +
            `${part.decisionsFile ? `decisions: ${part.decisionsFile} (this shard's conversations)\n` : ''}`,
        );
        return;
      }
      const result = await analyzeLogs(options, deps);
      progress.stop();
      const notes = [
        result.reusedFromStore > 0 ? `${result.reusedFromStore} reused from the run store` : '',
        result.invalidStored > 0
          ? `${result.invalidStored} stored line(s) were not valid results and were asked again`
          : '',
        result.duplicateIds > 0 ? `${result.duplicateIds} repeated conversation id(s)` : '',
        result.quarantineOmitted > 0
          ? `${result.quarantineOmitted} quarantined record(s) counted but not listed one by one`
          : '',
      ].filter(Boolean);
      process.stdout.write(
        `read ${result.read}: analysed ${result.analysed}, excluded ${result.excluded} (${result.errors} engine errors), quarantined ${result.quarantined}` +
          `${notes.length > 0 ? `; ${notes.join('; ')}` : ''}\n` +
          `report: ${result.outDir}/report.html (also report.json, CSV tables, quarantine.jsonl)\n`,
      );
      const attempted = result.analysed + result.errors;
      if (attempted > 0 && result.errors / attempted > opts.maxErrorRate)
        throw new ErrorRateExceeded(result.errors, attempted, opts.maxErrorRate);
    } finally {
      progress.stop();
      await engine.close?.();
      await screen?.close?.();
    }
  });
}

/** The calibration a run corrects with: a labelled file, none, or (offline engine) the shipped rates. */
async function calibrationFor(
  option: string | undefined,
  engine: FacetEngine,
): Promise<Calibration | undefined> {
  if (option === 'none') return undefined;
  if (option === undefined) return engine.name === 'offline' ? shippedCalibration(engine) : undefined;
  if (!existsSync(option))
    throw new UsageError(`--calibration: ${option} does not exist (a labelled JSONL file, or none)`);
  return calibrationFromLabelled(option, engine);
}

function shardOption(value: string): ShardSpec {
  const spec = parseShardSpec(value);
  if (!spec) throw new InvalidArgumentError('--shard takes i/N with whole numbers 0 <= i < N (e.g. 0/4)');
  return spec;
}
