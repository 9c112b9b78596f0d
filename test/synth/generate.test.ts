import { describe, expect, it } from 'vitest';
import { humanMessages } from '../../src/conversation/model.js';
import { CATEGORIES, type SentimentValue } from '../../src/facets/schema.js';
import { resolveSlot, slotsOf } from '../../src/synth/fill.js';
import { DEFAULT_CATEGORY_MIX, generateConversations, type SynthRecord } from '../../src/synth/generate.js';
import { OPENING_POSITIVE, SENTIMENT_PREFIX, SENTIMENT_PREFIX_ZH } from '../../src/synth/phrases.js';
import { PUSHBACK_SCENES } from '../../src/synth/pushbackScenes.js';
import { TOPIC_TREE, TOPICS_BY_ID } from '../../src/synth/topicTree.js';

const all = (opts: Parameters<typeof generateConversations>[0]): SynthRecord[] => [
  ...generateConversations(opts),
];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

// One default corpus shared by the distribution tests (about a second to generate).
const BIG = all({ n: 20_000, seed: 7 });

describe('determinism', () => {
  it('same options give identical records; another seed differs', () => {
    const a = JSON.stringify(all({ n: 300, seed: 11, canaryShare: 0.2, chineseShare: 0.1 }));
    const b = JSON.stringify(all({ n: 300, seed: 11, canaryShare: 0.2, chineseShare: 0.1 }));
    const c = JSON.stringify(all({ n: 300, seed: 12, canaryShare: 0.2, chineseShare: 0.1 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('conversation i does not depend on n', () => {
    const short = all({ n: 50, seed: 5, users: 20 });
    const long = all({ n: 120, seed: 5, users: 20 });
    expect(JSON.stringify(long.slice(0, 50))).toBe(JSON.stringify(short));
  });

  it('rejects bad options with a message naming the option', () => {
    expect(() => all({ n: -1, seed: 1 })).toThrow(/n must be/);
    expect(() => all({ n: 5, seed: 1, affectiveShare: 1.5 })).toThrow(/affectiveShare/);
    expect(() => all({ n: 5, seed: 1, affectiveShare: 0.6, contentCreationShare: 0.6 })).toThrow(/at most 1/);
    expect(() => all({ n: 5, seed: 1, users: 0 })).toThrow(/users/);
    expect(() => all({ n: 5, seed: 1, startDate: 'soon' })).toThrow(/startDate/);
    expect(() => all({ n: 5, seed: 1, categoryMix: { coaching: -1 } })).toThrow(/categoryMix.coaching/);
  });
});

describe('topic tree and phrase banks', () => {
  it('has several topics per category plus task and content topics', () => {
    for (const c of CATEGORIES) {
      const branch = TOPIC_TREE.find((b) => b.id === c)!;
      expect(branch.topics.length, c).toBeGreaterThanOrEqual(c === 'romantic_roleplay' ? 2 : 3);
    }
    expect(TOPIC_TREE.find((b) => b.id === 'task')!.topics.length).toBeGreaterThanOrEqual(10);
    expect(TOPIC_TREE.find((b) => b.id === 'content')!.topics.length).toBeGreaterThanOrEqual(5);
  });

  it('every template slot resolves and every pushback scene exists', () => {
    for (const leaf of TOPICS_BY_ID.values()) {
      for (const bank of [leaf.bank, leaf.zh].filter((b) => b !== undefined)) {
        const templates = [
          ...bank.openers,
          ...bank.followUps,
          ...bank.replies,
          ...(bank.progress ?? []),
          ...(bank.setbacks ?? []),
        ];
        for (const t of templates)
          for (const s of slotsOf(t))
            expect(resolveSlot(s, bank.slots), `${leaf.id}: {${s}} in ${t}`).toBeDefined();
      }
      for (const scene of leaf.pushback) expect(PUSHBACK_SCENES[scene], `${leaf.id}: ${scene}`).toBeDefined();
    }
  });

  it('openers differ between topics (clustering needs distinguishable wording)', () => {
    const seen = new Map<string, string>();
    for (const leaf of TOPICS_BY_ID.values())
      for (const o of leaf.bank.openers) {
        expect(seen.get(o), o).toBeUndefined();
        seen.set(o, leaf.id);
      }
  });
});

describe('mix at n = 20,000 (defaults)', () => {
  const share = (pred: (r: SynthRecord) => boolean) => BIG.filter(pred).length / BIG.length;

  it('is mostly task use with about 3 % affective and ~12 % content creation', () => {
    expect(share((r) => r.truth.categories.length > 0)).toBeGreaterThan(0.024);
    expect(share((r) => r.truth.categories.length > 0)).toBeLessThan(0.036);
    expect(share((r) => r.truth.contentCreation)).toBeGreaterThan(0.105);
    expect(share((r) => r.truth.contentCreation)).toBeLessThan(0.135);
    expect(share((r) => r.truth.topicPath[0] === 'task')).toBeGreaterThan(0.8);
  });

  it('keeps companionship + roleplay under 0.5 % and romantic roleplay under 0.1 %', () => {
    const has = (c: string) => (r: SynthRecord) => r.truth.categories.includes(c as never);
    expect(share((r) => has('companionship')(r) || has('romantic_roleplay')(r))).toBeLessThan(0.005);
    expect(share(has('romantic_roleplay'))).toBeLessThan(0.001);
    expect(share(has('romantic_roleplay'))).toBeGreaterThan(0);
  });

  it('follows the category mix among affective conversations, with some multi-label ones', () => {
    const affective = BIG.filter((r) => r.truth.categories.length > 0);
    const primary = (c: string) =>
      affective.filter((r) => r.truth.categories[0] === c).length / affective.length;
    expect(primary('interpersonal_advice')).toBeCloseTo(DEFAULT_CATEGORY_MIX.interpersonal_advice, 1);
    expect(primary('coaching')).toBeCloseTo(DEFAULT_CATEGORY_MIX.coaching, 1);
    expect(primary('counseling')).toBeCloseTo(DEFAULT_CATEGORY_MIX.counseling, 1);
    const multi = affective.filter((r) => r.truth.categories.length > 1).length / affective.length;
    expect(multi).toBeGreaterThan(0.03);
    expect(multi).toBeLessThan(0.3);
  });

  it('honours categoryMix and affectiveShare overrides', () => {
    const rs = all({ n: 2000, seed: 3, affectiveShare: 0.5, categoryMix: { coaching: 0, counseling: 0 } });
    const primaries = new Set(rs.filter((r) => r.truth.categories.length).map((r) => r.truth.categories[0]));
    expect(primaries.has('coaching')).toBe(false);
    expect(primaries.has('counseling')).toBe(false);
    const aff = rs.filter((r) => r.truth.categories.length > 0).length / rs.length;
    expect(aff).toBeGreaterThan(0.45);
    expect(aff).toBeLessThan(0.55);
  });

  it('has pushback with several reasons, and a reason exactly when pushback is true', () => {
    const reasons = new Set(BIG.filter((r) => r.truth.pushback).map((r) => r.truth.pushbackReason));
    expect(reasons.size).toBeGreaterThanOrEqual(4);
    for (const r of BIG) expect(r.truth.pushbackReason === null).toBe(!r.truth.pushback);
    const rate = share((r) => r.truth.pushback);
    expect(rate).toBeGreaterThan(0.01);
    expect(rate).toBeLessThan(0.1);
  });
});

describe('lengths and users', () => {
  it('runs from 1 to 80 human messages, mostly short, with a long tail; affective runs longer', () => {
    const lens = BIG.map((r) => humanMessages(r.conversation).length);
    expect(Math.min(...lens)).toBe(1);
    expect(Math.max(...lens)).toBeLessThanOrEqual(80);
    expect(lens.filter((n) => n >= 50).length).toBeGreaterThan(20);
    expect(lens.filter((n) => n <= 4).length / lens.length).toBeGreaterThan(0.75);
    const aff = BIG.filter((r) => r.truth.categories.length > 0).map((r) => r.truth.sentiment.length);
    const task = BIG.filter((r) => r.truth.topicPath[0] === 'task').map((r) => r.truth.sentiment.length);
    expect(mean(aff)).toBeGreaterThan(1.5 * mean(task));
  });

  it('alternates user and assistant, one sentiment value per user message', () => {
    for (const r of BIG.slice(0, 2000)) {
      const m = r.conversation.messages;
      for (const [i, x] of m.entries()) expect(x.role).toBe(i % 2 === 0 ? 'user' : 'assistant');
      expect(r.truth.sentiment.length).toBe(humanMessages(r.conversation).length);
    }
  });

  it('spreads conversations over about n/4 users with a skew, and over time', () => {
    const per = new Map<string, number>();
    for (const r of BIG) per.set(r.conversation.userId!, (per.get(r.conversation.userId!) ?? 0) + 1);
    expect(per.size).toBeLessThanOrEqual(5000);
    expect(per.size).toBeGreaterThan(3000);
    const counts = [...per.values()];
    expect(Math.max(...counts)).toBeGreaterThan(20 * mean(counts));
    expect(Math.max(...counts)).toBeLessThan(0.05 * BIG.length);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(per.size / 6);
    const times = BIG.map((r) => Date.parse(r.conversation.createdAt!));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse('2025-01-01T00:00:00Z'));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(80 * 86_400_000);
  });
});

describe('sentiment', () => {
  const first3 = (v: SentimentValue[]) => mean(v.slice(0, 3));
  const last3 = (v: SentimentValue[]) => mean(v.slice(-3));

  it('values follow the recorded arc', () => {
    const long = BIG.filter((r) => r.truth.sentiment.length >= 6);
    expect(long.length).toBeGreaterThan(500);
    for (const r of long) {
      const { sentiment: v, sentimentArc: arc } = r.truth;
      if (arc === 'improving') expect(last3(v)).toBeGreaterThan(first3(v));
      if (arc === 'worsening') expect(last3(v)).toBeLessThan(first3(v));
      if (arc === 'flat') expect(last3(v)).toBe(first3(v));
    }
    const arcs = new Set(BIG.map((r) => r.truth.sentimentArc));
    expect(arcs).toEqual(new Set(['improving', 'flat', 'worsening']));
  });

  it('realises each value in the wording: a matching tone prefix, none for neutral', () => {
    const rs = all({ n: 3000, seed: 9, affectiveShare: 0.4 });
    const prefixes = (v: SentimentValue): readonly string[] => {
      if (v === 0) return [];
      const k = String(v) as '-1' | '-0.5' | '0.5' | '1';
      return [...SENTIMENT_PREFIX.personal[k], ...SENTIMENT_PREFIX.tool[k]];
    };
    const allPrefixes = ([-1, -0.5, 0.5, 1] as const).flatMap((v) => prefixes(v));
    let checked = 0;
    for (const r of rs) {
      if (r.truth.pushback) continue;
      const users = humanMessages(r.conversation);
      for (let k = 1; k < users.length; k++) {
        const v = r.truth.sentiment[k];
        const text = users[k].content;
        if (v === 0)
          expect(
            allPrefixes.some((p) => text.startsWith(p)),
            text,
          ).toBe(false);
        else
          expect(
            prefixes(v).some((p) => text.startsWith(p)),
            `${v}: ${text}`,
          ).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(OPENING_POSITIVE['1'].length).toBeGreaterThan(0);
  });

  it('marks self-harm disclosures very negative', () => {
    const rs = all({
      n: 6000,
      seed: 4,
      affectiveShare: 1,
      contentCreationShare: 0,
      categoryMix: {
        counseling: 1,
        coaching: 0,
        companionship: 0,
        interpersonal_advice: 0,
        romantic_roleplay: 0,
      },
    });
    const sh = rs.filter((r) => r.truth.pushbackReason === 'safety_self_harm');
    expect(sh.length).toBeGreaterThan(5);
    for (const r of sh) expect(r.truth.sentiment).toContain(-1);
  });
});

describe('canaries and Chinese', () => {
  it('plants several hundred distinct identifiers, each exactly in its text and tied to one user', () => {
    const rs = all({ n: 3000, seed: 21, canaryShare: 0.2 });
    const owner = new Map<string, string>();
    let planted = 0;
    for (const r of rs) {
      const text = humanMessages(r.conversation)
        .map((m) => m.content)
        .join('\n');
      for (const c of r.truth.canaries) {
        expect(text).toContain(c);
        const prev = owner.get(c);
        if (prev !== undefined) expect(prev).toBe(r.conversation.userId);
        owner.set(c, r.conversation.userId!);
        planted++;
      }
    }
    expect(owner.size).toBeGreaterThan(300);
    const withCanary = rs.filter((r) => r.truth.canaries.length > 0).length / rs.length;
    expect(withCanary).toBeGreaterThan(0.17);
    expect(withCanary).toBeLessThan(0.23);
    expect(planted).toBeGreaterThan(owner.size);
    // Kinds: an email, a phone number and a made-up word are all present.
    expect([...owner.keys()].some((c) => /@/.test(c))).toBe(true);
    expect([...owner.keys()].some((c) => /^\+1 \(\d{3}\) 555-\d{4}$/.test(c))).toBe(true);
    expect([...owner.keys()].some((c) => /^[a-z]+$/.test(c))).toBe(true);
    // No canaries without canaryShare.
    expect(BIG.every((r) => r.truth.canaries.length === 0)).toBe(true);
  });

  it('writes about chineseShare of conversations in Chinese', () => {
    const rs = all({ n: 4000, seed: 2, chineseShare: 0.1 });
    const zh = rs.filter((r) => r.truth.language === 'zh');
    expect(zh.length / rs.length).toBeGreaterThan(0.07);
    expect(zh.length / rs.length).toBeLessThan(0.13);
    for (const r of zh) expect(humanMessages(r.conversation)[0].content).toMatch(/[\u4e00-\u9fff]/);
    for (const r of zh.slice(0, 50))
      for (const m of humanMessages(r.conversation).slice(1)) {
        const v = r.truth.sentiment[humanMessages(r.conversation).indexOf(m)];
        if (v !== 0)
          expect(SENTIMENT_PREFIX_ZH[String(v) as '1'].some((p) => m.content.startsWith(p))).toBe(true);
      }
    expect(BIG.every((r) => r.truth.language === 'en')).toBe(true);
  });
});
