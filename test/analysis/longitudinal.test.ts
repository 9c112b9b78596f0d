/**
 * Recovery of planted longitudinal structure: synthetic corpora with heavy users, a trend over months,
 * a segment field with its own affective share, drifting conversations and dependency cues, analysed
 * with their truth as facets (what a perfect engine would answer). The figures must find what was
 * planted, within their intervals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type AnalysisResults, accumulateAnalyses } from '../../src/analysis/accumulate.js';
import { isPowerUser } from '../../src/analysis/userFigures.js';
import type { AffectiveUser } from '../../src/analysis/users.js';
import { CATEGORIES, type Category } from '../../src/facets/schema.js';
import { DEFAULT_THRESHOLDS } from '../../src/privacy/thresholds.js';
import {
  DEFAULT_CATEGORY_MIX,
  generateConversations,
  SECONDARY_SHARE,
  type SynthRecord,
} from '../../src/synth/generate.js';
import { branchOf } from '../../src/synth/topicTree.js';
import { truthRecord } from '../helpers/synthRecords.js';

const HEAVY_MIX: Record<Category, number> = {
  interpersonal_advice: 0,
  coaching: 0,
  counseling: 0.5,
  companionship: 0.5,
  romantic_roleplay: 0,
};

/** What share of a heavy user's affective conversations carries each category, by construction. */
function plantedMix(weights: Record<Category, number>): Record<Category, number> {
  const total = CATEGORIES.reduce((s, c) => s + weights[c], 0);
  const out = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  for (const c of CATEGORIES) {
    const w = weights[c] / total;
    if (w === 0) continue;
    out[c] += w;
    const topics = branchOf(c).topics;
    for (const t of topics) if (t.secondary) out[t.secondary] += (w / topics.length) * SECONDARY_SHARE;
  }
  return out;
}

