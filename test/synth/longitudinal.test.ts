/**
 * The synthetic generator's longitudinal structure: heavy users, a trend, a segment field, drifting
 * conversations and dependency cues, each with its truth; and corpora without these options unchanged.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConversations } from '../../src/conversation/read.js';
import { dependencyCuesOf } from '../../src/facets/dependencyCues.js';
import {
  generateConversations,
  type SynthOptions,
  type SynthRecord,
  userIdFor,
} from '../../src/synth/generate.js';
import { CUE_SENTENCES } from '../../src/synth/longitudinal.js';
import { branchOf } from '../../src/synth/topicTree.js';
import { writeSynthCorpus } from '../../src/synth/writeCorpus.js';

const all = (o: SynthOptions): SynthRecord[] => [...generateConversations(o)];
const userTexts = (r: SynthRecord) =>
  r.conversation.messages.filter((m) => m.role === 'user').map((m) => m.content);

const OPTIONS: SynthOptions = {
  n: 4000,
  seed: 21,
  users: 1500,
  affectiveShare: 0.1,
  spanDays: 120,
  longitudinal: {
    affectiveShareEnd: 0.3,
    heavyUsers: 8,
    heavyShare: 0.05,
    driftShare: 0.5,
    dependencyShare: 0.2,
    segment: {
      field: 'model',
      values: [
        { value: 'small', weight: 1 },
        { value: 'large', weight: 1, affectiveFactor: 0.5 },
      ],
    },
  },
};

describe('longitudinal synthetic corpora', () => {
  const recs = all(OPTIONS);

  it('leaves a corpus without longitudinal options as it was, record for record', () => {
    const base = all({ n: 200, seed: 21, users: 60 });
    const again = all({ n: 200, seed: 21, users: 60, longitudinal: undefined });
    expect(JSON.stringify(again)).toBe(JSON.stringify(base));
    expect(base.some((r) => 'heavyUser' in r.truth || 'drift' in r.truth)).toBe(false);
  });

  it('plants heavy users with their own ids, many long affective conversations each', () => {
    const heavy = recs.filter((r) => r.truth.heavyUser);
    expect(heavy.length).toBeGreaterThan(4000 * 0.05 * 0.7);
    const ids = new Set(heavy.map((r) => r.conversation.userId));
    expect(ids).toEqual(new Set(Array.from({ length: 8 }, (_, h) => userIdFor(21, 1500 + h))));
    expect(heavy.every((r) => r.truth.categories.length > 0 && r.truth.sentiment.length >= 12)).toBe(true);
    expect(heavy.some((r) => r.truth.sentiment.length >= 50)).toBe(true);
    const ordinary = new Set(recs.filter((r) => !r.truth.heavyUser).map((r) => r.conversation.userId));
    for (const id of ids) expect(ordinary.has(id)).toBe(false);
  });

  it('moves the affective share from the start to the end of the span', () => {
    const start = Date.parse('2025-01-01T00:00:00Z');
    const span = 120 * 24 * 3600 * 1000;
    const ordinary = recs.filter((r) => !r.truth.heavyUser);
    const at = (r: SynthRecord) => (Date.parse(r.conversation.createdAt!) - start) / span;
    expect(ordinary.every((r) => at(r) >= 0 && at(r) < 1)).toBe(true);
    const share = (rs: SynthRecord[]) => rs.filter((r) => r.truth.categories.length > 0).length / rs.length;
    const early = ordinary.filter((r) => at(r) < 0.25);
    const late = ordinary.filter((r) => at(r) >= 0.75);
    expect(share(late)).toBeGreaterThan(share(early) + 0.06);
    // The truth carries the probability each conversation was drawn with.
    for (const r of ordinary) {
      const factor = r.truth.segment === 'large' ? 0.5 : 1;
      expect(r.truth.affectiveProbability).toBeCloseTo((0.1 + 0.2 * at(r)) * factor, 2);
    }
  });

  it('writes the segment field into the metadata, and the openai format keeps it for --segment-by', async () => {
    expect(recs.every((r) => r.conversation.metadata.model === r.truth.segment)).toBe(true);
    const file = join(mkdtempSync(join(tmpdir(), 'al-synth-long-')), 'c.jsonl');
    await writeSynthCorpus(recs.slice(0, 50), file, 'openai');
    let n = 0;
    for await (const item of readConversations([file])) {
      if (item.kind !== 'conversation') continue;
      expect(item.conversation.metadata.model).toBe(recs[n].truth.segment);
      n++;
    }
    expect(n).toBe(50);
  });

  it('turns a planted share of long coaching and counseling conversations to companionship in the last third', () => {
    const eligible = recs.filter(
      (r) =>
        r.truth.drift && (r.truth.drift.first[0] === 'coaching' || r.truth.drift.first[0] === 'counseling'),
    );
    const drifted = eligible.filter((r) => r.truth.drift!.last[0] === 'companionship');
    expect(drifted.length / eligible.length).toBeGreaterThan(0.35);
    expect(drifted.length / eligible.length).toBeLessThan(0.65);
    const companionText = new Set(
      branchOf('companionship')
        .topics.flatMap((t) => [...t.bank.openers, ...t.bank.followUps])
        .map((t) => t.slice(0, 12)),
    );
    for (const r of drifted.slice(0, 20)) {
      expect(r.truth.categories).toContain('companionship');
      const texts = userTexts(r);
      const last = texts.slice(texts.length - Math.floor(texts.length / 3));
      const fromBank = last.filter((t) => [...companionText].some((c) => t.includes(c.replace(/\{.*$/, ''))));
      expect(fromBank.length).toBeGreaterThan(0);
    }
    expect(recs.filter((r) => r.truth.sentiment.length < 12).every((r) => r.truth.drift === null)).toBe(true);
  });

  it('plants dependency cues in companionship conversations, and the truth says what the text says', () => {
    const planted = recs.filter((r) =>
      userTexts(r).some((t) =>
        Object.values(CUE_SENTENCES)
          .flat()
          .some((s) => t.includes(s)),
      ),
    );
    expect(planted.length).toBeGreaterThan(10);
    expect(planted.every((r) => r.truth.categories.includes('companionship'))).toBe(true);
    for (const r of recs)
      expect(dependencyCuesOf(r.conversation), r.conversation.id).toEqual(r.truth.dependency);
  });

  it('rejects bad longitudinal options with a message naming the option', () => {
    const bad = (longitudinal: SynthOptions['longitudinal']) => () => all({ n: 3, seed: 1, longitudinal });
    expect(bad({ heavyUsers: 2, heavyShare: 1.5 })).toThrow(/heavyShare/);
    expect(bad({ heavyUsers: -1 })).toThrow(/heavyUsers/);
    expect(bad({ affectiveShareEnd: 0.95 })).toThrow(/affectiveShareEnd/);
    expect(bad({ driftShare: 2 })).toThrow(/driftShare/);
    expect(bad({ segment: { field: 'model', values: [] } })).toThrow(/segment.values/);
    expect(bad({ segment: { field: 'model', values: [{ value: 'a', weight: -1 }] } })).toThrow(/weight/);
    expect(() => all({ n: 3, seed: 1, spanDays: 0 })).toThrow(/spanDays/);
    expect(() => all({ n: 3, seed: 1, maxHumanMessages: 0 })).toThrow(/maxHumanMessages/);
  });
});
