/**
 * One run, end to end: read → extract facets (through the run store) → analyse → cluster + privacy
 * gates → report. Each stage is its own module; this file only composes them and keeps the counts
 * that must reconcile (read = analysed + excluded + quarantined).
 */
import { join } from 'node:path';
import type { Period } from '../analysis/periods.js';
import type { ClusterDeps } from '../cluster/clusterTopics.js';
import { parseTopicGroup, type TopicGroupId } from '../cluster/topicTreeTypes.js';
import { expandInputs } from '../conversation/read.js';
import type { Calibration } from '../estimate/calibrated.js';
import type { Deps, FacetEngine } from '../facets/engine.js';
import type { Usage } from '../llm/usage.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../privacy/thresholds.js';
import { buildReport } from '../report/build.js';
import type { ReportLanguage } from '../report/i18n/reportLanguage.js';
import type { Provenance } from '../report/reportInput.js';
import { stageReportFolder, writeReport } from '../report/writeReport.js';
import { purgeStore, type StorePaths, storeFor } from '../store/paths.js';
import { lockStore } from '../store/storeLock.js';
import { classifyLog } from './classifyLog.js';
import { clusterDepsFor, openNameStore } from './clusterDeps.js';
import { decisionsPathProblem } from './decisions.js';
import type { ExtractOptions } from './extract.js';
import { type IngestOptions, IngestTally } from './ingest.js';
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
  /** Period of the over-time figures (default: month). */
  period?: Period;
  /** Metadata field to show every headline figure by (Conversation.metadata; a dotted path reaches inside). */
  segmentBy?: string;
  /** Language of report.html's words (default English); report.json and the CSVs are the same in every language. */
  reportLang?: ReportLanguage;
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
  /** read+facets, then cluster (one update per topic group), then report, then done. */
  stage: 'read+facets' | 'cluster' | 'report' | 'done';
  /** What the stage is doing now, e.g. which topic group is being clustered. */
  detail?: string;
  conversations: number;
  quarantined: number;
  elapsedMs: number;
  /** Input bytes consumed and in total (on disk), for the ETA. */
  bytesRead: number;
  totalBytes: number;
  /** With --limit: the most conversations the run will read (the ETA follows it, not the file size). */
  limit?: number;
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
  /** Stored answers that were not valid results (wrong shape, damaged): asked again, not trusted. */
  invalidStored: number;
  /** Conversations whose id repeated one read earlier in the run (each analysed; a warning). */
  duplicateIds: number;
  /** Quarantined records counted but not listed one per line in quarantine.jsonl (over the cap). */
  quarantineOmitted: number;
  usage: Usage;
}

export async function analyzeLogs(options: AnalyzeOptions, deps: AnalyzeDeps): Promise<AnalyzeResult> {
  const t0 = deps.now();
  const { engine } = deps;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  const files = await expandInputs(options.inputs);
  const decisionsProblem =
    options.exportDecisions && decisionsPathProblem(options.exportDecisions, { ...options, inputs: files });
  if (decisionsProblem) throw new Error(decisionsProblem);
  const storePaths = storeFor(engine, options.storeDir);
  // One run per store at a time, from before it is read until the report is written: a second run
  // waits, then reuses everything this one paid for (see storeLock.ts).
  const lock =
    storePaths &&
    (await lockStore(storePaths.dir, {
      onWait: (message) => deps.log(message),
      onTakeOver: (message) => deps.log(message),
    }));
  try {
    return await analyzeLocked(options, deps, { t0, engine, thresholds, files, storePaths });
  } finally {
    lock?.release();
  }
}

interface RunSetup {
  t0: number;
  engine: FacetEngine;
  thresholds: Thresholds;
  files: string[];
  storePaths: StorePaths | null;
}

