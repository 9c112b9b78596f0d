/**
 * `affectlens merge PART_DIR... --out REPORT_DIR`: checks that the partial states belong to one run
 * (same version, settings and inputs; every shard 0 … N-1 exactly once), absorbs their saved
 * accumulator states into one AnalysisAccumulator (or, when those cannot be merged exactly, folds
 * their records in the order of their positions in the input), and finishes the run as a single
 * process would (runStages.finishRun: clustering, thresholds, naming, audit, report). The report
 * equals the single run's on the same input and seed.
 */

import { copyFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisAccumulator } from '../analysis/accumulate.js';
import type { Period } from '../analysis/periods.js';
import type { AnalysisRecord } from '../analysis/record.js';
import { SegmentsNotMergeable } from '../analysis/segments.js';
import { addUsage, zeroUsage } from '../llm/usage.js';
import { inStagedFolder } from '../pipeline/analyze.js';
import { classificationOf } from '../pipeline/classify.js';
import type { AccumulatedRun, AnalyzeDeps, AnalyzeOptions, AnalyzeResult } from '../pipeline/runStages.js';
import { finishRun } from '../pipeline/runStages.js';
import type { ReportLanguage } from '../report/i18n/reportLanguage.js';
import { storeFor } from '../store/paths.js';
import { lockStore } from '../store/storeLock.js';
import { readAccumulator, type SavedAccumulator } from './accumulatorFiles.js';
import {
  type PartialState,
  PartialStateError,
  QUARANTINE_FILE,
  readRecords,
  readStateHeader,
  verifyRecords,
} from './partialState.js';
import { shardName } from './shardKey.js';

export interface MergeOptions {
  parts: string[];
  outDir: string;
  /** Run store for cluster names and embeddings paid for (LLM engines); default as analyze. */
  storeDir?: string;
  embeddings?: { baseUrl: string; model: string };
  /** Language of report.html's words (default English); report.json is the same in every language. */
  reportLang?: ReportLanguage;
}

export interface MergeResult extends AnalyzeResult {
  shards: number;
}

interface Part {
  dir: string;
  state: PartialState;
}

/** Reads every header and checks they make one run; returns them in shard order. */
export function checkParts(dirs: readonly string[]): Part[] {
  if (dirs.length === 0) throw new PartialStateError('merge needs at least one partial state folder');
  const parts = dirs.map((dir) => ({ dir, state: readStateHeader(dir) }));
  const first = parts[0];
  const label = (p: Part) => `${p.dir} (shard ${shardName(p.state.shard)})`;
  for (const p of parts.slice(1)) {
    const problem = firstMismatch(first.state, p.state);
    if (problem)
      throw new PartialStateError(
        `partial states of different runs: ${problem.field} is ${show(problem.a)} in ${label(first)} but ${show(problem.b)} in ${label(p)}`,
      );
  }
  const count = first.state.shard.count;
  const byIndex = new Map<number, Part>();
  for (const p of parts) {
    const seen = byIndex.get(p.state.shard.index);
    if (seen)
      throw new PartialStateError(`shard ${shardName(p.state.shard)} given twice: ${seen.dir} and ${p.dir}`);
    byIndex.set(p.state.shard.index, p);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    throw new PartialStateError(
      `missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} (run analyze --shard ${missing[0]}/${count} and pass its folder)`,
    );
  return Array.from({ length: count }, (_, i) => byIndex.get(i)!);
}

/** The first setting in which two states differ, in a fixed order. */
function firstMismatch(
  a: PartialState,
  b: PartialState,
): { field: string; a: unknown; b: unknown } | undefined {
  const sa = a.settings;
  const sb = b.settings;
  const fields: [string, unknown, unknown][] = [
    ['affectlens version', sa.affectlensVersion, sb.affectlensVersion],
    ['number of shards', a.shard.count, b.shard.count],
    ['seed', sa.seed, sb.seed],
    ['thresholds', sa.thresholds, sb.thresholds],
    ['engine', sa.engine.name, sb.engine.name],
    ['model', sa.engine.model, sb.engine.model],
    ['prompt version', sa.engine.promptVersion, sb.engine.promptVersion],
    ['engine parameters', sa.engine.parameters, sb.engine.parameters],
    ['period', sa.period, sb.period],
    ['segment-by', sa.segmentBy, sb.segmentBy],
    ['limit', sa.limit, sb.limit],
    ['sample', sa.sample, sb.sample],
    ['read options', sa.read, sb.read],
    ['calibration', sa.calibration, sb.calibration],
    ['validation', sa.validation, sb.validation],
    ['inputs', a.inputs, b.inputs],
    ['records read', a.counts, b.counts],
  ];
  for (const [field, x, y] of fields) if (canonical(x) !== canonical(y)) return { field, a: x, b: y };
  return undefined;
}

/** JSON with object keys sorted (equal settings written by different code paths compare equal). */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x as Record<string, unknown>).sort(([p], [q]) => (p < q ? -1 : 1)))
      : x,
  );
}

function show(v: unknown): string {
  const s = canonical(v) ?? 'none';
  return s.length > 120 ? `${s.slice(0, 117)}…` : s;
}

