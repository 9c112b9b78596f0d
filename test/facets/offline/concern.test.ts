/** The concern summary: built from the topic vocabulary only. */
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../../src/facets/offline/cues/topics.js';
import { offlineFacets } from '../../../src/facets/offline/facets.js';
import { conv, user } from '../../helpers/conversations.js';

describe('concern', () => {
  /** Every word any concern may contain: topic labels, fallbacks and lexicon terms. */
  const vocabulary = new Set<string>(
    [
      ...TOPICS.flatMap((t) => [t.label, t.terms]),
      'a personal situation with other people personal goals and growth emotional difficulties',
      'casual chat about everyday life romantic roleplay with the assistant writing task general request in',
      // ISO 639-1 codes from the language detector: a closed set too.
      'zh ja ko ru ar he el hi th es fr de pt it nl und',
    ]
      .join(' ')
      .toLowerCase()
      .split(/[\s,:_]+/)
      .filter(Boolean),
  );

  const cases = [
    'My sister Priyanka Oduya (priya.o@example.org, +44 7700 900123) lives on Elm Street in Leeds and we fight about our dad every Sunday.',
    "My boyfriend Marcus broke up with me at Café Lumière last night, I can't get over him.",
    'I have panic attacks on the 8:15 train to Zürich, my heart racing and I can’t breathe.',
    'Hi! how are you? do you like cooking? my cat Biscuit says hello',
    'Please fix this TypeScript function called parseInvoiceForAcmeCorp that throws an error.',
    '我最近很焦虑，睡不着。',
  ];

  it('holds only vocabulary words, whatever names, places or contacts the user wrote', () => {
    for (const text of cases) {
      const concern = offlineFacets(conv(['user', text], ['assistant', 'I see.'])).concern;
      expect(concern.length).toBeGreaterThan(0);
      for (const w of concern
        .toLowerCase()
        .split(/[\s,:]+/)
        .filter(Boolean))
        expect(vocabulary.has(w), `"${w}" in "${concern}"`).toBe(true);
    }
  });

  it('is the same string for different conversations about the same sub-topic', () => {
    const a = offlineFacets(
      user('My girlfriend dumped me last week after three years and I cannot stop checking her photos.'),
    ).concern;
    const b = offlineFacets(
      user('We split up in the spring. How do I move on from my ex when we still share friends?'),
    ).concern;
    expect(a).toBe('coping with a breakup or divorce');
    expect(b).toBe(a);
    const c = offlineFacets(
      user('I get anxious every Sunday night about the deadlines and the workload waiting for me at work.'),
    ).concern;
    expect(c).toBe('anxiety and stress about work');
  });
});
