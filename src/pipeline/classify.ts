/**
 * Conversations → classified and folded into the analyses, in one pass through the engine (and the run
 * store). What every run does when it does not cascade; the cascade (cascade.ts) runs it twice.
 */
import { type AccumulatorOptions, AnalysisAccumulator } from '../analysis/accumulate.js';
import type { AnalysisRecord } from '../analysis/record.js';
import type { Conversation } from '../conversation/model.js';
import { type Calibration, calibratedEstimator } from '../estimate/calibrated.js';
import type { CascadeSummary } from '../estimate/cascadeSummary.js';
import { type Estimator, rawEstimator } from '../estimate/estimator.js';
import type { FacetEngine, FacetResult } from '../facets/engine.js';
import { addUsage, type Usage, zeroUsage } from '../llm/usage.js';
import type { RunStore } from '../store/runStore.js';
import { analysisRecordOf, extrasOf } from './conversationExtras.js';
import type { DecisionsExport } from './decisions.js';
import { type ConversationRef, type ExtractOptions, extractAll, type StoredResult } from './extract.js';

/** What the classification stage hands the analyses and the report. */
export interface Classification {
  /** What the report's figures are computed from (a cascade: the verified conversations, by stratum). */
  analysis: AnalysisAccumulator;
  /** How the figures are estimated from it. */
  estimator: Estimator;
  /** The offline engine's own figures, when the report's come from elsewhere or are corrected. */
  screening?: AnalysisAccumulator;
  /** What a cascade did, for the report's estimation section. */
  cascade?: CascadeSummary;
  /** The error rates shares were corrected with (calibrated runs). */
  calibration?: Calibration;
  usage: Required<Usage>;
  /** Answers taken from the run store instead of the engine. */
  reused: number;
}

export interface ClassifyPass {
  analysis: AnalysisAccumulator;
  usage: Required<Usage>;
  reused: number;
}

/**
 * Classifies every conversation of `conversations` with `engine` (through `store`), folding each into
 * the analyses as it comes back. `onResult` sees each result with its conversation's reference first.
 */
export async function classifyPass(
  conversations: AsyncIterable<Conversation>,
  engine: FacetEngine,
  store: RunStore<StoredResult> | null,
  options: ExtractOptions & {
    onBatch?: () => void;
    onResult?: (ref: ConversationRef, result: FacetResult) => void;
    tagOf?: (conversation: Conversation) => number;
    /** The sampling stratum of a conversation, from its reference (a cascade). */
    stratumOf?: (ref: ConversationRef) => number;
    /** Fold into this accumulator (a later pass of the same cascade) instead of a new one. */
    analysisFrom?: AnalysisAccumulator;
    /** Sees each record as it is folded in (a shard writes them to its partial state). */
    onRecord?: (ref: ConversationRef, record: AnalysisRecord) => void;
    /** Fold each record at its tag's position (a part of a log, whose accumulator state is merged later). */
    positioned?: boolean;
  } & AccumulatorOptions,
): Promise<ClassifyPass> {
  const analysis =
    options.analysisFrom ?? new AnalysisAccumulator({ period: options.period, segmentBy: options.segmentBy });
  // Per-part categories come from the offline rules only for an engine without a model of its own.
  const extrasOptions = { segmentBy: options.segmentBy, partCategories: engine.llm === undefined };
  const usage = zeroUsage();
  const { reused } = await extractAll(
    conversations,
    engine,
    store,
    { ...options, extrasOf: (c) => extrasOf(c, extrasOptions) },
    (refs, results) => {
      results.forEach((r, i) => {
        addUsage(usage, r.usage);
        const ref = refs[i];
        options.onResult?.(ref, r);
        const record = analysisRecordOf(ref, r.facets, options.stratumOf?.(ref));
        options.onRecord?.(ref, record);
        analysis.add(record, options.positioned ? ref.tag : undefined);
      });
      options.onBatch?.();
    },
    options.tagOf,
  );
  return { analysis, usage, reused };
}

export interface ClassifyOnceOptions extends ExtractOptions, AccumulatorOptions {
  seed: number;
  /** Tags each conversation (its position among all selected ones: a shard's records carry it). */
  tagOf?: (conversation: Conversation) => number;
  /** Sees each record as it is folded in. */
  onRecord?: (ref: ConversationRef, record: AnalysisRecord) => void;
  /** Fold each record at its tag's position (see classifyPass). */
  positioned?: boolean;
  onBatch?: () => void;
  /** Every decision is also written here (see decisions.ts). */
  decisions?: DecisionsExport;
  /** The engine's measured error rates: shares are corrected for them. */
  calibration?: Calibration;
}

/** The usual run: every conversation classified by one engine; figures raw, or calibrated when rates are given. */
export async function classifyOnce(
  conversations: AsyncIterable<Conversation>,
  engine: FacetEngine,
  store: RunStore<StoredResult> | null,
  options: ClassifyOnceOptions,
): Promise<Classification> {
  const { decisions } = options;
  const pass = await classifyPass(conversations, engine, store, {
    ...options,
    keepConversations: decisions !== undefined,
    onResult: decisions ? (ref, r) => ref.conversation && decisions.add(ref.conversation, r) : undefined,
  });
  return classificationOf(pass, options);
}

/**
 * One engine's pass as the report takes it: figures raw, or calibrated when rates are given. The
 * single run and the merge of shards (src/shard/) both finish through here.
 */
export function classificationOf(
  pass: ClassifyPass,
  options: { seed: number; calibration?: Calibration },
): Classification {
  const estimator = options.calibration
    ? calibratedEstimator(options.calibration, { seed: options.seed })
    : rawEstimator();
  return {
    analysis: pass.analysis,
    estimator,
    // The raw figures stay visible beside the corrected ones.
    screening: options.calibration ? pass.analysis : undefined,
    calibration: options.calibration,
    usage: pass.usage,
    reused: pass.reused,
  };
}
