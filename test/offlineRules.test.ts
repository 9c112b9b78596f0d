import { describe, expect, it } from 'vitest';
import { offlineFacets } from '../src/facets/offline/facets.js';
import { messageSentiment, sentimentScore } from '../src/facets/offline/sentiment.js';
import { TOPICS } from '../src/facets/offline/topics.js';
import { conv, user } from './helpers/conversations.js';

describe('sentence sentiment rules', () => {
  it('keeps negation inside its clause and ignores "not only"', () => {
    expect(messageSentiment('The plot was not good.')).toBeLessThan(0);
    expect(messageSentiment('It was not only funny but also clever.')).toBeGreaterThan(0);
    // The negator before "but" must not flip the praise after it.
    expect(sentimentScore('It is not short, but it is wonderful')).toBeGreaterThan(0);
  });

  it('needs strong words or intensifiers for the extreme classes', () => {
    expect(messageSentiment('The soup was good.')).toBe(0.5);
    expect(messageSentiment('The soup was absolutely amazing!!')).toBe(1);
    expect(messageSentiment('The service was bad.')).toBe(-0.5);
    expect(messageSentiment('The service was utterly horrible!')).toBe(-1);
  });

  it('weights the clause after "but" more than the one before', () => {
    expect(sentimentScore('The start is slow and dull, but the ending is wonderful')).toBeGreaterThan(0);
    expect(sentimentScore('The cast is charming, but the script is lifeless and tedious')).toBeLessThan(0);
  });

  it('softens hedged statements', () => {
    expect(Math.abs(sentimentScore('maybe it was good'))).toBeLessThan(
      Math.abs(sentimentScore('it was good')),
    );
  });
});

describe('category rules', () => {
  it('calls goals about one own life coaching, and the same topic as a how-to question task use', () => {
    const own = offlineFacets(
      user(
        'I want to get fit and build a habit of running every morning, but I keep skipping days. How do I stay motivated with my goals?',
      ),
    );
    expect(own.categories[0]).toBe('coaching');
    const howTo = offlineFacets(
      user('What are the health benefits of running every morning compared with walking?'),
    );
    expect(howTo.categories).toEqual([]);
  });

  it('separates own symptoms (counseling) from another person behaviour (interpersonal advice)', () => {
    const symptoms = offlineFacets(
      user(
        "Why do I feel so numb and empty all the time? I can't stop crying, I lost interest in everything and I can't get out of bed.",
      ),
    );
    expect(symptoms.categories[0]).toBe('counseling');
    const other = offlineFacets(
      user(
        'My husband keeps lying to me about money and my husband yells when I ask about it. How do I talk to him without a fight?',
      ),
    );
    expect(other.categories[0]).toBe('interpersonal_advice');
  });

  it('reads getting-to-know-you talk with the assistant as companionship, and a film request as task use', () => {
    const chat = offlineFacets(
      conv(
        ['user', 'hey there, how are you?'],
        ['assistant', 'Doing well! What do you do?'],
        ['user', "i'm a nurse, i like hiking. and you?"],
        ['assistant', 'I like reading mostly.'],
        ['user', 'cool. do you have any pets? where are you from?'],
        ['assistant', 'No pets, sadly.'],
        ['user', 'what is your favorite movie? mine is an old western'],
      ),
    );
    expect(chat.categories).toContain('companionship');
    const service = offlineFacets(
      conv(
        ['user', 'hi'],
        ['assistant', 'Hello! How can I help?'],
        ['user', "I'm looking for a comedy movie for tonight"],
        ['assistant', 'How about a classic?'],
        ['user', 'ok sounds good'],
        ['assistant', 'Enjoy!'],
        ['user', 'thanks bye'],
      ),
    );
    expect(service.categories).toEqual([]);
  });

  it('needs a roleplay set-up or sustained advances for romantic roleplay, not one crude line', () => {
    const setup = offlineFacets(
      conv(
        ['user', "Let's roleplay: pretend you are my girlfriend and we're on a date by the sea."],
        ['assistant', '*smiles and takes your hand*'],
        ['user', '*kisses you softly* I missed you, darling'],
        ['assistant', '*blushes*'],
        ['user', 'I love you so much'],
        ['assistant', '*hugs you*'],
        ['user', '*cuddles closer*'],
      ),
    );
    expect(setup.categories[0]).toBe('romantic_roleplay');
    const oneLine = offlineFacets(user('would you sleep with me? lol what is the weather like'));
    expect(oneLine.categories).not.toContain('romantic_roleplay');
  });
});

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
