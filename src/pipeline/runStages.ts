/**
 * The two halves of a run. accumulateRun reads and classifies the input (or one part of it: a shard)
 * and folds every record into the analyses; finishRun clusters the topics, applies the privacy gates
 * and writes the report. A single run calls one after the other; a sharded run writes what
 * accumulateRun returns to a partial state per shard and a merge rebuilds it (src/shard/), then calls
 * the same finishRun.
 */
import { join } from 'node:path';
import type { Period } from '../analysis/periods.js';
import type { ClusterDeps } from '../cluster/clusterTopics.js';
import { parseTopicGroup, type TopicGroupId } from '../cluster/topicTreeTypes.js';
import type { Calibration } from '../estimate/calibrated.js';
import type { Deps, FacetEngine } from '../facets/engine.js';
import type { Usage } from '../llm/usage.js';
import type { Thresholds } from '../privacy/thresholds.js';
import { buildReport } from '../report/build.js';
import type { ReportLanguage } from '../report/i18n/reportLanguage.js';
import type { Provenance } from '../report/reportInput.js';
import { writeReport } from '../report/writeReport.js';
import type { StorePaths } from '../store/paths.js';
import type { Classification } from './classify.js';
import { type ConversationSubset, classifyLog } from './classifyLog.js';
import { clusterDepsFor, openNameStore } from './clusterDeps.js';
import type { ExtractOptions } from './extract.js';
import { type IngestOptions, IngestTally } from './ingest.js';
import { describeInputs, describeRun } from './provenance.js';
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

/** What a run holds between reading and clustering: everything the report needs besides the topics. */
export interface AccumulatedRun {
  classified: Classification & { invalidStored: number };
  counts: {
    read: number;
    quarantined: number;
    quarantineReasons: Record<string, number>;
    duplicateIds: number;
  };
  inputs: Provenance['inputs'];
  quarantineOmitted: number;
  files: string[];
  /** Input bytes read and in total (progress lines only). */
  bytesRead: number;
  totalBytes: number;
}

export interface RunSetup {
  t0: number;
  engine: FacetEngine;
  thresholds: Thresholds;
  files: string[];
  storePaths: StorePaths | null;
}

type Progress = (stage: AnalyzeProgress['stage'], detail?: string) => void;

function progressOf(
  options: { limit?: number },
  deps: AnalyzeDeps,
  t0: number,
  source: () => { conversations: number; quarantined: number; bytesRead: number; totalBytes: number },
): Progress {
  return (stage, detail) =>
    deps.onProgress?.({
      stage,
      ...(detail !== undefined ? { detail } : {}),
      ...source(),
      elapsedMs: deps.now() - t0,
      ...(options.limit !== undefined ? { limit: options.limit } : {}),
    });
}

/** Reads and classifies (the part `subset` names, or everything), writing quarantine.jsonl into `outDir`. */
export async function accumulateRun(
  options: AnalyzeOptions,
  deps: AnalyzeDeps,
  { t0, engine, thresholds, files, storePaths }: RunSetup,
  outDir: string,
  subset?: ConversationSubset,
): Promise<AccumulatedRun> {
  const quarantine = new QuarantineLog(join(outDir, 'quarantine.jsonl'));
  const tally = new IngestTally(files, quarantine);
  const progress = progressOf(options, deps, t0, () => ({
    conversations: tally.read - quarantine.count,
    quarantined: quarantine.count,
    bytesRead: tally.bytesRead,
    totalBytes: tally.totalBytes,
  }));
  let classified: AccumulatedRun['classified'];
  try {
    classified = await classifyLog(
      tally,
      { ...options, thresholds, subset },
      { ...deps, engine, storePaths },
      () => progress('read+facets'),
    );
  } finally {
    quarantine.close();
  }
  if (tally.ids.repeats > 0)
    deps.log(
      `warning: ${tally.ids.repeats} conversation(s) repeat the id of one read earlier (the same log read twice?); each was analysed as read`,
    );
  return {
    classified,
    counts: {
      read: tally.read,
      quarantined: quarantine.count,
      quarantineReasons: quarantine.reasons(),
      duplicateIds: tally.ids.repeats,
    },
    inputs: await describeInputs(tally),
    quarantineOmitted: quarantine.omitted,
    files,
    bytesRead: tally.bytesRead,
    totalBytes: tally.totalBytes,
  };
}

/** Clusters, gates and writes the report of an accumulated run into `outDir`. */
export async function finishRun(
  run: AccumulatedRun,
  options: AnalyzeOptions,
  deps: AnalyzeDeps,
  { t0, engine, thresholds, storePaths }: Omit<RunSetup, 'files'>,
  outDir: string,
): Promise<AnalyzeResult> {
  const { classified, counts } = run;
  const progress = progressOf(options, deps, t0, () => ({
    conversations: counts.read - counts.quarantined,
    quarantined: counts.quarantined,
    bytesRead: run.bytesRead,
    totalBytes: run.totalBytes,
  }));
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
    inputs: run.inputs,
    usage: classified.usage,
    thresholds,
    auditor: clusterDeps.auditor,
    cascade: classified.cascade,
  });
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
    files: run.files,
    read: counts.read,
    analysed: report.funnel.analysed,
    excluded: report.funnel.excluded,
    quarantined: counts.quarantined,
    errors: report.funnel.errors,
    reusedFromStore: classified.reused,
    invalidStored: classified.invalidStored,
    duplicateIds: counts.duplicateIds,
    quarantineOmitted: run.quarantineOmitted,
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
