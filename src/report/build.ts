/**
 * buildReport: the analysed conversations (as records, or already accumulated) and the earlier stages'
 * counts in, report.json's content out.
 * Pure and deterministic: no clock, no randomness beyond the seed, so the same input and seed give a
 * byte-identical report.json.
 */

import { accumulateAnalyses } from '../analysis/accumulate.js';
import { reasonsGroup, type TopicGroupId, type TopicTree } from '../cluster/topicTreeTypes.js';
import { rawEstimator } from '../estimate/estimator.js';
import { CATEGORIES } from '../facets/schema.js';
import type { Shown, Suppressed } from '../privacy/thresholds.js';
import { type GatedTopicTree, gateShownTree, type TreeGateCounts } from '../privacy/topicTrees.js';
import { describeEstimation } from './estimation.js';
import type { ReportInput } from './reportInput.js';
import { ProvenanceSchema, REPORT_SCHEMA_VERSION, type Report } from './reportSchema.js';

export function buildReport(input: ReportInput): Report {
  const { thresholds } = input;
  const treeCounts: TreeGateCounts = { treesWithheld: 0, nodesRemoved: 0 };
  const gateTree = (t: TopicTree | undefined | null, groupShown: boolean): GatedTopicTree[] =>
    gateShownTree(t, groupShown, thresholds, treeCounts);
  const treeFor = (trees: readonly TopicTree[], group: TopicGroupId) => trees.find((t) => t.group === group);

  const analysis = 'analysis' in input ? input.analysis : accumulateAnalyses(input.records);
  const estimator = input.estimator ?? rawEstimator();
  const results = analysis.results({ counts: input.counts, thresholds, seed: input.seed, estimator });
  const { funnel: figuresFunnel, prevalence: prev, perUser: figuresUsers, ...rest } = results;
  // A cascade's figures come from its verified conversations; the log as a whole (what was read, who
  // the users are) from its screen, which saw every conversation.
  const whole = estimator.method === 'cascade' ? input.screening : undefined;
  const f = whole ? { ...whole.funnel(input.counts), ...analysis.funnelStages(estimator) } : figuresFunnel;
  const users = whole ? whole.perUserFigures(thresholds) : figuresUsers;
  const screening =
    input.screening && estimator.method !== 'raw' ? input.screening.prevalenceFigures(thresholds) : undefined;
  const { read: _read, quarantined: _quarantined, ...funnelRest } = f;
  const { pushback: pbAll, sentimentChange: scAll, longConversations: longAll, ...figures } = rest;
  const { suppressed: pbSuppressed, ...pb } = pbAll;
  const { suppressed: scSuppressed, ...sc } = scAll;
  const { suppressed: longSuppressed, ...long } = longAll;
  // Any other figure goes into report.json as the analysis gave it, its suppression count added below.
  const more = withoutCounts(figures);

  // A tree is shown only under a shown, non-empty figure of its group: an empty group is shown as a
  // zero, and a tree that does not match it must not stand in for a figure that was withheld.
  const shown = (g: Suppressed | Shown<{ count: number }> | Shown<{ n: number }>) =>
    !g.suppressed && ('count' in g ? g.count : g.n) > 0;
  const topics = CATEGORIES.flatMap((c, i) => gateTree(treeFor(input.topics, c), shown(prev.categories[i])));
  const reasonTopics = CATEGORIES.flatMap((c, i) =>
    gateTree(treeFor(input.reasonTopics, reasonsGroup(c)), shown(pb.categories[i])),
  );
  // The long tree may hold all long conversations or only the affective ones: it is shown when its
  // total is the count of a shown figure, so it never reveals one that was withheld (or contradicts a zero).
  const total = input.longTopics?.total;
  const longShown =
    (!long.all.suppressed && total === long.all.count) ||
    (!long.affective.suppressed && total === long.affective.count);
  const longTopics = gateTree(input.longTopics, longShown)[0] ?? null;

  const suppressedHere =
    treeCounts.treesWithheld +
    prev.suppressed +
    pbSuppressed +
    scSuppressed +
    longSuppressed +
    (users?.suppressed ?? 0) +
    (screening?.suppressed ?? 0) +
    more.suppressed;

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    funnel: {
      read: f.read,
      quarantined: f.quarantined,
      quarantineReasons: sortedRecord(input.counts.quarantineReasons),
      duplicateIds: input.counts.duplicateIds ?? 0,
      ...funnelRest,
    },
    prevalence: {
      n: prev.n,
      affective: prev.affective,
      categories: prev.categories,
      ...(screening
        ? { screening: { affective: screening.affective, categories: screening.categories } }
        : {}),
    },
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
    estimation: describeEstimation({
      estimator,
      engine: input.provenance.engine,
      calibration: input.calibration,
      cascade: input.cascade,
    }),
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
