/**
 * The privacy rules of the longitudinal figures: a small segment or period, and one dominated by a
 * single heavy user, is withheld, and no difference of shown numbers gives it back (complementary
 * suppression); per-user figures are distributions over users, never a user's row.
 */
import { describe, expect, it } from 'vitest';
import { accumulateAnalyses } from '../../src/analysis/accumulate.js';
import type { AnalysisRecord } from '../../src/analysis/record.js';
import { noDependencyCues } from '../../src/facets/dependencyCues.js';
import type { Category } from '../../src/facets/schema.js';
import { DEFAULT_THRESHOLDS } from '../../src/privacy/thresholds.js';
import { buildReport } from '../../src/report/build.js';
import { reportJson } from '../../src/report/writeReport.js';
import { longitudinalInput } from '../helpers/longitudinalFixture.js';
import { fixtureInput, record } from '../helpers/reportFixture.js';

function conv(
  id: string,
  user: string,
  opts: { segment?: string; month?: number; categories?: Category[]; human?: number } = {},
): AnalysisRecord {
  const r = record(id, { user, categories: opts.categories ?? [], human: opts.human ?? 3 });
  if (opts.segment !== undefined) r.segment = opts.segment;
  r.createdAt = `2025-${String((opts.month ?? 0) + 1).padStart(2, '0')}-10T12:00:00Z`;
  return r;
}

const results = (records: AnalysisRecord[], segmentBy?: string) =>
  accumulateAnalyses(records, { period: 'month', segmentBy }).results({
    counts: { read: records.length, quarantined: 0 },
    thresholds: DEFAULT_THRESHOLDS,
    seed: 1,
  });

describe('segments', () => {
  /** Three segments: two large ones and a small one that is one heavy user's. */
  function log(): AnalysisRecord[] {
    const out: AnalysisRecord[] = [];
    for (let i = 0; i < 600; i++)
      out.push(
        conv(`a${i}`, `ua${i % 60}`, { segment: 'large', categories: i % 10 === 0 ? ['coaching'] : [] }),
      );
    for (let i = 0; i < 300; i++)
      out.push(
        conv(`b${i}`, `ub${i % 30}`, { segment: 'medium', categories: i % 6 === 0 ? ['counseling'] : [] }),
      );
    for (let i = 0; i < 40; i++)
      out.push(conv(`h${i}`, 'heavy', { segment: 'tiny', categories: ['companionship'], human: 20 }));
    return out;
  }

  it('withholds a segment made of one heavy user, and the next smallest with it', () => {
    const s = results(log(), 'model').segments;
    if (!s.available) throw new Error('not available');
    expect(s.segments.map((x) => x.segment)).toEqual(['large']);
    expect(s.withheld).toBe(2);
  });

  it('leaves nothing that a difference of shown numbers could give back about that user', () => {
    const recs = log();
    const r = results(recs, 'model');
    const s = r.segments;
    if (!s.available) throw new Error('not available');
    const shown = s.segments.flatMap((x) =>
      x.conversations.suppressed ? [] : [x.conversations.conversations],
    );
    const shownAffective = s.segments.flatMap((x) => (x.affective.suppressed ? [] : [x.affective.count]));
    // The whole log's figures are shown elsewhere: what they leave over is the tiny and the medium segment
    // together, 340 conversations of 31 users, in which the heavy user is a minority.
    const restConversations = r.prevalence.n - shown.reduce((a, b) => a + b, 0);
    expect(restConversations).toBe(340);
    expect(40 / restConversations).toBeLessThan(0.5);
    // Among affective conversations the heavy user's 40 would outweigh the medium segment's 50 from 5
    // users, so the large segment's affective figures are withheld too: the remainder is all 150.
    const restAffective = r.prevalence.affective.count - shownAffective.reduce((a, b) => a + b, 0);
    expect(restAffective).toBe(150);
    expect(40 / restAffective).toBeLessThan(0.5);
    // No figure names or sizes the tiny segment.
    const json = JSON.stringify(s);
    expect(json).not.toContain('tiny');
    expect(json).not.toContain('medium');
  });

  it('withholds a segment with enough users when one of them holds most of its conversations', () => {
    const recs = log().filter((r) => r.segment !== 'tiny');
    for (let i = 0; i < 60; i++)
      recs.push(conv(`d${i}`, i < 48 ? 'dominant' : `ud${i % 6}`, { segment: 'dominated' }));
    for (let i = 0; i < 200; i++) recs.push(conv(`c${i}`, `uc${i % 25}`, { segment: 'other' }));
    const s = results(recs, 'model').segments;
    if (!s.available) throw new Error('not available');
    // 'dominated' has 7 users (enough) but one of them wrote 48 of its 60 conversations.
    expect(s.segments.map((x) => x.segment)).not.toContain('dominated');
    expect(s.segments.map((x) => x.segment)).toContain('large');
  });

  it('prints a segment value that looks like personal data under a neutral label', () => {
    const recs: AnalysisRecord[] = [];
    for (let i = 0; i < 200; i++)
      recs.push(conv(`e${i}`, `ue${i % 20}`, { segment: 'jane.doe@example.com' }));
    for (let i = 0; i < 200; i++) recs.push(conv(`f${i}`, `uf${i % 20}`, { segment: 'web' }));
    for (let i = 0; i < 200; i++) recs.push(conv(`g${i}`, `ug${i % 20}`, { segment: 'ios' }));
    const s = results(recs, 'app').segments;
    if (!s.available) throw new Error('not available');
    expect(JSON.stringify(s)).not.toContain('example.com');
    expect(s.segments.map((x) => x.segment)).toContain('web');
    expect(s.segments.some((x) => x.segment.includes('label withheld'))).toBe(true);
  });
});

