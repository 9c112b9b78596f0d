/**
 * One run, end to end: read → extract facets (through the run store) → analyse → cluster + privacy
 * gates → report. The stages live in runStages.ts (accumulateRun, then finishRun: the same two halves
 * a sharded run splits across machines, see src/shard/); this file only takes the store's lock and
 * writes into a staging folder that replaces the report folder once the report is complete.
 */
import { expandInputs } from '../conversation/read.js';
import { DEFAULT_THRESHOLDS } from '../privacy/thresholds.js';
import { stageReportFolder } from '../report/writeReport.js';
import { purgeStore, storeFor } from '../store/paths.js';
import { lockStore } from '../store/storeLock.js';
import { decisionsPathProblem } from './decisions.js';
import {
  type AnalyzeDeps,
  type AnalyzeOptions,
  type AnalyzeResult,
  accumulateRun,
  finishRun,
  type RunSetup,
} from './runStages.js';

export type {
  AccumulatedRun,
  AnalyzeDeps,
  AnalyzeOptions,
  AnalyzeProgress,
  AnalyzeResult,
  RunSetup,
} from './runStages.js';

export async function analyzeLogs(options: AnalyzeOptions, deps: AnalyzeDeps): Promise<AnalyzeResult> {
  return withRunSetup(options, deps, (setup) =>
    inStagedFolder(
      options.outDir,
      async (dir) => finishRun(await accumulateRun(options, deps, setup, dir), options, deps, setup, dir),
      () => {
        // Per-conversation results and the embeddings of their summaries: both sensitive.
        if (options.purgeStore && setup.storePaths) purgeStore(setup.storePaths);
      },
    ),
  );
}

/**
 * Expands the inputs, checks the decisions path, and holds the run store's lock (one run per store at
 * a time, from before it is read until the run's output is written: a second run waits, then reuses
 * everything this one paid for, see storeLock.ts) while `body` runs.
 */
export async function withRunSetup<T>(
  options: AnalyzeOptions,
  deps: AnalyzeDeps,
  body: (setup: RunSetup) => Promise<T>,
): Promise<T> {
  const t0 = deps.now();
  const { engine } = deps;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const files = await expandInputs(options.inputs);
  const decisionsProblem =
    options.exportDecisions && decisionsPathProblem(options.exportDecisions, { ...options, inputs: files });
  if (decisionsProblem) throw new Error(decisionsProblem);
  const storePaths = storeFor(engine, options.storeDir);
  const lock =
    storePaths &&
    (await lockStore(storePaths.dir, {
      onWait: (message) => deps.log(message),
      onTakeOver: (message) => deps.log(message),
    }));
  try {
    return await body({ t0, engine, thresholds, files, storePaths });
  } finally {
    lock?.release();
  }
}

/**
 * Runs `body` on a staging folder that replaces `outDir` only once `body` has written everything:
 * a failed or killed run leaves the previous folder as it was.
 */
export async function inStagedFolder<T>(
  outDir: string,
  body: (dir: string) => Promise<T>,
  afterCommit?: () => void,
): Promise<T> {
  const staging = stageReportFolder(outDir);
  let committed = false;
  try {
    const result = await body(staging.dir);
    staging.commit();
    committed = true;
    afterCommit?.();
    return result;
  } finally {
    if (!committed) staging.discard();
  }
}
