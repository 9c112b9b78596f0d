/**
 * buildReport: the analysed conversations (as records, or already accumulated) and the earlier stages'
 * counts in, report.json's content out.
 * Pure and deterministic: no clock, no randomness beyond the seed, so the same input and seed give a
 * byte-identical report.json.
 */

import { accumulateAnalyses } from '../analysis/accumulate.js';
import { gateTopicTree } from '../analysis/topics.js';
import type { TopicTree } from '../cluster/types.js';
import { CATEGORIES } from '../facets/schema.js';
import { ProvenanceSchema, REPORT_SCHEMA_VERSION, type Report } from './schema.js';
import type { ReportInput } from './types.js';

export function buildReport(input: ReportInput): Report {
  const { thresholds } = input;
  let suppressedHere = 0;
  let topicNodesRemoved = 0;
  /**
   * A tree is shown only when the group it describes is shown elsewhere in the report: its `total`
   * is a count of that group, so a tree for a suppressed category would leak the suppressed number.
   */
  const gateTree = (t: TopicTree | undefined, groupShown: boolean): TopicTree[] => {
    if (!t) return [];
    if (!groupShown || t.total < thresholds.minConversations) {
      suppressedHere++;
      return [];
    }
    const g = gateTopicTree(t, thresholds);
    topicNodesRemoved += g.suppressed;
    return [g.tree];
  };
  const treeFor = (trees: readonly TopicTree[], group: string) => trees.find((t) => t.group === group);

  const analysis = 'analysis' in input ? input.analysis : accumulateAnalyses(input.records);
  const results = analysis.results({ counts: input.counts, thresholds, seed: input.seed });
  const f = results.funnel;
  const { read: _read, quarantined: _quarantined, ...funnelRest } = f;
  const prev = results.prevalence;
  const { suppressed: pbSuppressed, ...pb } = results.pushback;
  const { suppressed: scSuppressed, ...sc } = results.sentimentChange;
  const { suppressed: longSuppressed, ...long } = results.longConversations;
  const users = results.perUser;

  const shown = (rows: readonly { suppressed: boolean }[], i: number) => !rows[i].suppressed;
  const topics = CATEGORIES.flatMap((c, i) => gateTree(treeFor(input.topics, c), shown(prev.categories, i)));
  const reasonTopics = CATEGORIES.flatMap((c, i) =>
    gateTree(treeFor(input.reasonTopics, `pushback_reasons:${c}`), shown(pb.categories, i)),
  );
  // The long tree may hold all long conversations (its total is then the shown count) or only affective ones.
  const longShown =
    (!long.all.suppressed && input.longTopics?.total === long.all.count) || !long.affective.suppressed;
  const longTopics = gateTree(input.longTopics ?? undefined, longShown)[0] ?? null;

  suppressedHere += prev.suppressed + pbSuppressed + scSuppressed + longSuppressed + (users?.suppressed ?? 0);

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    funnel: {
      read: f.read,
      quarantined: f.quarantined,
      quarantineReasons: sortedRecord(input.counts.quarantineReasons),
      ...funnelRest,
    },
    prevalence: { n: prev.n, affective: prev.affective, categories: prev.categories },
    topics,
    longConversations: { ...long, topics: longTopics },
    pushback: { ...pb, reasonTopics },
    sentimentChange: { ...sc, seed: input.seed },
    perUser: users
      ? {
          users: users.users,
          usersWithAffective: users.usersWithAffective,
          concentration: users.concentration,
        }
      : null,
    privacy: {
      thresholds: { ...thresholds },
      gatesRun: [...input.provenance.gatesRun],
      gates: {
        ...input.gates,
        clustersMergedByThreshold: input.gates.clustersMergedByThreshold + topicNodesRemoved,
        numbersSuppressedByThreshold: input.gates.numbersSuppressedByThreshold + suppressedHere,
      },
    },
    // Parsing drops keys the schema does not know, so report.json always validates against it.
    provenance: ProvenanceSchema.parse(input.provenance),
  };
}

/** Object keys in a fixed order, so the JSON does not depend on the order reasons were first seen. */
function sortedRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