describe('periods', () => {
  it('withholds a month that is one heavy user, and another with it', () => {
    const recs: AnalysisRecord[] = [];
    for (let m = 0; m < 3; m++)
      for (let i = 0; i < 200 + 50 * m; i++)
        recs.push(
          conv(`m${m}-${i}`, `u${m}-${i % 25}`, { month: m, categories: i % 8 === 0 ? ['coaching'] : [] }),
        );
    for (let i = 0; i < 30; i++)
      recs.push(conv(`x${i}`, 'heavy', { month: 5, categories: ['companionship'] }));
    const t = results(recs).overTime;
    if (!t.available) throw new Error('not available');
    const june = t.periods.find((p) => p.period === '2025-06')!;
    expect(june.conversations.suppressed).toBe(true);
    expect(june.affective.suppressed).toBe(true);
    const shown = t.periods.filter((p) => !p.conversations.suppressed).map((p) => p.period);
    expect(shown).toEqual(['2025-02', '2025-03']);
  });
});

describe('drift', () => {
  it('withholds a transition of one user, and enough others that no shown rate isolates it', () => {
    const recs: AnalysisRecord[] = [];
    const long = (id: string, user: string, first: Category[], last: Category[]) => {
      const r = conv(id, user, { categories: first, human: 15 });
      r.facets.drift = { first, last };
      return r;
    };
    for (let i = 0; i < 120; i++) recs.push(long(`s${i}`, `u${i % 30}`, ['coaching'], ['coaching']));
    for (let i = 0; i < 40; i++) recs.push(long(`c${i}`, `v${i % 12}`, ['counseling'], ['counseling']));
    for (let i = 0; i < 30; i++) recs.push(long(`k${i}`, `w${i % 10}`, ['counseling'], ['companionship']));
    for (let i = 0; i < 6; i++) recs.push(long(`o${i}`, 'one', ['coaching'], ['companionship']));
    const d = results(recs).drift;
    if (!d.available) throw new Error('not available');
    const cell = (from: string, to: string) => d.transitions.find((t) => t.from === from && t.to === to)!;
    expect(cell('coaching', 'companionship').suppressed).toBe(true);
    // Every shown number, and every difference of them, leaves the one user's six mixed with others.
    const shownInto = [cell('counseling', 'companionship')].filter((c) => !c.suppressed);
    const into = d.intoCompanionship;
    if (!into.suppressed && shownInto.length > 0) {
      const rest = into.count - shownInto.reduce((s, c) => s + (c.suppressed ? 0 : c.conversations), 0);
      expect(rest).not.toBe(6);
    }
    const changed = d.changed;
    if (!changed.suppressed) {
      const offDiagonal = d.transitions.filter((t) => t.from !== t.to && !t.suppressed);
      const rest = changed.count - offDiagonal.reduce((s, c) => s + (c.suppressed ? 0 : c.conversations), 0);
      expect(rest).not.toBe(6);
    }
  });
});

