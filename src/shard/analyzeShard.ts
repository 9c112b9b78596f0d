/**
 * `analyze --shard i/N`: reads the whole input (so the counts, the quarantine and --limit/--sample
 * are those of one run), classifies only the conversations whose partition key hashes to shard i,
 * and writes a partial state (partialState.ts) instead of a report. The run store is the shard's own
 * folder under the store (shard-i-of-N), so shards on one machine do not wait for each other's lock
 * and a retried shard reuses every answer it paid for.
 */
import { join } from 'node:path';
import { DEFAULT_PERIOD } from '../analysis/periods.js';
import type { Conversation } from '../conversation/model.js';
import { zeroUsage } from '../llm/usage.js';
import { inStagedFolder, withRunSetup } from '../pipeline/analyze.js';
import { shardDecisionsPath } from '../pipeline/decisions.js';
import { type AnalyzeDeps, type AnalyzeOptions, accumulateRun } from '../pipeline/runStages.js';
import { DEFAULT_THRESHOLDS } from '../privacy/thresholds.js';
import { defaultStorePaths } from '../store/paths.js';
import { KeyTable } from '../util/keyTable.js';
import { VERSION } from '../version.js';
import { writeAccumulator } from './accumulatorFiles.js';
import {
  PARTIAL_STATE_FORMAT,
  PARTIAL_STATE_VERSION,
  type PartialSettings,
  type PartialState,
  RecordsWriter,
  writeStateHeader,
} from './partialState.js';
import { partitionKey, type ShardSpec, shardOfKey } from './shardKey.js';

export interface ShardOptions extends AnalyzeOptions {
  shard: ShardSpec;
}

export interface ShardResult {
  partDir: string;
  shard: ShardSpec;
  /** Records read from the whole input (every shard reads all of it). */
  read: number;
  quarantined: number;
  /** Conversations of this shard (analysed or failed). */
  records: number;
  reusedFromStore: number;
  usage: PartialState['usage'];
  /** This shard's decisions (--export-decisions FILE: FILE.shard-i-of-N). */
  decisionsFile?: string;
}

/** The run-store folder of one shard under `base`. */
export function shardStoreDir(base: string, shard: ShardSpec): string {
  return join(base, `shard-${shard.index}-of-${shard.count}`);
}

/** Whether a conversation belongs to `shard`. */
export function inShard(shard: ShardSpec): (c: Pick<Conversation, 'id' | 'userId'>) => boolean {
  return (c) => shardOfKey(partitionKey(c), shard.count) === shard.index;
}

export async function analyzeShard(options: ShardOptions, deps: AnalyzeDeps): Promise<ShardResult> {
  const { shard } = options;
  if (options.cascade)
    throw new Error('--shard cannot run a cascade yet (its sampling rates depend on the whole input)');
  const base = options.storeDir ?? (deps.engine.storesResults ? defaultStorePaths().dir : undefined);
  const decisionsFile = options.exportDecisions && shardDecisionsPath(options.exportDecisions, shard);
  const shardOptions: AnalyzeOptions = {
    ...options,
    storeDir: base !== undefined ? shardStoreDir(base, shard) : undefined,
    exportDecisions: decisionsFile || undefined,
  };
  return withRunSetup(shardOptions, deps, (setup) =>
    inStagedFolder(options.outDir, async (dir) => {
      const writer = new RecordsWriter(dir);
      const belongs = inShard(shard);
      let records: PartialState['records'] | undefined;
      let run: Awaited<ReturnType<typeof accumulateRun>>;
      try {
        run = await accumulateRun(shardOptions, deps, setup, dir, {
          includes: belongs,
          onRecord: (position, record) => writer.add(position, record),
        });
      } finally {
        records = writer.close();
      }
      const { classified, counts } = run;
      const keys = new KeyTable();
      const accumulator = writeAccumulator(dir, {
        state: classified.analysis.state(keys),
        keys: keys.keys,
      });
      const state: PartialState = {
        format: PARTIAL_STATE_FORMAT,
        formatVersion: PARTIAL_STATE_VERSION,
        shard,
        settings: settingsOf(options, deps),
        inputs: run.inputs,
        counts: { ...counts, quarantineOmitted: run.quarantineOmitted },
        records,
        accumulator,
        usage: { ...zeroUsage(), ...classified.usage },
        reused: classified.reused,
        invalidStored: classified.invalidStored,
      };
      writeStateHeader(dir, state);
      return {
        partDir: options.outDir,
        shard,
        read: counts.read,
        quarantined: counts.quarantined,
        records: records.count,
        reusedFromStore: classified.reused,
        usage: state.usage,
        decisionsFile: decisionsFile || undefined,
      };
    }),
  );
}

/** The settings a merge checks across shards (and takes for the report). */
export function settingsOf(options: AnalyzeOptions, deps: AnalyzeDeps): PartialSettings {
  const { engine } = deps;
  return {
    affectlensVersion: VERSION,
    seed: options.seed,
    thresholds: options.thresholds ?? { ...DEFAULT_THRESHOLDS },
    engine: {
      name: engine.name,
      model: engine.model,
      promptVersion: engine.promptVersion,
      parameters: { ...engine.parameters },
    },
    period: options.period ?? DEFAULT_PERIOD,
    segmentBy: options.segmentBy ?? null,
    limit: options.limit ?? null,
    sample: options.sample ?? null,
    read: {
      format: options.read?.format ?? 'auto',
      strict: options.read?.strict === true,
      keepGoing: options.keepGoing === true,
    },
    calibration: options.calibration ?? null,
    validation: options.validation ?? engine.accuracy?.() ?? null,
  };
}
