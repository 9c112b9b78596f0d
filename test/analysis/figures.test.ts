import { describe, expect, it } from 'vitest';
import { funnel } from '../../src/analysis/funnel.js';
import { effectiveCategories } from '../../src/analysis/groups.js';
import { longConversations } from '../../src/analysis/long.js';
import { overall } from '../../src/analysis/overall.js';
import { prevalence } from '../../src/analysis/prevalence.js';
import { pushback } from '../../src/analysis/pushbackRates.js';
import type { AnalysisRecord } from '../../src/analysis/record.js';
import { conversationSentimentChange, sentimentChange } from '../../src/analysis/sentimentFigures.js';
import { perUser } from '../../src/analysis/users.js';
import type { TopicTree } from '../../src/cluster/topicTreeTypes.js';
import {
  percentileBootstrapMeanInterval,
  quantileSorted,
  wilsonInterval,
} from '../../src/estimate/intervals.js';
import type { Category, SentimentValue } from '../../src/facets/schema.js';
import type { Thresholds } from '../../src/privacy/thresholds.js';
import { gateTopicTree } from '../../src/privacy/topicTrees.js';
import { record } from '../helpers/reportFixture.js';

const NONE: Thresholds = { minUsers: 0, minConversations: 0 };
const T: Thresholds = { minUsers: 5, minConversations: 10 };

/** n conversations in the given categories, each from its own user. */
function many(prefix: string, n: number, opts: Parameters<typeof record>[1] = {}): AnalysisRecord[] {
  return Array.from({ length: n }, (_, i) => record(`${prefix}${i}`, { user: `${prefix}u${i}`, ...opts }));
}

describe('wilsonInterval', () => {
  it('matches the hand computation for 8/10', () => {
    // p = 0.8, z² = 3.8416, denom = 1.38416; centre = 0.99208 / 1.38416 = 0.716738;
    // half = 1.96 · sqrt(0.016 + 0.009604) / 1.38416 = 0.226581.
    const ci = wilsonInterval(8, 10);
    expect(ci.low).toBeCloseTo(0.490157, 5);
    expect(ci.high).toBeCloseTo(0.943319, 5);
  });

  it('handles the edges: 0/n starts at 0, n/n ends at 1, n = 0 is uninformative', () => {
    // 0/10: high = z² / (n + z²) = 3.8416 / 13.8416.
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(3.8416 / 13.8416, 10);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(10, 10).low).toBeCloseTo(10 / 13.8416, 10);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
  });
});

describe('percentileBootstrapMeanInterval', () => {
  const values = [-1, -0.5, 0, 0.5, 1, 1, 0.5, 0, 0.5, 1];

  it('is deterministic for a seed and contains the sample mean', () => {
    const a = percentileBootstrapMeanInterval(values, { seed: 7 });
    const b = percentileBootstrapMeanInterval(values, { seed: 7 });
    const c = percentileBootstrapMeanInterval(values, { seed: 8 });
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(a.low).toBeLessThan(mean);
    expect(a.high).toBeGreaterThan(mean);
    expect(a.low).toBeGreaterThanOrEqual(-1);
    expect(a.high).toBeLessThanOrEqual(1);
  });

  it('gives a zero-width interval for a constant sample', () => {
    expect(percentileBootstrapMeanInterval([0.5, 0.5, 0.5, 0.5], { seed: 1 })).toEqual({
      low: 0.5,
      high: 0.5,
    });
  });

  it('reads the percentiles off the resampled means', () => {
    // Resampling two values {0, 1}: the mean is 0, 0.5 or 1 with probability 1/4, 1/2, 1/4. Of 1,000
    // resamples about 250 are 0 and 250 are 1, so the 2.5 % and 97.5 % points are 0 and 1, and the
    // 30 % and 70 % points both fall among the 0.5s.
    expect(percentileBootstrapMeanInterval([0, 1], { seed: 3 })).toEqual({ low: 0, high: 1 });
    expect(percentileBootstrapMeanInterval([0, 1], { seed: 3, level: 0.4 })).toEqual({ low: 0.5, high: 0.5 });
  });

  it('uses type-7 quantiles', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 1)).toBe(4);
  });
});

