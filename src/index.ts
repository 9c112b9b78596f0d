/**
 * affectlens as a library: the same stages the CLI runs, importable by name.
 *
 *   import { analyzeLogs, createEngine, defaultDeps } from 'affectlens';
 *   const engine = await createEngine('offline');
 *   await analyzeLogs({ inputs: ['logs.jsonl'], outDir: 'report', seed: 1 }, { ...defaultDeps(1), engine });
 *
 * Everything exported here is the supported API; deeper imports are internal and may change.
 */

// Reading logs.
export { FORMAT_NAMES, type FormatName, type ReadItem, type ReadOptions } from './conversation/formats.js';
export { type InspectSummary, inspectInputs } from './conversation/inspect.js';
export { type Conversation, ConversationSchema, type Message } from './conversation/model.js';
export type { QuarantineEntry } from './conversation/quarantine.js';
export { readConversationBatches, readConversations } from './conversation/read.js';
export { createEngine, type EngineOptions } from './facets/createEngine.js';
export {
  type Deps,
  defaultDeps,
  ENGINE_NAMES,
  type EngineName,
  type FacetEngine,
  type FacetResult,
} from './facets/engine.js';
// Engines and facets.
export type { EngineAccuracy } from './facets/engineAccuracy.js';
export {
  CATEGORIES,
  type Category,
  CRISIS_KINDS,
  type CrisisKind,
  type Facets,
  FacetsSchema,
  PUSHBACK_REASONS,
  type PushbackReason,
  REFERRALS,
  type Referral,
  SENTIMENT_VALUES,
  type SentimentValue,
  STANCES,
  type Stance,
  type SupportFacets,
  SupportFacetsSchema,
} from './facets/schema.js';
export { type LabelledItem, type ValidationReport, validateFacets } from './facets/validate.js';
export type { Usage } from './llm/usage.js';
// The whole run.
export {
  type AnalyzeDeps,
  type AnalyzeOptions,
  type AnalyzeProgress,
  type AnalyzeResult,
  analyzeLogs,
} from './pipeline/analyze.js';
// Privacy thresholds.
export { DEFAULT_THRESHOLDS, type Thresholds } from './privacy/thresholds.js';
// The report.
export { buildReport } from './report/build.js';
export type { Provenance, ReportInput } from './report/reportInput.js';
export { REPORT_SCHEMA_VERSION, type Report, ReportSchema } from './report/reportSchema.js';
export { type WriteReportOptions, writeReport } from './report/writeReport.js';
// Beyond one machine: shards written as partial states, merged into one report.
export { analyzeShard, type ShardOptions, type ShardResult } from './shard/analyzeShard.js';
export { type MergeOptions, type MergeResult, mergeShards } from './shard/mergeShards.js';
export { PARTIAL_STATE_VERSION, type PartialState } from './shard/partialState.js';
export { parseShardSpec, type ShardSpec } from './shard/shardKey.js';

// Synthetic corpora with known truth.
export { generateConversations, type SynthOptions, type SynthRecord } from './synth/generate.js';

export { VERSION } from './version.js';
