/**
 * buildReport: the analysed conversations (as records, or already accumulated) and the earlier stages'
 * counts in, report.json's content out.
 * Pure and deterministic: no clock, no randomness beyond the seed, so the same input and seed give a
 * byte-identical report.json.
 */

import { accumulateAnalyses } from '../analysis/accumulate.js';
import { reasonsGroup, type TopicGroupId, type TopicTree } from '../cluster/topicTreeTypes.js';
import { CATEGORIES } from '../facets/schema.js';
import { type GatedTopicTree, gateShownTree, type TreeGateCounts } from '../privacy/topicTrees.js';
import type { ReportInput } from './reportInput.js';
import { ProvenanceSchema, REPORT_SCHEMA_VERSION, type Report } from './reportSchema.js';

export function buildReport(input: ReportInput): Report {
  const { thresholds } = input;
  const treeCounts: TreeGateCounts = { treesWithheld: 0, nodesRemoved: 0 };
  const gateTree = (t: TopicTree | undefined | null, groupShown: boolean): GatedTopicTree[] =>
    gateShownTree(t, groupShown, thresholds, treeCounts);
  const treeFor = (trees: readonly TopicTree[], group: TopicGroupId) => trees.find((t) => t.group === group);

  const analysis = 'analysis' in input ? input.analysis : accumulateAnalyses(input.records);
  const results = analysis.results({ counts: input.counts, thresholds, seed: input.seed });
  const { funnel: f, prevalence: prev, perUser: users, ...rest } = results;
  const { read: _read, quarantined: _quarantined, ...funnelRest } = f;
  const { pushback: pbAll, sentimentChange: scAll, longConversations: longAll, ...figures } = rest;
  const { suppressed: pbSuppressed, ...pb } = pbAll;
  const { suppressed: scSuppressed, ...sc } = scAll;
  const { suppressed: longSuppressed, ...long } = longAll;
  // Any other figure goes into report.json as the analysis gave it, its suppression count added below.
  const more = withoutCounts(figures);

  const shown = (rows: readonly { suppressed: boolean }[], i: number) => !rows[i].suppressed;
  const topics = CATEGORIES.flatMap((c, i) => gateTree(treeFor(input.topics, c), shown(prev.categories, i)));
  const reasonTopics = CATEGORIES.flatMap((c, i) =>
    gateTree(treeFor(input.reasonTopics, reasonsGroup(c)), shown(pb.categories, i)),
  );
  // The long tree may hold all long conversations (its total is then the shown count) or only affective ones.
  const longShown =
    (!long.all.suppressed && input.longTopics?.total === long.all.count) || !long.affective.suppressed;
  const longTopics = gateTree(input.longTopics, longShown)[0] ?? null;

  const suppressedHere =
    treeCounts.treesWithheld +
    prev.suppressed +
    pbSuppressed +
    scSuppressed +
    longSuppressed +
    (users?.suppressed ?? 0) +
    more.suppressed;

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
    ...more.figures,
    privacy: {
      thresholds: { ...thresholds },
      gatesRun: [...input.provenance.gatesRun],
      gates: {
        ...input.gates,
        clustersMergedByThreshold: input.gates.clustersMergedByThreshold + treeCounts.nodesRemoved,
        numbersSuppressedByThreshold: input.gates.numbersSuppressedByThreshold + suppressedHere,
      },
    },
    // Parsing drops keys the schema does not know, so report.json always validates against it.
    provenance: ProvenanceSchema.parse(input.provenance),
  };
}

type Figures = Record<string, { suppressed: number }>;
/** Omit on each member of a union (a figure that is either available or not). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Figures without their `suppressed` counts (report.json totals them in privacy.gates), and the total. */
function withoutCounts<F extends Figures>(
  figures: F,
): { figures: { [K in keyof F]: OmitEach<F[K], 'suppressed'> }; suppressed: number } {
  let suppressed = 0;
  const out: Record<string, unknown> = {};
  for (const [k, { suppressed: n, ...v }] of Object.entries(figures)) {
    suppressed += n;
    out[k] = v;
  }
  return { figures: out as { [K in keyof F]: OmitEach<F[K], 'suppressed'> }, suppressed };
}

/** Object keys in a fixed order, so the JSON does not depend on the order reasons were first seen. */
function sortedRecord(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
