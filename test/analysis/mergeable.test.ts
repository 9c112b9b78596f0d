import { describe, expect, it } from 'vitest';
import { type AccumulatorState, AnalysisAccumulator } from '../../src/analysis/accumulate.js';
import { Composite, KeyedParts, mergeByPosition } from '../../src/analysis/mergeable.js';
import type { AnalysisRecord } from '../../src/analysis/record.js';
import { MAX_SEGMENTS, SegmentsNotMergeable } from '../../src/analysis/segments.js';
import type { SentimentValue } from '../../src/facets/schema.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../../src/privacy/thresholds.js';
import { partitionKey, shardOfKey } from '../../src/shard/shardKey.js';
import { KeyTable } from '../../src/util/keyTable.js';
import { createRng } from '../../src/util/random.js';
import { longitudinalRecords } from '../helpers/longitudinalFixture.js';
import { record } from '../helpers/reportFixture.js';

const SMALL: Thresholds = { minUsers: 2, minConversations: 3 };
const OPTIONS = { period: 'month', segmentBy: 'model' } as const;

/** Everything the analyses take: users, anonymous and failed conversations, periods, segments, drift, cues, support. */
function records(): AnalysisRecord[] {
  const out = longitudinalRecords();
  const rng = createRng(5);
  const values: SentimentValue[] = [-1, -0.5, 0, 0.5, 1];
  for (let i = 0; i < 300; i++) {
    const human = 1 + Math.floor(rng() * 12);
    const r = record(`anon${i}`, {
      categories: i % 3 === 0 ? ['counseling'] : [],
      human,
      sentiment: Array.from({ length: human }, () => values[Math.floor(rng() * 5)]),
      pushback: i % 7 === 0 && 'dangerous_health',
    });
    r.facets.concern = `worry ${i % 9}`;
    if (i % 4 !== 0) r.createdAt = `2025-0${1 + (i % 4)}-02T00:00:00.000Z`;
    out.splice(Math.floor(rng() * out.length), 0, r);
  }
  out.splice(40, 0, record('failed', { user: 'u3', status: { kind: 'error', reason: 'timeout' } }));
  return out;
}

/** The one-pass figures and candidates, as JSON (what the report is built from). */
function figuresOf(acc: AnalysisAccumulator, n: number, thresholds: Thresholds): string {
  const results = acc.results({ counts: { read: n + 2, quarantined: 1 }, thresholds, seed: 11 });
  return JSON.stringify({ results, candidates: acc.topicCandidates() });
}

/** The records split by user into `count` parts, each folded with its records' positions, saved and read back as JSON. */
function partStates(
  all: readonly AnalysisRecord[],
  count: number,
): { state: AccumulatorState; keys: string[] }[] {
  const parts = Array.from({ length: count }, () => new AnalysisAccumulator(OPTIONS));
  all.forEach((r, position) => {
    const shard = shardOfKey(partitionKey({ id: r.conversationId, userId: r.userId }), count);
    parts[shard].add(r, position);
  });
  return parts.map((p) => {
    const keys = new KeyTable();
    const state = p.state(keys);
    return JSON.parse(JSON.stringify({ state, keys: keys.keys }));
  });
}

