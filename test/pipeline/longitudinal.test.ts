/**
 * The longitudinal figures end to end with the offline engine: a synthetic log with timestamps, a
 * segment field, heavy users and drifting conversations goes through analyzeLogs; a log without user
 * ids or timestamps says what it cannot show. Also the pieces the pipeline takes from each conversation.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/conversation/model.js';
import { createOfflineEngine } from '../../src/facets/offline/offlineEngine.js';
import { analyzeLogs } from '../../src/pipeline/analyze.js';
import {
  analysisRecordOf,
  conversationStart,
  conversationThirds,
  extrasOf,
  segmentValue,
} from '../../src/pipeline/conversationExtras.js';
import type { Report } from '../../src/report/reportSchema.js';
import { generateConversations } from '../../src/synth/generate.js';
import { writeSynthCorpus } from '../../src/synth/writeCorpus.js';

const deps = () => ({ now: () => 0, seed: 1, log: () => {}, engine: createOfflineEngine() });
const readReport = (out: string): Report =>
  JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;

describe('analyzeLogs with --period and --segment-by (offline engine)', () => {
  let dir: string;
  let report: Report;
  let out: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'al-longitudinal-'));
    const corpus = join(dir, 'corpus.jsonl');
    await writeSynthCorpus(
      generateConversations({
        n: 1500,
        seed: 5,
        users: 500,
        affectiveShare: 0.25,
        spanDays: 120,
        longitudinal: {
          affectiveShareEnd: 0.5,
          heavyUsers: 12,
          heavyShare: 0.08,
          driftShare: 0.5,
          heavyDependencyShare: 0.8,
          segment: {
            field: 'model',
            values: [
              { value: 'assistant-a', weight: 2 },
              { value: 'assistant-b', weight: 1, affectiveFactor: 1.6 },
            ],
          },
        },
      }),
      corpus,
      'openai',
    );
    out = join(dir, 'report');
    await analyzeLogs(
      { inputs: [corpus], outDir: out, seed: 1, period: 'month', segmentBy: 'model' },
      deps(),
    );
    report = readReport(out);
  }, 120_000);

  it('shows every headline figure per month, with a significant rise of the affective share', () => {
    const t = report.overTime;
    if (!t.available) throw new Error(t.reason);
    expect(t.period).toBe('month');
    expect(t.undated).toBe(0);
    expect(t.periods.length).toBeGreaterThanOrEqual(4);
    const change = t.changes.find((c) => c.series === 'affective');
    if (!change?.available) throw new Error('no change test');
    expect(change.difference).toBeGreaterThan(0);
    expect(change.significant).toBe(true);
  });

  it('shows every headline figure per model, side by side, the second model more affective', () => {
    const s = report.segments;
    if (!s.available) throw new Error(s.reason);
    expect(s.field).toBe('model');
    const [a, b] = ['assistant-a', 'assistant-b'].map((v) => s.segments.find((x) => x.segment === v));
    if (!a || !b || a.affective.suppressed || b.affective.suppressed) throw new Error('segments not shown');
    expect(b.affective.share).toBeGreaterThan(a.affective.share);
  });

  it("finds the drift with the offline engine's decision on each third", () => {
    const d = report.drift;
    if (!d.available) throw new Error(d.reason);
    if (d.supportToCompanionship.suppressed) throw new Error('rate withheld');
    // Planted: half of the long coaching and counseling conversations. The offline rules miss some of
    // the turns and read some starts differently, so the rate is lower, but far from zero.
    expect(d.supportToCompanionship.rate).toBeGreaterThan(0.15);
    expect(d.supportToCompanionship.rate).toBeLessThan(0.7);
  });

  it('has users, power users, returning users and dependency cues, and writes their tables', () => {
    const u = report.users;
    if (!u.available) throw new Error(u.reason);
    if (u.powerUsers.group.suppressed) throw new Error('power users withheld');
    expect(u.powerUsers.group.users).toBeGreaterThanOrEqual(12);
    expect(u.returning.available).toBe(true);
    expect(report.dependency.available).toBe(true);
    for (const f of [
      'user_affective_share.csv',
      'user_concentration.csv',
      'power_users.csv',
      'over_time.csv',
      'over_time_change.csv',
      'segments.csv',
      'drift.csv',
      'drift_rates.csv',
      'dependency.csv',
    ])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('id="figure-over-time"');
  });
});

describe('a log without user ids or timestamps', () => {
  it('says what it cannot show instead of failing or showing zeros', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-longitudinal-bare-'));
    const corpus = join(dir, 'corpus.json');
    await writeSynthCorpus(
      generateConversations({ n: 300, seed: 2, affectiveShare: 0.3 }),
      corpus,
      'sharegpt',
    );
    const out = join(dir, 'report');
    await analyzeLogs({ inputs: [corpus], outDir: out, seed: 1, segmentBy: 'country' }, deps());
    const r = readReport(out);
    expect(r.users).toEqual({ available: false, reason: expect.stringContaining('no user ids') });
    expect(r.overTime).toEqual({ available: false, reason: expect.stringContaining('timestamp') });
    expect(r.segments).toEqual({ available: false, reason: expect.stringContaining('"country"') });
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html.match(/Not available for this log/g)?.length).toBeGreaterThanOrEqual(3);
  });
});

describe('what the pipeline takes from each conversation', () => {
  const msgs = (n: number): Message[] =>
    Array.from({ length: n }, (_, i) => [
      { role: 'user' as const, content: `u${i}` },
      { role: 'assistant' as const, content: `a${i}` },
    ]).flat();

  it('cuts the first and the last third at user messages', () => {
    const { first, last } = conversationThirds(msgs(13));
    expect(first.map((m) => m.content)).toEqual(['u0', 'a0', 'u1', 'a1', 'u2', 'a2', 'u3', 'a3']);
    expect(last.map((m) => m.content)).toEqual(['u9', 'a9', 'u10', 'a10', 'u11', 'a11', 'u12', 'a12']);
    expect(conversationThirds(msgs(2))).toEqual({ first: [], last: [] });
  });

  it('reads a segment value from metadata, by key or dotted path, as text', () => {
    const meta = { model: 'gpt-x', version: 3, beta: true, client: { os: 'ios' }, list: ['a'], empty: ' ' };
    expect(segmentValue(meta, 'model')).toBe('gpt-x');
    expect(segmentValue(meta, 'version')).toBe('3');
    expect(segmentValue(meta, 'beta')).toBe('true');
    expect(segmentValue(meta, 'client.os')).toBe('ios');
    expect(segmentValue(meta, 'list')).toBeUndefined();
    expect(segmentValue(meta, 'empty')).toBeUndefined();
    expect(segmentValue(meta, 'country')).toBeUndefined();
  });

  it('dates a conversation by its own timestamp, else its first dated message', () => {
    expect(conversationStart({ createdAt: '2025-01-02T00:00:00Z', messages: [] })).toBe(
      '2025-01-02T00:00:00Z',
    );
    expect(
      conversationStart({ messages: [{ role: 'user', content: 'x', createdAt: '2025-02-03T00:00:00Z' }] }),
    ).toBe('2025-02-03T00:00:00Z');
    expect(conversationStart({ messages: [{ role: 'user', content: 'x' }] })).toBeUndefined();
  });

  it('decides per-part categories only when asked (the offline engine), and never over the engine', () => {
    const conv = {
      id: 'c',
      messages: msgs(12),
      source: { file: 'f', position: 1, unit: 'line' as const },
      metadata: {},
    };
    expect(extrasOf(conv, { partCategories: false }).drift).toBeUndefined();
    expect(extrasOf(conv, { partCategories: true }).drift).toEqual({ first: [], last: [] });
    const facets = {
      contentCreation: false,
      categories: [],
      pushback: false,
      pushbackReason: null,
      sentiment: [],
      concern: '',
      language: 'en',
      humanMessages: 12,
      status: { kind: 'ok' as const },
      drift: { first: ['coaching' as const], last: ['companionship' as const] },
    };
    const r = analysisRecordOf({ id: 'c', extras: extrasOf(conv, { partCategories: true }) }, facets);
    expect(r.facets.drift).toEqual(facets.drift);
    expect(r.facets.dependency).toEqual({
      prefersAssistant: false,
      seeksApproval: false,
      lossDistress: false,
      mainSupport: false,
    });
  });
});
