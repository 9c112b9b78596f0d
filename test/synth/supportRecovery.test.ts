/**
 * Synthetic truth for the support facets (issue 17) → offline engine → figures near the truth: per
 * conversation, each facet agrees with the planted truth on at least 90 % of conversations, and the
 * per-group rates the report shows are within a few points of the truth's own figures.
 *
 * Read with care: the truth labels templates the rules were written against (src/synth/supportTruth.ts),
 * so this checks that the rules, the generator and the figures fit together, not how the rules do on
 * real traffic (docs/codebook-additions.md §8-10 says what is and is not measured).
 */
import { describe, expect, it } from 'vitest';
import { accumulateAnalyses } from '../../src/analysis/accumulate.js';
import type { AnalysisRecord } from '../../src/analysis/record.js';
import { rawEstimator } from '../../src/estimate/estimator.js';
import { offlineFacets } from '../../src/facets/offline/facets.js';
import type { Facets } from '../../src/facets/schema.js';
import { DEFAULT_THRESHOLDS } from '../../src/privacy/thresholds.js';
import { generateConversations } from '../../src/synth/generate.js';

const corpus = [
  ...generateConversations({
    n: 3000,
    seed: 17,
    affectiveShare: 0.3,
    users: 600,
    support: { crisisShare: 0.15, validationShare: 0.15 },
  }),
];
const engine = corpus.map(({ conversation }) => offlineFacets(conversation));

function records(facets: (i: number) => Facets): AnalysisRecord[] {
  return corpus.map(({ conversation }, i) => ({
    conversationId: conversation.id,
    userId: conversation.userId,
    humanMessages: facets(i).humanMessages,
    facets: facets(i),
  }));
}

type Groups = {
  group: string;
  suppressed: boolean;
  n?: number;
  cells?: { key: string; suppressed: boolean; rate?: number }[];
}[];

function figures(rs: AnalysisRecord[]) {
  const r = accumulateAnalyses(rs).results({
    counts: { read: rs.length, quarantined: 0 },
    thresholds: DEFAULT_THRESHOLDS,
    seed: 1,
    estimator: rawEstimator(),
  });
  if (!r.referral.available || !r.crisis.available || !r.stance.available) throw new Error('not available');
  return {
    referral: r.referral.groups as Groups,
    crisis: r.crisis.groups as Groups,
    stance: r.stance.stance as Groups,
    validates: r.stance.validatesHarmful as Groups,
  };
}

describe('support facets on synthetic truth', () => {
  it('the offline engine agrees with the planted truth on at least 90 % of conversations, per facet', () => {
    const agree = { referral: 0, crisis: 0, stance: 0, validatesHarmful: 0 };
    corpus.forEach(({ truth }, i) => {
      const s = engine[i].support!;
      const t = truth.support;
      if (s.referral === t.referral) agree.referral++;
      if (s.crisisKind === t.crisisKind && s.crisis === t.crisis) agree.crisis++;
      if (s.stance === t.stance) agree.stance++;
      if (s.validatesHarmful === t.validatesHarmful) agree.validatesHarmful++;
    });
    for (const [facet, k] of Object.entries(agree))
      expect(k / corpus.length, facet).toBeGreaterThanOrEqual(0.9);
    // The corpus has enough of each for the check to mean something.
    const planted = corpus.map((c) => c.truth.support);
    expect(planted.filter((t) => t.crisis).length).toBeGreaterThan(100);
    expect(planted.filter((t) => t.referral !== 'none').length).toBeGreaterThan(200);
    expect(planted.filter((t) => t.validatesHarmful).length).toBeGreaterThan(40);
  });

  it('the report figures from the engine are within 3 points of the truth (stance: 8)', () => {
    const truth = figures(records((i) => ({ ...engine[i], support: corpus[i].truth.support })));
    const found = figures(records((i) => engine[i]));
    let compared = 0;
    for (const key of ['referral', 'crisis', 'stance', 'validates'] as const) {
      for (const g of truth[key]) {
        const f = found[key].find((x) => x.group === g.group);
        if (g.suppressed || !f || f.suppressed || (g.n ?? 0) < 100) continue;
        for (const c of g.cells ?? []) {
          const d = f.cells?.find((x) => x.key === c.key);
          if (c.suppressed || !d || d.suppressed) continue;
          // Stance is the hard one: pushback the engine misses reads as neutral (see the codebook note).
          const tolerance = key === 'stance' ? 0.08 : 0.03;
          const gap = Math.abs((d.rate ?? 0) - (c.rate ?? 0));
          expect(gap, `${key} ${g.group} ${c.key}`).toBeLessThanOrEqual(tolerance);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
  });
});