describe('absorbing shards’ accumulator states', () => {
  const all = records();
  const single = new AnalysisAccumulator(OPTIONS);
  for (const r of all) single.add(r);

  for (const count of [1, 2, 4, 7])
    it(`gives exactly the one-pass figures for ${count} part(s) absorbed in any order`, () => {
      const states = partStates(all, count);
      const rng = createRng(count);
      const order = states.map((_, i) => i).sort(() => rng() - 0.5);
      const merged = new AnalysisAccumulator(OPTIONS);
      for (const i of order) merged.absorb(states[i].state, states[i].keys);
      for (const t of [SMALL, DEFAULT_THRESHOLDS])
        expect(figuresOf(merged, all.length, t)).toBe(figuresOf(single, all.length, t));
      expect(merged.records).toBe(all.length);
      expect(merged.distinctUserIds).toBe(single.distinctUserIds);
    });

  it('keeps the order the bootstrap resamples in (states absorbed out of order still match)', () => {
    // Two parts whose sentiment changes interleave: concatenating them would move the interval.
    const states = partStates(all, 2);
    const a = new AnalysisAccumulator(OPTIONS);
    a.absorb(states[1].state, states[1].keys);
    a.absorb(states[0].state, states[0].keys);
    const sentiment = (acc: AnalysisAccumulator) =>
      JSON.stringify(
        acc.results({ counts: { read: all.length, quarantined: 0 }, thresholds: SMALL, seed: 3 })
          .sentimentChange,
      );
    expect(sentiment(a)).toBe(sentiment(single));
  });

  it('refuses parts that share a user (not a partition by user)', () => {
    const keys = new KeyTable();
    const p = new AnalysisAccumulator(OPTIONS);
    p.add(record('x1', { user: 'same', categories: ['coaching'] }), 0);
    const state = p.state(keys);
    const merged = new AnalysisAccumulator(OPTIONS);
    merged.absorb(state, keys.keys);
    expect(() => merged.absorb(state, keys.keys)).toThrow(/user "same" is in two states/);
  });

  it('refuses segments it cannot merge exactly (more than MAX_SEGMENTS values together)', () => {
    const part = (from: number) => {
      const acc = new AnalysisAccumulator(OPTIONS);
      for (let i = 0; i < MAX_SEGMENTS; i++) {
        const r = record(`s${from + i}`, { user: `v${from + i}` });
        r.segment = `value-${from + i}`;
        acc.add(r, from + i);
      }
      const keys = new KeyTable();
      return { state: acc.state(keys), keys: keys.keys };
    };
    const merged = new AnalysisAccumulator(OPTIONS);
    const a = part(0);
    merged.absorb(a.state, a.keys);
    const b = part(MAX_SEGMENTS);
    expect(() => merged.absorb(b.state, b.keys)).toThrow(SegmentsNotMergeable);
  });

  it('saves every field of every tally: each is a listed part or counter (a new field cannot be forgotten)', () => {
    // Numbers that are not counts of records: a position cursor, and a count recomputed on absorb.
    const derived = new Set(['next', 'values']);
    const isMergeable = (v: unknown): v is { state: unknown } =>
      typeof v === 'object' && v !== null && typeof (v as { state?: unknown }).state === 'function';
    const seen = new Set<unknown>();
    let composites = 0;
    const visit = (v: unknown): void => {
      if (!isMergeable(v) || seen.has(v)) return;
      seen.add(v);
      if (!(v instanceof Composite) && !(v instanceof AnalysisAccumulator)) return;
      composites++;
      const self = v as unknown as { parts(): Record<string, unknown>; counters?(): readonly string[] };
      const parts = Object.values(self.parts()).flatMap((p) => (Array.isArray(p) ? [p, ...p] : [p]));
      const listed = new Set<unknown>(parts);
      for (const p of parts) if (p instanceof KeyedParts) listed.add((p as unknown as { map: unknown }).map);
      const counters = new Set(self.counters?.() ?? []);
      for (const [name, field] of Object.entries(v)) {
        if (typeof field === 'number') {
          if (!derived.has(name))
            expect(counters.has(name), `${v.constructor.name}.${name} is not a counter`).toBe(true);
          continue;
        }
        const inner = field instanceof Map ? [...field.values()] : Array.isArray(field) ? field : [field];
        if (!inner.some(isMergeable)) continue;
        const covered = listed.has(field) || inner.every((x) => listed.has(x));
        expect(covered, `${v.constructor.name}.${name} is not a part`).toBe(true);
      }
      for (const p of parts) {
        if (p instanceof KeyedParts)
          for (const x of (p as unknown as { map: Map<string, unknown> }).map.values()) visit(x);
        else visit(p);
      }
    };
    visit(single);
    expect(composites).toBeGreaterThan(40);
  });

  it('merges position-sorted lists and refuses a position twice', () => {
    expect(mergeByPosition(['a', 'c'], [1, 5], ['b', 'd'], [2, 9])).toEqual({
      items: ['a', 'b', 'c', 'd'],
      at: [1, 2, 5, 9],
    });
    expect(() => mergeByPosition(['a'], [1], ['b'], [1])).toThrow(/position 1 is in two states/);
  });
});
