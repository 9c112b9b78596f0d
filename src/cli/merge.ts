import { Command, Option } from 'commander';
import { createEngine } from '../facets/createEngine.js';
import { defaultDeps, ENGINE_NAMES, type EngineName } from '../facets/engine.js';
import { mergeShards } from '../shard/mergeShards.js';
import { readStateHeader } from '../shard/partialState.js';
import { DEFAULT_STORE_DIR, storePaths } from '../store/paths.js';
import { UsageError } from './errors.js';
import { engineOptionsFrom, llmEngineOptions, reportLangOption } from './options.js';
import { createProgress } from './progress.js';

export function mergeCommand(): Command {
  const cmd = new Command('merge')
    .description(
      'Merge the partial states of `analyze --shard i/N` (every shard once) into one report: clustering, privacy gates, naming, audit. Equals the single-process report.',
    )
    .argument('<parts...>', 'partial state folders (the --out of each analyze --shard)')
    .option('--out <dir>', 'output folder', 'affectlens-report')
    .addOption(
      new Option('--engine <name>', 'engine for naming and audit (default: the one the shards ran)').choices([
        ...ENGINE_NAMES,
      ]),
    )
    .option(
      '--store <dir>',
      'run store for cluster names and embeddings paid for (LLM engines; default .affectlens/store)',
    )
    .option(
      '--embeddings-url <url>',
      'OpenAI-compatible /v1 base URL for topic embeddings (offline embeddings otherwise)',
    )
    .option('--embeddings-model <name>', 'embedding model for --embeddings-url', 'text-embedding-3-small')
    .addOption(reportLangOption());
  for (const o of llmEngineOptions()) cmd.addOption(o);
  return cmd.action(async (parts: string[], opts) => {
    const first = readStateHeader(parts[0]);
    const name = (opts.engine ?? first.settings.engine.name) as EngineName;
    if (!(ENGINE_NAMES as readonly string[]).includes(name))
      throw new UsageError(`the shards ran engine ${name}, which this affectlens does not have`);
    const store = storePaths(opts.store ?? DEFAULT_STORE_DIR);
    // The shards' model unless another is asked for (the merge checks they agree).
    const model = opts.model ?? (name === 'offline' ? undefined : first.settings.engine.model);
    const engine = await createEngine(name, { ...engineOptionsFrom({ ...opts, model }, store.state) });
    const progress = createProgress({ tty: Boolean(process.stderr.isTTY) });
    try {
      const result = await mergeShards(
        {
          parts,
          outDir: opts.out,
          storeDir: opts.store,
          embeddings: opts.embeddingsUrl
            ? { baseUrl: opts.embeddingsUrl, model: opts.embeddingsModel }
            : undefined,
          reportLang: opts.reportLang,
        },
        { ...defaultDeps(first.settings.seed), engine, onProgress: (p) => progress.update(p) },
      );
      progress.stop();
      process.stdout.write(
        `merged ${result.shards} shards: read ${result.read}: analysed ${result.analysed}, excluded ${result.excluded} (${result.errors} engine errors), quarantined ${result.quarantined}\n` +
          `report: ${result.outDir}/report.html (also report.json, CSV tables, quarantine.jsonl)\n`,
      );
    } finally {
      progress.stop();
      await engine.close?.();
    }
  });
}