describe('per-user figures', () => {
  it('hold no user id and no row per user', () => {
    const report = reportJson(buildReport(longitudinalInput()));
    for (const id of ['heavy-0', 'heavy-7', 'solo', 'u17']) expect(report).not.toContain(`"${id}"`);
    const r = buildReport(longitudinalInput());
    if (!r.users.available) throw new Error('not available');
    expect(r.users.affectiveShare.buckets).toHaveLength(5);
    expect(r.users.concentration.lorenz.suppressed || r.users.concentration.lorenz.points.length === 11).toBe(
      true,
    );
  });

  it('withhold the concentration and the power users when a handful of users make them', () => {
    const recs: AnalysisRecord[] = [];
    for (let i = 0; i < 40; i++) recs.push(conv(`p${i}`, `u${i % 4}`, { categories: ['companionship'] }));
    const r = results(recs);
    if (!r.users.available) throw new Error('not available');
    expect(r.users.concentration.lorenz.suppressed).toBe(true);
    expect(r.users.concentration.gini.suppressed).toBe(true);
    expect(r.users.powerUsers.group.suppressed).toBe(true);
    expect(
      r.users.powerUsers.categoryMix.every((m) => m.powerUsers.suppressed && m.everyone.suppressed),
    ).toBe(true);
  });

  it('withhold a dependency cue that only one user states, even in a large group', () => {
    const recs: AnalysisRecord[] = [];
    for (let i = 0; i < 200; i++) {
      const r = conv(`q${i}`, i < 12 ? 'leaner' : `u${i % 40}`, { categories: ['companionship'] });
      r.facets.dependency = { ...noDependencyCues(), mainSupport: i < 12, seeksApproval: i % 7 === 0 };
      recs.push(r);
    }
    const d = results(recs).dependency;
    if (!d.available) throw new Error('not available');
    const all = d.allAffective;
    if (all.suppressed) throw new Error('not shown');
    const cue = (c: string) => all.cues.find((x) => x.cue === c)!;
    expect(cue('mainSupport').suppressed).toBe(true);
    expect(cue('seeksApproval').suppressed).toBe(false);
    expect(cue('lossDistress').suppressed).toBe(false);
  });
});

describe('logs without user ids or timestamps', () => {
  it('say "not available" with the reason, and the report still builds and renders', async () => {
    const input = fixtureInput();
    input.records = input.records.map((r) => ({ ...r, userId: undefined }));
    const r = buildReport(input);
    expect(r.perUser).toBeNull();
    expect(r.users).toEqual({ available: false, reason: expect.stringContaining('no user ids') });
    expect(r.overTime).toEqual({ available: false, reason: expect.stringContaining('timestamp') });
    expect(r.segments).toEqual({ available: false, reason: expect.stringContaining('--segment-by') });
    expect(r.drift.available).toBe(false);
    expect(r.dependency.available).toBe(false);
    const { renderHtml } = await import('../../src/report/html.js');
    const page = await renderHtml(r);
    for (const id of ['users', 'power-users', 'over-time', 'segments', 'drift', 'dependency']) {
      const section = page.slice(
        page.indexOf(`<section id="${id}"`),
        page.indexOf('</section>', page.indexOf(`<section id="${id}"`)),
      );
      expect(section, id).toContain('Not available for this log');
    }
  });

  it('a log with user ids but no timestamps has users but no periods and no returning users', () => {
    const r = buildReport(fixtureInput());
    if (!r.users.available) throw new Error('users should be available');
    expect(r.users.returning).toEqual({ available: false, reason: expect.stringContaining('timestamp') });
    expect(r.overTime.available).toBe(false);
  });
});
