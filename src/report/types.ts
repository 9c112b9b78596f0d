/** What buildReport needs: the analysed records plus everything the earlier stages counted. */
import type { AnalysisRecord } from '../analysis/record.js';
import type { PrivacyGateCounts, TopicTree } from '../cluster/types.js';
import type { Thresholds } from '../privacy/thresholds.js';
import type { Report } from './schema.js';

export type Provenance = Report['provenance'];
export type ValidationSummary = NonNullable<Provenance['validation']>;

export interface ReportInput {
  records: AnalysisRecord[];
  counts: { read: number; quarantined: number; quarantineReasons: Record<string, number> };
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
}

export type { Report };
