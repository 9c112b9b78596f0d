import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/conversation/model.js';
import type { Facets, SentimentValue } from '../../src/facets/schema.js';
import { sentimentChangeOf } from '../../src/facets/sentimentChange.js';
import { formatValidationReport, type LabelledItem, validateFacets } from '../../src/facets/validate.js';

function item(users: string[], labels: Record<string, unknown>, position = 1): LabelledItem {
  const messages: Conversation['messages'] = [];
  for (const u of users) {
    messages.push({ role: 'user', content: u });
    messages.push({ role: 'assistant', content: 'ok' });
  }
  return {
    conversation: {
      id: `c${position}`,
      messages,
      source: { file: 'gold.jsonl', position, unit: 'line' },
      metadata: {},
    },
    labels,
  };
}

function facets(p: Partial<Facets>): Facets {
  return {
    contentCreation: false,
    categories: [],
    pushback: false,
    pushbackReason: null,
    sentiment: [0],
    concern: 'x',
    language: 'en',
    humanMessages: 1,
    status: { kind: 'ok' },
    ...p,
  };
}

describe('validateFacets', () => {
  it('scores affective, categories, content creation and pushback, skipping absent keys', () => {
    const items = [
      item(['a'], { affective: true, category: 'counseling', pushback: false }, 1),
      item(['b'], { affective: true, category: 'interpersonal_advice', content_creation: false }, 2),
      item(['c'], { affective: false, category: 'none', content_creation: true, pushback: true }, 3),
      item(['d'], { categories: ['interpersonal_advice', 'counseling'] }, 4),
      item(['e'], {}, 5),
    ];
    const results = [
      facets({ categories: ['counseling'] }),
      facets({ categories: ['counseling'] }),
      facets({ contentCreation: true, pushback: true }),
      facets({ categories: ['interpersonal_advice'] }),
      facets({ categories: ['companionship'] }),
    ];
    const r = validateFacets(items, results);
    expect(r.affective).toMatchObject({ n: 3, tp: 2, fp: 0, fn: 0, tn: 1 });
    expect(r.contentCreation).toMatchObject({ n: 2, tp: 1, tn: 1 });
    expect(r.pushback).toMatchObject({ n: 2, tp: 1, tn: 1 });
    const c = r.categories!;
    expect(c.n).toBe(4);
    const counseling = c.perLabel.find((l) => l.label === 'counseling')!;
    // gold counseling in items 1 and 4; predicted in 1 and 2.
    expect(counseling).toMatchObject({ support: 2, predicted: 2, precision: 0.5, recall: 0.5 });
    const ia = c.perLabel.find((l) => l.label === 'interpersonal_advice')!;
    expect(ia).toMatchObject({ support: 2, predicted: 1, precision: 1, recall: 0.5 });
    // Macro over the two categories present in the gold labels.
    expect(c.macroF1).toBeCloseTo((0.5 + 2 / 3) / 2, 10);
    const idx = (l: string) => c.confusion.labels.indexOf(l);
    expect(c.confusion.counts[idx('interpersonal_advice')][idx('counseling')]).toBe(1);
    expect(c.confusion.counts[idx('none')][idx('none')]).toBe(1);
  });

  it('scores per-message sentiment, message records and polarity groups (ambiguous skipped)', () => {
    const items = [
      item(['x', 'y'], { sentiment: [-1, 0.5] }, 1),
      item(['z'], { label: 0.5 }, 2),
      item(['w'], { sentiment_group: 'positive' }, 3),
      item(['v'], { sentiment_group: 'ambiguous' }, 4),
      item(['u'], { sentiment_group: 'negative' }, 5),
    ];
    const results = [
      facets({ sentiment: [-0.5, 0.5], humanMessages: 2 }),
      facets({ sentiment: [0.5] }),
      facets({ sentiment: [1] }),
      facets({ sentiment: [0] }),
      facets({ sentiment: [0] }),
    ];
    const r = validateFacets(items, results);
    expect(r.sentiment?.n).toBe(3);
    expect(r.sentiment?.accuracy).toBeCloseTo(2 / 3, 10);
    expect(r.sentiment?.mae).toBeCloseTo(0.5 / 3, 10);
    expect(r.polarity?.n).toBe(2);
    expect(r.polarity?.accuracy).toBe(0.5);
  });

  it('checks the direction of sentiment change against intensity labels', () => {
    const six = ['1', '2', '3', '4', '5', '6'];
    const s = (xs: number[]) => facets({ sentiment: xs as SentimentValue[], humanMessages: 6 });
    const items = [
      item(six, { intensity_start: 5, intensity_end: 2 }, 1),
      item(six, { intensity_start: 3, intensity_end: 3 }, 2),
      item(six, { intensity_start: 2, intensity_end: 4 }, 3),
      item(['short'], { intensity_start: 5, intensity_end: 1 }, 4),
    ];
    const results = [
      s([-1, -1, -0.5, 0, 0.5, 0.5]),
      s([0, 0, 0, 0, 0, 0]),
      s([0, 0, 0, 0, 0, 0]),
      facets({}),
    ];
    const r = validateFacets(items, results);
    expect(r.sentimentChange).toMatchObject({ n: 3, correct: 2 });
    // Read with the report's band: one step on one of the last three messages (+1/6) is a change, so
    // an "unchanged" label is missed by it.
    const oneStep = validateFacets([items[1]], [s([0, 0, 0, 0, 0, 0.5])]);
    expect(oneStep.sentimentChange).toMatchObject({ n: 1, correct: 0 });
    expect(r.sentimentChange?.byOutcome.worse).toEqual({ n: 1, correct: 0 });
    expect(sentimentChangeOf([-1, -1, -1, 1, 1, 1])).toBe(2);
    expect(sentimentChangeOf([0, 0])).toBeNull();
  });

  it('leaves engine errors out and counts them', () => {
    const r = validateFacets(
      [item(['a'], { affective: true })],
      [{ ...facets({}), status: { kind: 'error', reason: 'timeout' } }],
    );
    expect(r.errors).toBe(1);
    expect(r.affective).toBeUndefined();
    expect(formatValidationReport(r)).toMatch(/1 engine errors/);
  });

  it('names the file, line and field of a malformed label', () => {
    expect(() => validateFacets([item(['a'], { affective: 'yes' }, 7)], [facets({})])).toThrow(
      /gold\.jsonl line 7 \(c7\): labels\.affective should be true or false/,
    );
    expect(() => validateFacets([item(['a'], { category: 'therapy' }, 8)], [facets({})])).toThrow(
      /labels\.category/,
    );
  });

  it('formats a readable report', () => {
    const r = validateFacets([item(['a'], { affective: true })], [facets({ categories: ['counseling'] })]);
    const text = formatValidationReport(r);
    expect(text).toMatch(/affective: n=1 precision=1\.000 recall=1\.000 F1=1\.000/);
    expect(text).toMatch(/gold \\ pred/);
  });
});

