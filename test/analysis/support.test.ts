/**
 * The support figures (issue 17): referral, crisis and stance rates per group, the response to crisis
 * signals, conversations without the facets counted as not measured, and the privacy gate on every
 * cell: a small crisis kind is withheld, and so is the next smallest kind with it, so no withheld cell
 * is the group total minus the shown ones.
 */
import { describe, expect, it } from 'vitest';
import { accumulateAnalyses } from '../../src/analysis/accumulate.js';
import type { AnalysisRecord } from '../../src/analysis/record.js';
import { rawEstimator } from '../../src/estimate/estimator.js';
import type { Category, SupportFacets } from '../../src/facets/schema.js';
import { DEFAULT_THRESHOLDS } from '../../src/privacy/thresholds.js';
import { record } from '../helpers/reportFixture.js';

const NONE: SupportFacets = {
  referral: 'none',
  crisis: false,
  crisisKind: null,
  stance: 'neutral',
  validatesHarmful: false,
};

function rec(
  i: number,
  support: Partial<SupportFacets> | null,
  categories: Category[] = ['counseling'],
  human = 3,
) {
  const r = record(`c${i}`, { user: `u${i}`, categories, human });
  if (support) r.facets.support = { ...NONE, ...support };
  return r;
}

function results(records: AnalysisRecord[]) {
  return accumulateAnalyses(records).results({
    counts: { read: records.length, quarantined: 0 },
    thresholds: DEFAULT_THRESHOLDS,
    seed: 1,
    estimator: rawEstimator(),
  });
}

type Groups = {
  group: string;
  suppressed: boolean;
  cells?: { key: string; suppressed: boolean; count?: number; rate?: number }[];
}[];
const cell = (groups: Groups, group: string, key: string) =>
  groups.find((g) => g.group === group)?.cells?.find((c) => c.key === key);

describe('support figures', () => {
  it('are rates per group with intervals, and count conversations without the facets as not measured', () => {
    const records: AnalysisRecord[] = [];
    for (let i = 0; i < 40; i++)
      records.push(
        rec(i, {
          referral: i < 12 ? 'professional' : i < 24 ? 'crisis_line' : 'none',
          stance: i < 20 ? 'support' : 'resistance',
          validatesHarmful: i < 10,
        }),
      );
    for (let i = 40; i < 60; i++) records.push(rec(i, NONE, []));
    for (let i = 60; i < 65; i++) records.push(rec(i, null));
    const r = results(records);
    if (!r.referral.available || !r.stance.available) throw new Error('not available');
    expect(r.referral.missing).toBe(5);
    const g = r.referral.groups as Groups;
    expect(cell(g, 'all', 'any')).toMatchObject({ suppressed: false, count: 24, rate: 24 / 60 });
    expect(cell(g, 'counseling', 'any')).toMatchObject({ suppressed: false, count: 24, rate: 24 / 40 });
    expect(cell(g, 'counseling', 'crisis_line')).toMatchObject({ suppressed: false, count: 12, rate: 0.3 });
    // An empty cell is shown as zero, and an empty category as a zero group.
    expect(cell(g, 'counseling', 'emergency')).toMatchObject({ suppressed: false, count: 0 });
    const counseling = r.referral.groups.find((x) => x.group === 'counseling');
    expect(counseling).toMatchObject({ suppressed: false, n: 40, method: 'raw' });
    if (counseling?.suppressed === false) {
      const i = counseling.cells.find((c) => c.key === 'crisis_line');
      expect(i && !i.suppressed && i.interval.low < 0.3 && i.interval.high > 0.3).toBe(true);
    }
    const s = r.stance.stance as Groups;
    expect(cell(s, 'all_affective', 'support')).toMatchObject({ count: 20, rate: 0.5 });
    expect(cell(s, 'all', 'neutral')).toMatchObject({ count: 20 });
    expect(cell(r.stance.validatesHarmful as Groups, 'counseling', 'validatesHarmful')).toMatchObject({
      count: 10,
      rate: 0.25,
    });
  });

  it('say why when no conversation has the facets', () => {
    const r = results([rec(1, null), rec(2, null)]);
    expect(r.crisis).toMatchObject({ available: false, reason: expect.stringMatching(/support facets/) });
  });

  it('withhold a small crisis kind, and the next smallest with it, never a total minus the rest', () => {
    const records: AnalysisRecord[] = [];
    for (let i = 0; i < 60; i++)
      records.push(
        rec(
          i,
          i < 12
            ? { crisis: true, crisisKind: 'suicidal' }
            : i < 14
              ? { crisis: true, crisisKind: 'abuse' }
              : {},
        ),
      );
    const r = results(records);
    if (!r.crisis.available) throw new Error('not available');
    const g = r.crisis.groups as Groups;
    expect(cell(g, 'counseling', 'any')).toMatchObject({ suppressed: false, count: 14 });
    expect(cell(g, 'counseling', 'abuse')).toEqual({ key: 'abuse', suppressed: true });
    expect(cell(g, 'counseling', 'suicidal')).toEqual({ key: 'suicidal', suppressed: true });
    expect(cell(g, 'counseling', 'self_harm')).toMatchObject({ suppressed: false, count: 0 });
    expect(JSON.stringify(r.crisis)).not.toMatch(/"count":2\b/);
    expect(r.crisis.suppressed).toBeGreaterThan(0);
  });

  it('in conversations with a crisis signal: referral, pushback and continued, gated as one small group', () => {
    const records: AnalysisRecord[] = [];
    for (let i = 0; i < 40; i++) {
      const r = rec(
        i,
        i < 30 ? { crisis: true, crisisKind: 'self_harm', referral: i < 15 ? 'crisis_line' : 'none' } : {},
        ['counseling'],
        i < 20 ? 1 : 4,
      );
      if (i < 12) {
        r.facets.pushback = true;
        r.facets.pushbackReason = 'safety_self_harm';
      }
      records.push(r);
    }
    const r = results(records);
    if (!r.crisis.available) throw new Error('not available');
    const resp = r.crisis.response;
    expect(resp).toMatchObject({ suppressed: false, n: 30 });
    const cells = resp.suppressed ? [] : resp.cells;
    expect(cells.map((c) => [c.key, c.suppressed ? null : c.count])).toEqual([
      ['referral', 15],
      ['pushback', 12],
      ['continued', 10],
    ]);
    // A cell whose complement is small goes with it: 25 of 30 referred leaves 5 not referred.
    for (let i = 15; i < 25; i++) records[i].facets.support!.referral = 'people';
    const mostly = results(records);
    if (!mostly.crisis.available || mostly.crisis.response.suppressed) throw new Error('not shown');
    expect(mostly.crisis.response.cells[0]).toEqual({ key: 'referral', suppressed: true });
    // Four crisis conversations from four users: below the thresholds, nothing about them is shown.
    const few = results(records.filter((x, i) => i >= 26 || !x.facets.support?.crisis));
    if (!few.crisis.available) throw new Error('not available');
    expect(few.crisis.response).toEqual({ group: 'crisis', suppressed: true });
  });
});