describe('inclusion rules', () => {
  it('counts roleplay from 4 human messages on, not at 3', () => {
    expect(effectiveCategories(record('a', { categories: ['romantic_roleplay'], human: 3 }))).toEqual([]);
    expect(effectiveCategories(record('b', { categories: ['romantic_roleplay'], human: 4 }))).toEqual([
      'romantic_roleplay',
    ]);
    // Another category keeps a short conversation affective; only the roleplay label goes.
    expect(
      effectiveCategories(record('c', { categories: ['romantic_roleplay', 'companionship'], human: 3 })),
    ).toEqual(['companionship']);
  });

  it('never counts content creation or failed conversations', () => {
    expect(effectiveCategories(record('a', { categories: ['companionship'], content: true }))).toEqual([]);
    expect(
      effectiveCategories(record('b', { categories: ['coaching'], status: { kind: 'error', reason: 'x' } })),
    ).toEqual([]);
  });
});

describe('funnel', () => {
  const records = [
    record('ok1'),
    record('ok2', { categories: ['coaching'] }),
    record('rp3', { categories: ['romantic_roleplay'], human: 3 }),
    record('rp4', { categories: ['romantic_roleplay'], human: 4 }),
    record('mix', { categories: ['romantic_roleplay', 'companionship'], human: 2 }),
    record('cc', { content: true, categories: ['companionship'] }),
    record('err', { status: { kind: 'error', reason: 'timeout' } }),
    record('ins', { status: { kind: 'insufficientInput', reason: 'no human message' }, human: 0 }),
  ];

  it('accounts for every conversation and applies the roleplay rule', () => {
    const f = funnel(records, { read: 11, quarantined: 2 });
    expect(f).toMatchObject({
      read: 11,
      quarantined: 2,
      notAnalysed: 1,
      errors: 1,
      excluded: 2,
      analysed: 7,
      insufficientInput: 1,
      contentCreation: 1,
      affectiveBeforeRoleplayRule: 4,
      droppedByRoleplayRule: 1,
      affective: 3,
    });
    expect(f.read).toBe(f.analysed + f.excluded + f.quarantined);
  });

  it('refuses counts that cannot reconcile', () => {
    expect(() => funnel(records, { read: 5, quarantined: 0 })).toThrow(/8 analysis records/);
  });
});

describe('prevalence', () => {
  it('is multi-label, a share of all analysed conversations, and excludes content creation', () => {
    const records = [
      ...many('both', 10, { categories: ['interpersonal_advice', 'coaching'] }),
      ...many('adv', 10, { categories: ['interpersonal_advice'] }),
      ...many('cc', 10, { categories: ['companionship'], content: true }),
      ...many('none', 70),
      ...many('err', 5, { status: { kind: 'error', reason: 'x' } }),
    ];
    const p = prevalence(records, T);
    expect(p.n).toBe(100);
    expect(p.affective).toMatchObject({ count: 20, n: 100, share: 0.2 });
    const advice = p.categories.find((c) => c.category === 'interpersonal_advice')!;
    const coaching = p.categories.find((c) => c.category === 'coaching')!;
    expect(advice).toMatchObject({ suppressed: false, count: 20, share: 0.2 });
    expect(coaching).toMatchObject({ suppressed: false, count: 10, share: 0.1 });
    // One conversation, two categories: the category shares add up to more than the affective share.
    if (!advice.suppressed && !coaching.suppressed) {
      expect(advice.share + coaching.share).toBeGreaterThan(p.affective.share);
    }
    // Content creation is in the denominator but in no category; companionship has 0: a shown zero
    // (0 of 100 describes nobody), not a suppression.
    expect(p.categories.find((c) => c.category === 'companionship')).toEqual({
      category: 'companionship',
      suppressed: false,
      count: 0,
      n: 100,
      share: 0,
      interval: wilsonInterval(0, 100),
      method: 'raw',
    });
    expect(p.suppressed).toBe(0);
    if (!advice.suppressed) expect(advice.interval).toEqual(wilsonInterval(20, 100));
  });

  it('suppresses a category below minConversations or minUsers, and counts it', () => {
    const records = [
      ...many('a', 12, { categories: ['interpersonal_advice'] }),
      ...many('b', 9, { categories: ['coaching'] }), // 9 < 10 conversations
      // 12 conversations but only 4 users.
      ...Array.from({ length: 12 }, (_, i) =>
        record(`c${i}`, { user: `u${i % 4}`, categories: ['counseling'] }),
      ),
    ];
    const p = prevalence(records, T);
    const by = Object.fromEntries(p.categories.map((c) => [c.category, c.suppressed]));
    // Companionship and roleplay hold no conversation: shown as zeros, not suppressed.
    expect(by).toEqual({
      interpersonal_advice: false,
      coaching: true,
      counseling: true,
      companionship: false,
      romantic_roleplay: false,
    });
    expect(p.suppressed).toBe(2);
    expect(p.categories.find((c) => c.category === 'coaching')).toEqual({
      category: 'coaching',
      suppressed: true,
    });
    // Without user ids each conversation is its own user: 12 conversations pass minUsers 5.
    const anon = prevalence(
      Array.from({ length: 12 }, (_, i) => record(`d${i}`, { categories: ['counseling'] })),
      T,
    );
    expect(anon.categories.find((c) => c.category === 'counseling')?.suppressed).toBe(false);
  });
});