async function analyzeLocked(
  options: AnalyzeOptions,
  deps: AnalyzeDeps,
  { t0, engine, thresholds, files, storePaths }: RunSetup,
): Promise<AnalyzeResult> {
  // Everything is written into a staging folder and moved into place only once the report is
  // complete: a failed or killed run leaves the previous report folder as it was.
  const staging = stageReportFolder(options.outDir);
  let committed = false;
  try {
    const result = await runStages(options, deps, { t0, engine, thresholds, files, storePaths }, staging.dir);
    staging.commit();
    committed = true;
    // Per-conversation results and the embeddings of their summaries: both sensitive.
    if (options.purgeStore && storePaths) purgeStore(storePaths);
    return result;
  } finally {
    if (!committed) staging.discard();
  }
}

async function runStages(
  options: AnalyzeOptions,
  deps: AnalyzeDeps,
  { t0, engine, thresholds, files, storePaths }: RunSetup,
  outDir: string,
): Promise<AnalyzeResult> {
  const quarantine = new QuarantineLog(join(outDir, 'quarantine.jsonl'));
  const tally = new IngestTally(files, quarantine);
  const progress = (stage: AnalyzeProgress['stage'], detail?: string) =>
    deps.onProgress?.({
      stage,
      ...(detail !== undefined ? { detail } : {}),
      conversations: tally.read - quarantine.count,
      quarantined: quarantine.count,
      elapsedMs: deps.now() - t0,
      bytesRead: tally.bytesRead,
      totalBytes: tally.totalBytes,
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
    });

  let classified: Awaited<ReturnType<typeof classifyLog>>;
  try {
    classified = await classifyLog(tally, { ...options, thresholds }, { ...deps, storePaths }, () =>
      progress('read+facets'),
    );
  } finally {
    quarantine.close();
  }
  if (tally.ids.repeats > 0)
    deps.log(
      `warning: ${tally.ids.repeats} conversation(s) repeat the id of one read earlier (the same log read twice?); each was analysed as read`,
    );

  progress(
    'cluster',
    `${classified.analysis.retained.toLocaleString('en-US')} affective or very long conversations to cluster`,
  );
  // Names and audit ratings paid for are stored as they come back, so a rerun pays for none again.
  const names = storePaths && engine.llm && !deps.cluster ? openNameStore(storePaths.clusterNames) : null;
  let groups: Awaited<ReturnType<typeof clusterTopicGroups>>;
  let clusterDeps: ClusterDeps;
  try {
    clusterDeps =
      deps.cluster ??
      clusterDepsFor(engine, { ...options, store: storePaths ?? undefined, names: names ?? undefined });
    groups = await clusterTopicGroups(
      classified.analysis.topicCandidates(),
      clusterDeps,
      thresholds,
      (group, n) => progress('cluster', `${groupWords(group)} (${conversationCount(n)})`),
    );
  } finally {
    names?.close();
  }

  progress('report', 'figures, privacy gates, report.html and CSV tables');
  const provenance = await describeRun({
    ...options,
    engine,
    tally,
    usage: classified.usage,
    thresholds,
    auditor: clusterDeps.auditor,
    cascade: classified.cascade,
  });
  const counts = {
    read: tally.read,
    quarantined: quarantine.count,
    quarantineReasons: quarantine.reasons(),
    duplicateIds: tally.ids.repeats,
  };
  const report = buildReport({
    ...classified,
    counts,
    ...groups,
    thresholds,
    seed: options.seed,
    provenance,
  });
  await writeReport(outDir, report, { lang: options.reportLang });
  progress('done');

  return {
    outDir: options.outDir,
    files,
    read: tally.read,
    analysed: report.funnel.analysed,
    excluded: report.funnel.excluded,
    quarantined: quarantine.count,
    errors: report.funnel.errors,
    reusedFromStore: classified.reused,
    invalidStored: classified.invalidStored,
    duplicateIds: tally.ids.repeats,
    quarantineOmitted: quarantine.omitted,
    usage: classified.usage,
  };
}

/** A topic group in the words a progress line uses. */
function groupWords(group: TopicGroupId): string {
  const g = parseTopicGroup(group);
  if (!g || g.kind === 'long') return 'topics of very long conversations';
  const category = g.category.replace(/_/g, ' ');
  return g.kind === 'reasons' ? `pushback reasons in ${category}` : `topics in ${category}`;
}

const conversationCount = (n: number) => `${n.toLocaleString('en-US')} conversation${n === 1 ? '' : 's'}`;
