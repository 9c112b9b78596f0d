/** What buildReport needs: the analysed conversations plus everything the earlier stages counted. */
import type { AnalysisAccumulator } from '../analysis/accumulate.js';
import type { AnalysisRecord } from '../analysis/record.js';
import type { TopicTree } from '../cluster/topicTreeTypes.js';
import type { Calibration } from '../estimate/calibrated.js';
import type { CascadeSummary } from '../estimate/cascadeSummary.js';
import type { Estimator } from '../estimate/estimator.js';
import type { PrivacyGateCounts } from '../privacy/gateCounts.js';
import type { Thresholds } from '../privacy/thresholds.js';
import type { Report } from './reportSchema.js';

export type Provenance = Report['provenance'];
export type ValidationSummary = NonNullable<Provenance['validation']>;

interface ReportInputBase {
  counts: {
    read: number;
    quarantined: number;
    quarantineReasons: Record<string, number>;
    /** Conversations whose id repeats one read earlier in the run (each was analysed); default 0. */
    duplicateIds?: number;
  };
  /** One tree per category (group = the category name), from the cluster stage. */
  topics: TopicTree[];
  /** Topics of conversations with >= 50 human messages, or null when not clustered. */
  longTopics: TopicTree | null;
  /** Clustered pushback reasons, group = 'pushback_reasons:<category>'. */
  reasonTopics: TopicTree[];
  /** What the earlier gates removed; the report adds the figures it suppresses itself. */
  gates: PrivacyGateCounts;
  thresholds: Thresholds;
  seed: number;
  provenance: Provenance;
  /** How figures are estimated from the analyses (default: raw counts as classified). */
  estimator?: Estimator;
  /** The offline screen's own analyses, when the figures are calibrated or come from a cascade. */
  screening?: AnalysisAccumulator;
  /** What a cascade did. */
  cascade?: CascadeSummary;
  /** The error rates a calibrated run corrected with. */
  calibration?: Calibration;
}

/** The analysed records themselves (tests, small inputs): buildReport folds them in one pass. */
export interface RecordsReportInput extends ReportInputBase {
  records: readonly AnalysisRecord[];
}

/** The analyses already folded conversation by conversation as the facets came back (the pipeline). */
export interface AccumulatedReportInput extends ReportInputBase {
  analysis: AnalysisAccumulator;
}

export type ReportInput = RecordsReportInput | AccumulatedReportInput;

export type { Report };