describe('pushback', () => {
  it('gives the rate with a Wilson interval and reasons by frequency, thresholding each reason', () => {
    const records = [
      ...many('h', 12, { categories: ['counseling'], pushback: 'safety_self_harm' }),
      ...many('f', 6, { categories: ['counseling'], pushback: 'false_premise' }),
      ...many('n', 2, { categories: ['counseling'], pushback: null }),
      ...many('o', 20, { categories: ['counseling'] }),
    ];
    const pb = pushback(records, T);
    const c = pb.categories.find((g) => g.group === 'counseling')!;
    expect(c.suppressed).toBe(false);
    if (c.suppressed || !('rate' in c)) throw new Error('counseling should have a rate');
    expect(c).toMatchObject({ n: 40, pushback: 20, rate: 0.5 });
    expect(c.interval).toEqual(wilsonInterval(20, 40));
    expect(c.reasons).toEqual([
      { reason: 'safety_self_harm', suppressed: false, count: 12, share: 0.6 },
      { reason: 'false_premise', suppressed: true },
      { reason: 'unspecified', suppressed: true },
    ]);
    expect(pb.allAffective).toMatchObject({ suppressed: false, n: 40, pushback: 20 });
    // The 4 empty categories are shown as n = 0 (no rate); 2 small reasons in counseling + 2 in all_affective.
    expect(pb.categories.find((g) => g.group === 'coaching')).toEqual({
      group: 'coaching',
      suppressed: false,
      n: 0,
    });
    expect(pb.suppressed).toBe(4);
  });

  it('keeps only the reason trees of known categories', () => {
    const tree: TopicTree = {
      group: 'pushback_reasons:coaching',
      total: 0,
      topics: [],
      belowThreshold: { conversations: 0 },
    };
    const other: TopicTree = { ...tree, group: 'coaching' };
    expect(pushback([], NONE, [tree, other]).reasonTopics).toEqual([tree]);
  });
});

describe('sentiment change', () => {
  it('is mean(last 3) − mean(first 3) with exactly 6 human messages', () => {
    const s: SentimentValue[] = [-1, -0.5, 0, 0.5, 1, 1];
    // last: (0.5 + 1 + 1) / 3 = 5/6; first: (−1 − 0.5 + 0) / 3 = −1/2; change = 4/3.
    expect(conversationSentimentChange(record('a', { sentiment: s }))).toBeCloseTo(4 / 3, 12);
    expect(conversationSentimentChange(record('b', { sentiment: s.slice(0, 5) }))).toBeNull();
    // Six messages but only five ratings: not enough to compare.
    expect(conversationSentimentChange(record('c', { human: 6, sentiment: s.slice(0, 5) }))).toBeNull();
  });

  it('gives the per-category mean, a seeded bootstrap interval and the better/same/worse split', () => {
    const up: SentimentValue[] = [0, 0, 0, 0, 0, 0.5]; // +1/6: better
    const flat: SentimentValue[] = [0, 0, 0, 0, 0, 0]; // 0: same
    const down: SentimentValue[] = [0.5, 0, 0, 0, 0, 0]; // −1/6: worse
    const records = [
      ...many('u', 6, { categories: ['coaching'], sentiment: up }),
      ...many('f', 3, { categories: ['coaching'], sentiment: flat }),
      ...many('d', 3, { categories: ['coaching'], sentiment: down }),
      ...many('short', 5, { categories: ['coaching'], human: 5 }),
      ...many('gap', 2, { categories: ['coaching'], human: 7, sentiment: flat.slice(0, 4) }),
    ];
    const sc = sentimentChange(records, T, { seed: 11 });
    const c = sc.categories.find((g) => g.group === 'coaching')!;
    expect(c.suppressed).toBe(false);
    if (c.suppressed || !('meanChange' in c)) throw new Error('coaching should have a mean');
    expect(c.n).toBe(12);
    expect(c.meanChange).toBeCloseTo((6 - 3) / 6 / 12, 12);
    expect(c.distribution).toEqual({
      better: 6,
      same: 3,
      worse: 3,
      betterShare: 0.5,
      sameShare: 0.25,
      worseShare: 0.25,
    });
    expect(c.interval.low).toBeLessThanOrEqual(c.meanChange);
    expect(c.interval.high).toBeGreaterThanOrEqual(c.meanChange);
    expect(sc.missingSentiment).toBe(2);
    expect(sentimentChange(records, T, { seed: 11 })).toEqual(sc);
    // Companionship has no eligible conversations: shown as n = 0 (no mean), not suppressed.
    expect(sc.categories.find((g) => g.group === 'companionship')).toEqual({
      group: 'companionship',
      suppressed: false,
      n: 0,
    });
  });

  it('shows an empty group as n = 0 only when its category is not a small withheld group', () => {
    // Roleplay: 3 conversations, none long enough. "0 of them" would describe 3 people: withheld.
    // Companionship: 12 conversations from 12 people, none long enough: a shown 0.
    const records = [
      ...many('rp', 3, { categories: ['romantic_roleplay'], human: 4 }),
      ...many('c', 12, { categories: ['companionship'], human: 3 }),
      ...many('adv', 10, { categories: ['interpersonal_advice'], sentiment: [0, 0, 0, 0, 0, 0.5] }),
    ];
    const sc = sentimentChange(records, T, { seed: 1 });
    const by = (g: string) => sc.categories.find((x) => x.group === g);
    expect(by('romantic_roleplay')).toEqual({ group: 'romantic_roleplay', suppressed: true });
    expect(by('companionship')).toEqual({ group: 'companionship', suppressed: false, n: 0 });
    expect(by('coaching')).toEqual({ group: 'coaching', suppressed: false, n: 0 });
    expect(sc.suppressed).toBe(1);
  });

  it('reports roleplay only when it clears the thresholds', () => {
    const rising: SentimentValue[] = [-0.5, -0.5, -0.5, 0.5, 0.5, 0.5];
    const few = many('r', 9, { categories: ['romantic_roleplay'], sentiment: rising });
    expect(
      sentimentChange(few, T, { seed: 1 }).categories.find((g) => g.group === 'romantic_roleplay')
        ?.suppressed,
    ).toBe(true);
    const enough = many('r', 10, { categories: ['romantic_roleplay'], sentiment: rising });
    const shown = sentimentChange(enough, T, { seed: 1 }).categories.find(
      (g) => g.group === 'romantic_roleplay',
    );
    expect(shown).toMatchObject({ suppressed: false, n: 10, meanChange: 1, interval: { low: 1, high: 1 } });
  });
});

