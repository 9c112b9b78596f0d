/**
 * One run, end to end: read → extract facets (through the run store) → analyse → cluster + privacy
 * gates → report. Each stage is its own module; this file only composes them and keeps the counts
 * that must reconcile (read = analysed + excluded + quarantined).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AnalysisAccumulator } from '../analysis/accumulate.js';
import type { Period } from '../analysis/periods.js';
import type { ClusterDeps } from '../cluster/clusterTopics.js';
import { expandInputs } from '../conversation/read.js';
import type { Deps, FacetEngine } from '../facets/engine.js';
import { addUsage, type Usage, zeroUsage } from '../llm/usage.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../privacy/thresholds.js';
import { buildReport } from '../report/build.js';
import type { Provenance } from '../report/reportInput.js';
import { writeReport } from '../report/writeReport.js';
import { purgeStore, storeFor } from '../store/paths.js';
import { clusterDepsFor } from './clusterDeps.js';
import { analysisRecordOf, extrasOf } from './conversationExtras.js';
import { DecisionsExport, decisionsPathProblem } from './decisions.js';
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
  /** Also write every conversation's decision here (.jsonl or .parquet, outside `outDir`): see decisions.ts. */
  exportDecisions?: string;
  /** Period of the over-time figures (default: month). */
  period?: Period;
  /** Metadata field to show every headline figure by (Conversation.metadata; a dotted path reaches inside). */
  segmentBy?: string;
}

export interface AnalyzeDeps extends Deps {
  engine: FacetEngine;
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

  // Each conversation is folded into the analyses as its facets come back; only the affective and
  // long ones are kept (for the topic stages), so memory does not grow with the other conversations.
  const analysis = new AnalysisAccumulator({ period: options.period, segmentBy: options.segmentBy });
  // Per-part categories come from the offline rules only for an engine without a model of its own.
  const extrasOptions = { segmentBy: options.segmentBy, partCategories: engine.llm === undefined };
  const usage = zeroUsage();
  // Answers that cost nothing to recompute are not kept in memory once written.
  const store = storePaths && openResultStore(storePaths.results, { retainWritten: engine.storesResults });
  let reused = 0;
  const decisions = options.exportDecisions
    ? new DecisionsExport(options.exportDecisions, engine)
    : undefined;
  try {
    ({ reused } = await extractAll(
      selectConversations(tally, options),
      engine,
      store,
      {
        ...options,
        keepConversations: decisions !== undefined,
        extrasOf: (c) => extrasOf(c, extrasOptions),
      },
      (refs, results) => {
        results.forEach((r, i) => {
          addUsage(usage, r.usage);
          const { conversation } = refs[i];
          if (decisions && conversation) decisions.add(conversation, r);
          analysis.add(analysisRecordOf(refs[i], r.facets));
        });
        progress('read+facets');
      },
    ));
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
  const groups = await clusterTopicGroups(analysis.topicCandidates(), clusterDeps, thresholds);

  progress('report');
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