/** Every part's records, in position order (an N-way merge of the sorted shard files). */
export async function* mergedRecords(parts: readonly Part[]): AsyncGenerator<AnalysisRecord> {
  const its = parts.map((p) => readRecords(p.dir, p.state));
  const heads = await Promise.all(its.map((it) => it.next()));
  let last = -1;
  for (;;) {
    let k = -1;
    for (let j = 0; j < heads.length; j++) {
      const h = heads[j];
      if (!h.done && (k < 0 || h.value[0] < (heads[k].value as [number, AnalysisRecord])[0])) k = j;
    }
    if (k < 0) return;
    const [position, record] = heads[k].value as [number, AnalysisRecord];
    if (position === last)
      throw new PartialStateError(
        `position ${position} is in two shards (${parts[k].dir} and another): states of different partitions`,
      );
    last = position;
    yield record;
    heads[k] = await its[k].next();
  }
}

/**
 * The shards' analyses as one: their accumulator states absorbed one shard at a time (memory: the
 * merged state plus one shard's), or — when they cannot be merged exactly (SegmentsNotMergeable) —
 * their records folded in position order.
 */
export async function mergedAnalyses(
  parts: readonly Part[],
  log: (line: string) => void = () => {},
): Promise<AnalysisAccumulator> {
  const { settings } = parts[0].state;
  const fresh = () =>
    new AnalysisAccumulator({
      period: settings.period as Period,
      segmentBy: settings.segmentBy ?? undefined,
    });
  const analysis = fresh();
  try {
    for (const p of parts) {
      let saved: SavedAccumulator;
      try {
        saved = readAccumulator(p.dir, p.state.accumulator);
      } catch (err) {
        throw new PartialStateError(`${(err as Error).message} (shard ${shardName(p.state.shard)})`);
      }
      analysis.absorb(saved.state, saved.keys);
    }
    return analysis;
  } catch (err) {
    if (!(err instanceof SegmentsNotMergeable)) throw err;
    log(`merge: ${err.message}; folding the shards' records instead`);
  }
  for (const p of parts) await verifyRecords(p.dir, p.state);
  const folded = fresh();
  for await (const record of mergedRecords(parts)) folded.add(record);
  return folded;
}

export async function mergeShards(options: MergeOptions, deps: AnalyzeDeps): Promise<MergeResult> {
  const t0 = deps.now();
  const parts = checkParts(options.parts);
  const { settings, counts, inputs } = parts[0].state;
  const { engine } = deps;
  for (const [field, want, got] of [
    ['engine', settings.engine.name, engine.name],
    ['model', settings.engine.model, engine.model],
    ['prompt version', settings.engine.promptVersion, engine.promptVersion],
  ] as const)
    if (want !== got)
      throw new PartialStateError(
        `the shards ran ${field} ${want}, the merge has ${got} (merge with --engine/--model as the shards)`,
      );

  const analysis = await mergedAnalyses(parts, deps.log);
  const usage = zeroUsage();
  let reused = 0;
  let invalidStored = 0;
  for (const p of parts) {
    addUsage(usage, p.state.usage);
    reused += p.state.reused;
    invalidStored += p.state.invalidStored;
  }
  const calibration = settings.calibration ?? undefined;
  const classified = {
    ...classificationOf({ analysis, usage, reused }, { seed: settings.seed, calibration }),
    invalidStored,
  };
  const bytes = inputs.reduce((s, f) => s + f.bytes, 0);
  const run: AccumulatedRun = {
    classified,
    counts: {
      read: counts.read,
      quarantined: counts.quarantined,
      quarantineReasons: counts.quarantineReasons,
      duplicateIds: counts.duplicateIds,
    },
    inputs,
    quarantineOmitted: counts.quarantineOmitted,
    files: inputs.map((f) => f.file),
    bytesRead: bytes,
    totalBytes: bytes,
  };
  const analyzeOptions: AnalyzeOptions = {
    inputs: [],
    outDir: options.outDir,
    seed: settings.seed,
    thresholds: settings.thresholds,
    limit: settings.limit ?? undefined,
    sample: settings.sample ?? undefined,
    validation: settings.validation ?? undefined,
    calibration,
    period: settings.period as Period,
    segmentBy: settings.segmentBy ?? undefined,
    embeddings: options.embeddings,
    storeDir: options.storeDir,
    reportLang: options.reportLang,
  };
  const storePaths = storeFor(engine, options.storeDir);
  const lock = storePaths && (await lockStore(storePaths.dir, { onWait: deps.log, onTakeOver: deps.log }));
  try {
    const result = await inStagedFolder(options.outDir, async (dir) => {
      const quarantine = join(parts[0].dir, QUARANTINE_FILE);
      if (existsSync(quarantine)) copyFileSync(quarantine, join(dir, QUARANTINE_FILE));
      else writeFileSync(join(dir, QUARANTINE_FILE), '');
      return finishRun(
        run,
        analyzeOptions,
        deps,
        { t0, engine, thresholds: settings.thresholds, storePaths },
        dir,
      );
    });
    return { ...result, shards: parts.length };
  } finally {
    lock?.release();
  }
}