describe('long conversations', () => {
  it('counts conversations with 50+ human messages among all and among affective', () => {
    const records = [
      ...many('l', 10, { human: 50, categories: ['companionship'] }),
      ...many('m', 10, { human: 49, categories: ['companionship'] }),
      ...many('x', 5, { human: 80 }),
      ...many('s', 75),
    ];
    const l = longConversations(records, T);
    expect(l.all).toMatchObject({ suppressed: false, count: 15, n: 100, share: 0.15 });
    expect(l.affective).toMatchObject({ suppressed: false, count: 10, n: 20, share: 0.5 });
    const few = longConversations(records.slice(5), T);
    expect(few.affective).toEqual({ suppressed: true });
    expect(few.all).toMatchObject({ suppressed: false, count: 10 });
  });
});

describe('overall (the study headline numbers)', () => {
  it('gives pushback over all analysed conversations, affective or not, facet errors excluded', () => {
    const records = [
      ...many('task', 60, { pushback: 'harm_to_others_or_illegal' }),
      ...many('task-ok', 100),
      ...many('cc', 20, { content: true, pushback: 'policy_other' }),
      ...many('adv', 20, { categories: ['interpersonal_advice'], pushback: 'false_premise' }),
      ...many('err', 7, { status: { kind: 'error', reason: 'x' }, pushback: 'policy_other' }),
    ];
    const o = overall(records, T);
    // 60 + 20 + 20 = 100 of 200 analysed; the affective-only rate would be 20 / 20 = 100 %.
    expect(o.pushback).toEqual({
      count: 100,
      n: 200,
      share: 0.5,
      interval: wilsonInterval(100, 200),
      method: 'raw',
    });
    expect(o.conversationsWithoutUserId).toBe(0);
  });

  it('counts companionship or roleplay once per conversation, after the roleplay rule, and gates it', () => {
    const records = [
      ...many('c', 12, { categories: ['companionship'] }),
      ...many('both', 3, { categories: ['companionship', 'romantic_roleplay'], human: 5 }),
      ...many('rp', 10, { categories: ['romantic_roleplay'], human: 4 }),
      // Short roleplay prompts do not count (fewer than 4 human messages).
      ...many('short', 5, { categories: ['romantic_roleplay'], human: 2 }),
      ...many('other', 70),
    ];
    const o = overall(records, T);
    expect(o.companionshipOrRoleplay).toEqual({
      suppressed: false,
      count: 25,
      n: 100,
      share: 0.25,
      interval: wilsonInterval(25, 100),
      method: 'raw',
    });
    expect(o.suppressed).toBe(0);
    // None at all is a shown zero.
    expect(overall(many('x', 30), T).companionshipOrRoleplay).toMatchObject({ suppressed: false, count: 0 });
    // Nine conversations are below the thresholds: withheld, and counted as such.
    const few = overall(
      [
        ...many('c', 6, { categories: ['companionship'] }),
        ...many('rp', 3, { categories: ['romantic_roleplay'], human: 4 }),
      ],
      T,
    );
    expect(few.companionshipOrRoleplay).toEqual({ suppressed: true });
    expect(few.suppressed).toBe(1);
  });

  it('withholds the union when a difference with the shown counts would reveal a small group', () => {
    // Companionship (15) is shown on its own; roleplay (5, all outside companionship) is not. The union,
    // 20, would give roleplay away as 20 − 15: it is withheld too.
    const records = [
      ...many('c', 15, { categories: ['companionship'] }),
      ...many('rp', 5, { categories: ['romantic_roleplay'], human: 6 }),
      ...many('adv', 30, { categories: ['interpersonal_advice'] }),
      ...many('other', 50),
    ];
    expect(prevalence(records, T).categories.find((c) => c.category === 'companionship')).toMatchObject({
      suppressed: false,
      count: 15,
    });
    const o = overall(records, T);
    expect(o.companionshipOrRoleplay).toEqual({ suppressed: true });
    expect(o.suppressed).toBe(1);
    // The affective total is always shown: the affective conversations outside the union are a part too.
    const fewOther = overall(
      [
        ...many('c', 15, { categories: ['companionship'] }),
        ...many('adv', 3, { categories: ['interpersonal_advice'] }),
        ...many('other', 50),
      ],
      T,
    );
    expect(fewOther.companionshipOrRoleplay).toEqual({ suppressed: true });
  });

  it('counts the analysed conversations without a user id', () => {
    const records = [...many('u', 5), record('a1'), record('a2'), record('a3', { user: '' })];
    expect(overall(records, T).conversationsWithoutUserId).toBe(3);
  });
});

