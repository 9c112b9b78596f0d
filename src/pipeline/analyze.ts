/**
 * One run, end to end: read → extract facets (through the run store) → analyse → cluster + privacy
 * gates → report. Each stage is its own module; this file only composes them and keeps the counts
 * that must reconcile (read = analysed + excluded + quarantined).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisAccumulator } from '../analysis/accumulate.js';
import type { ClusterDeps } from '../cluster/clusterTopics.js';
import { parseTopicGroup, type TopicGroupId } from '../cluster/topicTreeTypes.js';
import { expandInputs } from '../conversation/read.js';
import type { Deps, FacetEngine } from '../facets/engine.js';
import { addUsage, type Usage, zeroUsage } from '../llm/usage.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../privacy/thresholds.js';
import { buildReport } from '../report/build.js';
import type { Provenance } from '../report/reportInput.js';
import { writeReport } from '../report/writeReport.js';
import { purgeStore, storeFor } from '../store/paths.js';
import { clusterDepsFor } from './clusterDeps.js';
import { type ExtractOptions, extractAll, openResultStore } from './extract.js';
import { type IngestOptions, IngestTally, selectConversations } from './ingest.js';
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
}

export interface AnalyzeDeps extends Deps {
  engine: FacetEngine;
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
  usage: Usage;
}

export async function analyzeLogs(options: AnalyzeOptions, deps: AnalyzeDeps): Promise<AnalyzeResult> {
  const t0 = deps.now();
  const { engine } = deps;
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  mkdirSync(options.outDir, { recursive: true });
  const files = await expandInputs(options.inputs);
  const storePaths = storeFor(engine, options.storeDir);
  const quarantine = new QuarantineLog(join(options.outDir, 'quarantine.jsonl'));
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

  // Each conversation is folded into the analyses as its facets come back; only the affective and
  // long ones are kept (for the topic stages), so memory does not grow with the other conversations.
  const analysis = new AnalysisAccumulator();
  const usage = zeroUsage();
  // Answers that cost nothing to recompute are not kept in memory once written.
  const store = storePaths && openResultStore(storePaths.results, { retainWritten: engine.storesResults });
  let reused = 0;
  try {
    ({ reused } = await extractAll(
      selectConversations(tally, options),
      engine,
      store,
      options,
      (refs, results) => {
        results.forEach((r, i) => {
          addUsage(usage, r.usage);
          const { id, userId } = refs[i];
          analysis.add({
            conversationId: id,
            userId,
            humanMessages: r.facets.humanMessages,
            facets: r.facets,
          });
        });
        progress('read+facets');
      },
    ));
  } finally {
    quarantine.close();
    store?.close();
  }

  progress(
    'cluster',
    `${analysis.retained.toLocaleString('en-US')} affective or very long conversations to cluster`,
  );
  const clusterDeps = deps.cluster ?? clusterDepsFor(engine, { ...options, store: storePaths ?? undefined });
  const groups = await clusterTopicGroups(analysis.topicCandidates(), clusterDeps, thresholds, (group, n) =>
    progress('cluster', `${groupWords(group)} (${conversationCount(n)})`),
  );

  progress('report', 'figures, privacy gates, report.html and CSV tables');
  const provenance = await describeRun({
    ...options,
    engine,
    tally,
    usage,
    thresholds,
    auditor: clusterDeps.auditor,
  });
  const counts = { read: tally.read, quarantined: quarantine.count, quarantineReasons: quarantine.reasons() };
  await writeReport(
    options.outDir,
    buildReport({ analysis, counts, ...groups, thresholds, seed: options.seed, provenance }),
  );
  // Per-conversation results and the embeddings of their summaries: both sensitive.
  if (options.purgeStore && storePaths) purgeStore(storePaths);
  progress('done');

  const errors = analysis.errors;
  return {
    outDir: options.outDir,
    files,
    read: tally.read,
    analysed: analysis.records - errors,
    excluded: tally.excluded + errors,
    quarantined: quarantine.count,
    errors,
    reusedFromStore: reused,
    usage,
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