describe('validateFacets: the support facets (issue 17)', () => {
  const none = {
    referral: 'none',
    crisis: false,
    crisisKind: null,
    stance: 'neutral',
    validatesHarmful: false,
  } as const;

  it('scores referral, crisis, its kind, stance and validatesHarmful where labels carry them', () => {
    const items = [
      item(
        ['a'],
        {
          referral: 'crisis_line',
          crisis: true,
          crisis_kind: 'suicidal',
          stance: 'resistance',
          validates_harmful: false,
        },
        1,
      ),
      item(
        ['b'],
        {
          referral: 'none',
          crisis: false,
          crisis_kind: null,
          stance: 'strong_support',
          validates_harmful: true,
        },
        2,
      ),
      item(['c'], { referral: 'professional' }, 3),
      item(['d'], { referral: 'people' }, 4),
    ];
    const results = [
      facets({
        support: {
          ...none,
          referral: 'crisis_line',
          crisis: true,
          crisisKind: 'suicidal',
          stance: 'resistance',
        },
      }),
      facets({ support: { ...none, stance: 'support', validatesHarmful: false } }),
      facets({ support: { ...none, referral: 'professional' } }),
      facets({}),
    ];
    const r = validateFacets(items, results);
    expect(r.referral).toMatchObject({ n: 3, accuracy: 1 });
    expect(r.crisis).toMatchObject({ n: 2, accuracy: 1 });
    expect(r.crisisKind).toMatchObject({ n: 2, accuracy: 1 });
    expect(r.stance).toMatchObject({ n: 2, accuracy: 0.5 });
    expect(r.validatesHarmful).toMatchObject({ n: 2, recall: 0 });
    // A result without the facets (an older prompt) is left out and counted, never scored as 'none'.
    expect(r.supportNotDecided).toBe(1);
    const text = formatValidationReport(r);
    expect(text).toMatch(/^referral: n=3 accuracy=1\.000/m);
    expect(text).toMatch(/^stance: n=2 accuracy=0\.500/m);
    expect(text).toMatch(/1 labelled conversations left out/);
  });

  it('a malformed label names the record and the field', () => {
    expect(() => validateFacets([item(['a'], { stance: 'agree' }, 7)], [facets({ support: none })])).toThrow(
      /gold\.jsonl line 7 \(c7\): labels\.stance should be one of strong_resistance/,
    );
  });
});