describe('per user', () => {
  it('is null without user ids', () => {
    expect(perUser([record('a', { categories: ['coaching'] })], T)).toBeNull();
  });

  it('counts users with affective conversations and the share from the top 1 %', () => {
    const records: AnalysisRecord[] = [];
    for (let u = 0; u < 500; u++) {
      const n = u < 5 ? 10 : 1;
      for (let k = 0; k < n; k++)
        records.push(record(`c${u}-${k}`, { user: `u${u}`, categories: ['companionship'] }));
    }
    records.push(...many('plain', 100));
    const pu = perUser(records, T)!;
    expect(pu.users).toBe(600);
    expect(pu.usersWithAffective).toEqual({ suppressed: false, count: 500, share: 500 / 600 });
    // Top 1 % of 500 affective users = 5 users with 10 conversations each, of 545.
    expect(pu.concentration).toEqual({ suppressed: false, topUsers: 5, conversations: 50, share: 50 / 545 });
  });

  it('suppresses the concentration when the top group is too small to describe', () => {
    const records = Array.from({ length: 40 }, (_, i) =>
      record(`c${i}`, { user: `u${i % 20}`, categories: ['coaching'] }),
    );
    const pu = perUser(records, T)!;
    expect(pu.usersWithAffective).toMatchObject({ suppressed: false, count: 20 });
    expect(pu.concentration).toEqual({ suppressed: true });
    expect(pu.suppressed).toBe(1);
  });
});

describe('gateTopicTree', () => {
  it('removes nodes below the thresholds and counts their conversations once', () => {
    const node = (id: string, conversations: number, users: number, children = [] as never[]) => ({
      id,
      name: id,
      description: '',
      conversations,
      users,
      children,
    });
    const tree = {
      group: 'coaching' as Category,
      total: 100,
      topics: [
        node('small', 8, 8),
        { ...node('big', 60, 40), children: [node('big-a', 50, 30), node('big-b', 10, 3)] as never[] },
      ],
      belowThreshold: { conversations: 32 },
    };
    const g = gateTopicTree(tree, T);
    expect(g.suppressed).toBe(2);
    expect(g.tree.topics.map((n) => n.id)).toEqual(['big']);
    expect(g.tree.topics[0].children.map((n) => n.id)).toEqual(['big-a']);
    expect(g.tree.belowThreshold.conversations).toBe(40);
  });
});