function analyse(records: readonly SynthRecord[], segmentBy?: string): AnalysisResults {
  return accumulateAnalyses(
    records.map((r) => truthRecord(r, segmentBy)),
    { period: 'month', segmentBy },
  ).results({ counts: { read: records.length, quarantined: 0 }, thresholds: DEFAULT_THRESHOLDS, seed: 1 });
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const within = (x: number, i: { low: number; high: number }) => i.low <= x && x <= i.high;

describe('planted users, trend and segments (truth as facets)', () => {
  let recs: SynthRecord[];
  let res: AnalysisResults;
  beforeAll(() => {
    recs = [
      ...generateConversations({
        n: 8000,
        seed: 11,
        users: 7000,
        affectiveShare: 0.06,
        spanDays: 181,
        // No conversation of an ordinary user reaches the power users' 50 messages.
        maxHumanMessages: 40,
        longitudinal: {
          affectiveShareEnd: 0.14,
          heavyUsers: 20,
          heavyShare: 0.06,
          heavyCategoryMix: HEAVY_MIX,
          heavyDependencyShare: 0.6,
          segment: {
            field: 'model',
            values: [
              { value: 'a', weight: 3 },
              { value: 'b', weight: 1, affectiveFactor: 2 },
            ],
          },
        },
      }),
    ];
    res = analyse(recs, 'model');
  });

  /** Power users by the truth: the planted heavy users, and any ordinary user who meets the definition. */
  function truthPowerUsers(): { heavy: Set<string>; power: Set<string>; ordinaryConversations: number } {
    const heavy = new Set(recs.filter((r) => r.truth.heavyUser).map((r) => r.conversation.userId!));
    const byUser = new Map<string, { conversations: number; longest: number }>();
    for (const r of recs) {
      if (r.truth.categories.length === 0 || r.truth.contentCreation) continue;
      const u = byUser.get(r.conversation.userId!) ?? { conversations: 0, longest: 0 };
      u.conversations++;
      u.longest = Math.max(u.longest, r.truth.sentiment.length);
      byUser.set(r.conversation.userId!, u);
    }
    const power = new Set(
      [...byUser].filter(([, u]) => isPowerUser(u as unknown as AffectiveUser)).map(([id]) => id),
    );
    let ordinaryConversations = 0;
    for (const [id, u] of byUser)
      if (power.has(id) && !heavy.has(id)) ordinaryConversations += u.conversations;
    return { heavy, power, ordinaryConversations };
  }

  it('counts every planted heavy user as a power user, and the few ordinary users who qualify', () => {
    const { heavy, power, ordinaryConversations } = truthPowerUsers();
    expect(heavy.size).toBe(20);
    for (const id of heavy) expect(power.has(id)).toBe(true);
    // Heavy users are most of them: ordinary users qualify only by ten affective conversations.
    expect(power.size - heavy.size).toBeLessThan(5);
    const u = res.users;
    if (!u.available || u.powerUsers.group.suppressed) throw new Error('power users not shown');
    expect(u.powerUsers.group.users).toBe(power.size);
    expect(u.powerUsers.group.conversations).toBe(
      recs.filter((r) => r.truth.heavyUser).length + ordinaryConversations,
    );
  });

  it("recovers the power users' planted category mix within its intervals, apart from everyone's", () => {
    // What is planted, given who the power users are: heavy users draw from HEAVY_MIX, the ordinary
    // ones who qualify from the default mix.
    const { ordinaryConversations } = truthPowerUsers();
    const heavyConversations = recs.filter((r) => r.truth.heavyUser).length;
    const heavyMix = plantedMix(HEAVY_MIX);
    const ordinaryMix = plantedMix(DEFAULT_CATEGORY_MIX);
    const planted = Object.fromEntries(
      CATEGORIES.map((c) => [
        c,
        (heavyConversations * heavyMix[c] + ordinaryConversations * ordinaryMix[c]) /
          (heavyConversations + ordinaryConversations),
      ]),
    ) as Record<Category, number>;
    const u = res.users;
    if (!u.available) throw new Error('users not available');
    const checked: Category[] = [];
    for (const m of u.powerUsers.categoryMix) {
      if (planted[m.category] < 0.03) continue;
      if (m.powerUsers.suppressed) throw new Error(`${m.category} withheld`);
      expect(within(planted[m.category], m.powerUsers.interval), m.category).toBe(true);
      checked.push(m.category);
    }
    expect(checked).toEqual(expect.arrayContaining(['interpersonal_advice', 'counseling', 'companionship']));
    const companionship = u.powerUsers.categoryMix.find((m) => m.category === 'companionship')!;
    if (companionship.powerUsers.suppressed || companionship.everyone.suppressed) throw new Error('withheld');
    expect(companionship.powerUsers.interval.low).toBeGreaterThan(companionship.everyone.interval.high);
  });

  it('recovers the planted trend: monthly shares within their intervals, and a significant rise', () => {
    const t = res.overTime;
    if (!t.available) throw new Error('over time not available');
    expect(t.periods.map((p) => p.period)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
    expect(t.undated).toBe(0);
    const planted = t.periods.map((p) =>
      mean(
        recs
          .filter((r) => r.conversation.createdAt!.startsWith(p.period))
          .map((r) => r.truth.affectiveProbability!),
      ),
    );
    const hits = t.periods.filter(
      (p, i) => !p.affective.suppressed && within(planted[i], p.affective.interval),
    );
    // 95% intervals: one miss in six is to be expected now and then, two would be suspicious.
    expect(hits.length).toBeGreaterThanOrEqual(5);
    const change = t.changes.find((c) => c.series === 'affective')!;
    if (!change.available) throw new Error('no change test');
    expect(change.significant).toBe(true);
    expect(change.difference).toBeGreaterThan(0);
    expect(within(planted[5] - planted[0], change.interval)).toBe(true);
  });

  it("recovers each segment's planted affective share and tells the two apart", () => {
    const s = res.segments;
    if (!s.available) throw new Error('segments not available');
    expect(s.field).toBe('model');
    expect(s.segments.map((x) => x.segment).sort()).toEqual(['a', 'b']);
    for (const x of s.segments) {
      const planted = mean(
        recs.filter((r) => r.truth.segment === x.segment).map((r) => r.truth.affectiveProbability!),
      );
      if (x.affective.suppressed) throw new Error('withheld');
      expect(within(planted, x.affective.interval), x.segment).toBe(true);
    }
    const [a, b] = ['a', 'b'].map((v) => s.segments.find((x) => x.segment === v)!.affective);
    if (a.suppressed || b.suppressed) throw new Error('withheld');
    expect(b.interval.low).toBeGreaterThan(a.interval.high);
  });

  it('counts the heavy users, active every month, as returning affective users', () => {
    const u = res.users;
    if (!u.available || !u.returning.available || u.returning.suppressed)
      throw new Error('returning not shown');
    const returningTruth = new Map<string, Set<string>>();
    for (const r of recs) {
      if (r.truth.categories.length === 0 || r.truth.contentCreation) continue;
      const s = returningTruth.get(r.conversation.userId!) ?? new Set();
      s.add(r.conversation.createdAt!.slice(0, 7));
      returningTruth.set(r.conversation.userId!, s);
    }
    expect(u.returning.users).toBe([...returningTruth.values()].filter((s) => s.size >= 2).length);
    expect(u.returning.users).toBeGreaterThanOrEqual(20);
  });

  it('finds dependency cues more often among power users than among everyone', () => {
    const u = res.users;
    if (!u.available || !u.powerUsers.dependency.available) throw new Error('cues not available');
    for (const c of u.powerUsers.dependency.cues) {
      if (c.powerUsers.suppressed || c.everyone.suppressed) throw new Error(`${c.cue} withheld`);
      expect(c.powerUsers.share, c.cue).toBeGreaterThan(c.everyone.share);
    }
    const d = res.dependency;
    if (!d.available || d.allAffective.suppressed) throw new Error('dependency not shown');
    const affective = recs.filter((r) => r.truth.categories.length > 0 && !r.truth.contentCreation);
    for (const c of d.allAffective.cues) {
      if (c.suppressed) continue;
      expect(c.count, c.cue).toBe(affective.filter((r) => r.truth.dependency![c.cue]).length);
    }
  });
});

describe('planted drift (truth as facets)', () => {
  const corpus = (driftShare: number) => [
    ...generateConversations({
      n: 3000,
      seed: 12,
      users: 1500,
      affectiveShare: 0.5,
      categoryMix: {
        interpersonal_advice: 0,
        coaching: 1,
        counseling: 1,
        companionship: 0,
        romantic_roleplay: 0,
      },
      longitudinal: { driftShare },
    }),
  ];

  it('recovers the planted share of coaching and counseling conversations that turn to companionship', () => {
    const recs = corpus(0.3);
    const d = analyse(recs).drift;
    if (!d.available || d.supportToCompanionship.suppressed) throw new Error('drift not shown');
    expect(within(0.3, d.supportToCompanionship.interval)).toBe(true);
    const into = recs.filter((r) => r.truth.drift?.last[0] === 'companionship').length;
    expect(d.supportToCompanionship.count).toBe(into);
    const cells = d.transitions.filter(
      (t) => t.to === 'companionship' && (t.from === 'coaching' || t.from === 'counseling'),
    );
    expect(cells.every((c) => !c.suppressed)).toBe(true);
    expect(cells.reduce((s, c) => s + (c.suppressed ? 0 : c.conversations), 0)).toBe(into);
  });

  it('finds no drift where none was planted', () => {
    const d = analyse(corpus(0)).drift;
    if (!d.available || d.changed.suppressed || d.supportToCompanionship.suppressed)
      throw new Error('drift not shown');
    expect(d.changed.count).toBe(0);
    expect(d.supportToCompanionship.count).toBe(0);
    expect(d.supportToCompanionship.interval.high).toBeLessThan(0.02);
  });
});
