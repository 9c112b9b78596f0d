import { describe, expect, it } from 'vitest';
import { AnalysisAccumulator, accumulateAnalyses } from '../../src/analysis/accumulate.js';
import { funnel } from '../../src/analysis/funnel.js';
import { longConversations } from '../../src/analysis/long.js';
import { overall } from '../../src/analysis/overall.js';
import { prevalence } from '../../src/analysis/prevalence.js';
import { pushback } from '../../src/analysis/pushbackRates.js';
import type { AnalysisRecord } from '../../src/analysis/record.js';
import { sentimentChange } from '../../src/analysis/sentimentFigures.js';
import { perUser } from '../../src/analysis/users.js';
import type { SentimentValue } from '../../src/facets/schema.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/privacy/thresholds.js';
import { buildReport } from '../../src/report/build.js';
import { fixtureInput, fixtureRecords, record } from '../helpers/reportFixture.js';

const T: Thresholds = DEFAULT_THRESHOLDS;
const UP: SentimentValue[] = [-1, -0.5, 0, 0, 0.5, 1];

/** The report fixture plus what it lacks: conversations without a user id, long ones, a long failure. */
function mixedRecords(): AnalysisRecord[] {
  const out = fixtureRecords();
  for (let i = 0; i < 40; i++) {
    out.push(record(`anon${i}`, { human: 1 + (i % 3) }));
    out.push(
      record(`anon-aff${i}`, { categories: ['coaching'], sentiment: UP, pushback: i % 4 === 0 && null }),
    );
    out.push(record(`long${i}`, { user: `lu${i % 12}`, human: 55, categories: i % 2 ? ['counseling'] : [] }));
  }
  out.push(record('long-failed', { user: 'lu0', human: 80, status: { kind: 'error', reason: 'timeout' } }));
  return out;
}

describe('AnalysisAccumulator', () => {
  it('gives in one pass what each array-based analysis gives', () => {
    const records = mixedRecords();
    const counts = { read: records.length + 5, quarantined: 3 };
    const acc = new AnalysisAccumulator();
    for (const r of records) acc.add(r);
    const got = acc.results({ counts, thresholds: T, seed: 9 });
    expect(got.funnel).toEqual(funnel(records, counts));
    expect(got.prevalence).toEqual(prevalence(records, T));
    expect(got.pushback).toEqual(pushback(records, T));
    expect(got.sentimentChange).toEqual(sentimentChange(records, T, { seed: 9 }));
    expect(got.longConversations).toEqual(longConversations(records, T));
    expect(got.perUser).toEqual(perUser(records, T));
    expect(got.overall).toEqual(overall(records, T));
    expect(got.funnel.read).toBe(got.funnel.analysed + got.funnel.excluded + got.funnel.quarantined);
    expect(acc.records).toBe(records.length);
    expect(acc.errors).toBe(records.filter((r) => r.facets.status.kind === 'error').length);
  });

  it('reads its state without changing it: results midway do not disturb the final figures', () => {
    const records = mixedRecords();
    const counts = { read: records.length, quarantined: 0 };
    const acc = new AnalysisAccumulator();
    records.forEach((r, i) => {
      acc.add(r);
      if (i === 200) acc.results({ counts: { read: 201, quarantined: 0 }, thresholds: T, seed: 1 });
    });
    const fresh = accumulateAnalyses(records).results({ counts, thresholds: T, seed: 1 });
    expect(acc.results({ counts, thresholds: T, seed: 1 })).toEqual(fresh);
    expect(acc.results({ counts, thresholds: T, seed: 1 })).toEqual(fresh);
  });

  it('keeps nothing per conversation for 10k non-affective conversations without user ids', () => {
    const acc = new AnalysisAccumulator();
    for (let i = 0; i < 10_000; i++) {
      acc.add(
        record(`c${i}`, {
          human: 1 + (i % 40),
          content: i % 9 === 0,
          categories: i % 9 === 0 ? ['coaching'] : [],
        }),
      );
    }
    expect(acc.retained).toBe(0);
    expect(acc.distinctUserIds).toBe(0);
    const r = acc.results({ counts: { read: 10_000, quarantined: 0 }, thresholds: T, seed: 1 });
    expect(r.funnel.analysed).toBe(10_000);
    expect(r.funnel.contentCreation).toBe(1112);
    expect(r.prevalence.affective.count).toBe(0);
    expect(r.perUser).toBeNull();
  });

  it('keeps one entry per distinct user id, not per conversation', () => {
    const acc = new AnalysisAccumulator();
    for (let i = 0; i < 5_000; i++) acc.add(record(`c${i}`, { user: `u${i % 50}` }));
    expect(acc.retained).toBe(0);
    expect(acc.distinctUserIds).toBe(50);
  });

  it('counts a conversation without a user id as its own user, next to the real ids', () => {
    const records = [
      ...Array.from({ length: 30 }, (_, i) => record(`a${i}`, { user: `u${i % 3}` })),
      ...Array.from({ length: 7 }, (_, i) => record(`b${i}`)),
      ...Array.from({ length: 12 }, (_, i) => record(`c${i}`, { categories: ['counseling'] })),
    ];
    const acc = accumulateAnalyses(records);
    expect(acc.distinctUserIds).toBe(3);
    const users = acc.results({ counts: { read: 49, quarantined: 0 }, thresholds: T, seed: 1 }).perUser;
    expect(users?.users).toBe(3 + 7 + 12);
    // The 12 anonymous affective conversations are 12 users: above minUsers 5 and minConversations 10.
    expect(users?.usersWithAffective).toEqual({ suppressed: false, count: 12, share: 12 / 22 });
  });

  it('keeps the affective and the long conversations, in input order, for the topic stages', () => {
    const records = [
      record('plain', { user: 'u1' }),
      record('advice', { user: 'u2', categories: ['interpersonal_advice'], pushback: 'false_premise' }),
      // Short roleplay falls to the message minimum; content creation is never affective.
      record('short-rp', { user: 'u3', categories: ['romantic_roleplay'], human: 2 }),
      record('story', { user: 'u4', content: true, categories: ['companionship'] }),
      record('long', { human: 60 }),
      record('long-failed', { human: 60, status: { kind: 'error', reason: 'timeout' } }),
      record('long-rp', { user: 'u5', categories: ['romantic_roleplay', 'companionship'], human: 51 }),
    ];
    records[1].facets.concern = 'a worry about a friend';
    const acc = accumulateAnalyses(records);
    expect(acc.retained).toBe(3);
    expect(acc.topicCandidates()).toEqual([
      {
        index: 1,
        userId: 'u2',
        categories: ['interpersonal_advice'],
        concern: 'a worry about a friend',
        pushback: true,
        pushbackReason: 'false_premise',
        long: false,
      },
      {
        index: 4,
        userId: undefined,
        categories: [],
        concern: '',
        pushback: false,
        pushbackReason: null,
        long: true,
      },
      {
        index: 6,
        userId: 'u5',
        categories: ['companionship', 'romantic_roleplay'],
        concern: '',
        pushback: false,
        pushbackReason: null,
        long: true,
      },
    ]);
  });
});

describe('buildReport from an accumulator', () => {
  it('is identical to buildReport from the records', () => {
    const { records, ...rest } = fixtureInput({ records: mixedRecords() });
    const counts = { ...rest.counts, read: records.length + 10 };
    const fromRecords = buildReport({ ...rest, counts, records });
    const analysis = new AnalysisAccumulator();
    for (const r of records) analysis.add(r);
    expect(JSON.stringify(buildReport({ ...rest, counts, analysis }))).toBe(JSON.stringify(fromRecords));
  });
});
