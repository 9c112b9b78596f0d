/**
 * One run, end to end: read → extract facets (through the run store) → analyse → cluster + privacy
 * gates → report. Each stage is its own module; this file only composes them and keeps the counts
 * that must reconcile (read = analysed + excluded + quarantined).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ClusterDeps } from '../cluster/clusterTopics.js';
import { expandInputs } from '../conversation/read.js';
import type { Calibration } from '../estimate/calibrated.js';
import type { Deps, FacetEngine } from '../facets/engine.js';
import type { Usage } from '../llm/usage.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../privacy/thresholds.js';
import { buildReport } from '../report/build.js';
import type { Provenance } from '../report/reportInput.js';
import { writeReport } from '../report/writeReport.js';
import { purgeStore, storeFor } from '../store/paths.js';
import { classifyWithCascade } from './cascade.js';
import { type Classification, classifyOnce } from './classify.js';
import { clusterDepsFor } from './clusterDeps.js';
import { DecisionsExport, decisionsPathProblem } from './decisions.js';
import { type ExtractOptions, openResultStore } from './extract.js';
import { type IngestOptions, IngestTally, QuarantineCount, selectConversations } from './ingest.js';
import { describeRun } from './provenance.js';
import { QuarantineLog } from './quarantineLog.js';
import { clusterTopicGroups } from './topicGroups.js';

export interface AnalyzeOptions extends IngestOptions, ExtractOptions {
  inputs: string[];
  outDir: string;
  thresholds?: Thresholds;
  /**
   * Folder of the run store (per-conversation results, embeddings, batch state): kept OUT of the
   * report folder, because its contents are sensitive. Default: `.affectlens/store` for engines whose
   * answers are worth storing (LLM engines), none otherwise.
   */
  storeDir?: string;
  /** Delete the run store's results and cached embeddings after the report is written. */
  purgeStore?: boolean;
  /** OpenAI-compatible embeddings endpoint for the topic stage (offline embeddings otherwise). */
  embeddings?: { baseUrl: string; model: string };
  /** Accuracy figures to quote instead of the engine's own (from `affectlens validate`). */
  validation?: Provenance['validation'];
  /** Also write every conversation's decision here (.jsonl or .parquet, outside `outDir`): see decisions.ts. */
  exportDecisions?: string;
  /**
   * Cascade (see cascade.ts): `deps.screen` (the offline engine) screens every conversation and
   * `deps.engine` (an LLM engine) verifies the candidates and seeded samples of the rest.
   */
  cascade?: { verifyRate?: number };
  /**
   * Error rates of the engine measured on labelled conversations: shares are corrected for them
   * (calibrated estimates). Ignored by a cascade, whose verifier supplies the labels.
   */
  calibration?: Calibration;
}

export interface AnalyzeDeps extends Deps {
  engine: FacetEngine;
  /** The cascade's screen (the offline engine); required with `options.cascade`. */
  screen?: FacetEngine;
  /** Embedder, namer and auditor for the topic stage; offline ones (or the engine's model) by default. */
  cluster?: ClusterDeps;
  onProgress?: (p: AnalyzeProgress) => void;
}

export interface AnalyzeProgress {
  stage: 'read+facets' | 'cluster' | 'report';
  conversations: number;
  quarantined: number;
  elapsedMs: number;
  /** Input bytes consumed and in total (on disk), for the ETA. */
  bytesRead: number;
  totalBytes: number;
}

export interface AnalyzeResult {
  outDir: string;
  files: string[];
  read: number;
  analysed: number;
  excluded: number;
  quarantined: number;
  errors: number;
  reusedFromStore: number;
  usage: Usage;
}

export async function analyzeLogs(options: AnalyzeOptions, deps: AnalyzeDeps): Promise<AnalyzeResult> {
  const t0 = deps.now();
  const { engine } = deps;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  mkdirSync(options.outDir, { recursive: true });
  const files = await expandInputs(options.inputs);
  const decisionsProblem =
    options.exportDecisions && decisionsPathProblem(options.exportDecisions, { ...options, inputs: files });
  if (decisionsProblem) throw new Error(decisionsProblem);
  const storePaths = storeFor(engine, options.storeDir);
  const quarantine = new QuarantineLog(join(options.outDir, 'quarantine.jsonl'));
  const tally = new IngestTally(files, quarantine);
  const progress = (stage: AnalyzeProgress['stage']) =>
    deps.onProgress?.({
      stage,
      conversations: tally.read - quarantine.count,
      quarantined: quarantine.count,
      elapsedMs: deps.now() - t0,
      bytesRead: tally.bytesRead,
      totalBytes: tally.totalBytes,
    });

  // Answers that cost nothing to recompute are not kept in memory once written.
  const store = storePaths && openResultStore(storePaths.results, { retainWritten: engine.storesResults });
  const decisions = options.exportDecisions
    ? new DecisionsExport(options.exportDecisions, engine)
    : undefined;
  let classified: Classification;
  try {
    classified = options.cascade
      ? await classifyWithCascade(
          // The first pass reads (and quarantines); later passes read the same conversations again.
          (pass) =>
            selectConversations(pass === 1 ? tally : new IngestTally(files, new QuarantineCount()), options),
          screenFor(deps),
          engine,
          store,
          {
            ...options,
            verifyRate: options.cascade.verifyRate,
            thresholds,
            onProgress: () => progress('read+facets'),
            decisions,
          },
        )
      : await classifyOnce(selectConversations(tally, options), engine, store, {
          ...options,
          onBatch: () => progress('read+facets'),
          decisions,
        });
    if (decisions) {
      await decisions.close();
      deps.log(
        `warning: ${decisions.file} holds per-conversation data (${decisions.rows} decisions; user ids hashed, no message text): keep it as private as the logs`,
      );
    }
  } catch (err) {
    decisions?.abort();
    throw err;
  } finally {
    quarantine.close();
    store?.close();
  }

  progress('cluster');
  const clusterDeps = deps.cluster ?? clusterDepsFor(engine, { ...options, store: storePaths ?? undefined });
  const groups = await clusterTopicGroups(classified.analysis.topicCandidates(), clusterDeps, thresholds);

  progress('report');
  const provenance = await describeRun({
    ...options,
    engine,
    tally,
    usage: classified.usage,
    thresholds,
    auditor: clusterDeps.auditor,
    cascade: classified.cascade,
  });
  const counts = { read: tally.read, quarantined: quarantine.count, quarantineReasons: quarantine.reasons() };
  const report = buildReport({
    ...classified,
    counts,
    ...groups,
    thresholds,
    seed: options.seed,
    provenance,
  });
  await writeReport(options.outDir, report);
  // Per-conversation results and the embeddings of their summaries: both sensitive.
  if (options.purgeStore && storePaths) purgeStore(storePaths);

  const errors = report.funnel.errors;
  return {
    outDir: options.outDir,
    files,
    read: tally.read,
    analysed: report.funnel.analysed,
    excluded: report.funnel.excluded,
    quarantined: quarantine.count,
    errors,
    reusedFromStore: classified.reused,
    usage: classified.usage,
  };
}

/** The offline screen a cascade needs, from the deps. */
function screenFor(deps: AnalyzeDeps): FacetEngine {
  if (!deps.screen) throw new Error('a cascade needs a screening engine (deps.screen: the offline engine)');
  return deps.screen;
}
