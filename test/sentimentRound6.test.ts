import { describe, expect, it } from 'vitest';
import { DEFAULT_CUTS, messageSentiment, valenceSum } from '../src/facets/offline/sentiment.js';
import { VALENCE } from '../src/facets/offline/sentimentLexicon.js';

describe('edge inputs', () => {
  it('scores empty and wordless messages as neutral', () => {
    expect(messageSentiment('')).toBe(0);
    expect(messageSentiment('   \n ')).toBe(0);
    expect(messageSentiment('hmm')).toBe(0);
    expect(messageSentiment('42')).toBe(0);
  });

  it('scores one-word messages by that word alone', () => {
    expect(messageSentiment('great')).toBe(0.5);
    expect(messageSentiment('awful')).toBe(-1);
    expect(messageSentiment('okay')).toBe(0.5);
    expect(messageSentiment('Yes.')).toBe(0.5);
  });

  it('keeps its cut points ascending inside (-1, 1)', () => {
    for (let i = 1; i < DEFAULT_CUTS.length; i++)
      expect(DEFAULT_CUTS[i]).toBeGreaterThan(DEFAULT_CUTS[i - 1]);
    expect(DEFAULT_CUTS[0]).toBeGreaterThan(-1);
    expect(DEFAULT_CUTS[3]).toBeLessThan(1);
  });
});

describe('negation', () => {
  it('reads a denied comfort word as distress and a denied complaint as mild praise', () => {
    expect(messageSentiment("I'm not okay")).toBeLessThan(0);
    expect(messageSentiment('not bad at all')).toBeGreaterThan(0);
  });

  it('reads a denied or missed success as a complaint', () => {
    expect(messageSentiment('The new update never manages to save my drafts.')).toBe(-0.5);
    expect(messageSentiment("The two halves of the plan don't add up.")).toBe(-0.5);
    expect(messageSentiment('This budget is not enough for the trip.')).toBe(-0.5);
    expect(messageSentiment('A second opinion would have helped.')).toBe(-0.5);
    // A wish ("should be") is not a missed success: only the modal perfect counts.
    expect(messageSentiment('That should be fine for tomorrow.')).toBe(0.5);
    // Without the denial the same words carry no stance.
    expect(messageSentiment('The new update manages to save my drafts.')).toBe(0);
    expect(messageSentiment('The two halves of the plan add up.')).toBe(0);
  });

  it('leaves idioms built on those words alone', () => {
    expect(messageSentiment("I don't know much about sailing boats.")).toBe(0);
    expect(messageSentiment("I can't help but grin at the photo.")).toBe(0);
  });

  it('denies what follows "devoid of", "instead of" and "rather than"', () => {
    expect(valenceSum('a speech devoid of warmth')).toBeLessThan(0);
    expect(valenceSum('the sequel went for noise instead of charm')).toBeLessThan(0);
    expect(valenceSum('the meeting felt long rather than useful')).toBeLessThan(0);
  });
});

describe('contrast and concession', () => {
  it('lets the clause after "but" decide', () => {
    expect(messageSentiment('the food was great but the service ruined the night')).toBeLessThan(0);
    expect(messageSentiment('the queue was awful but the concert was wonderful')).toBeGreaterThan(0);
  });

  it('halves a concession and keeps the main clause whole, wherever the concession stands', () => {
    const main = valenceSum('the ending is wonderful');
    const opening = valenceSum('Although the middle drags, the ending is wonderful.');
    const trailing = valenceSum('The ending is wonderful, though the middle drags.');
    expect(opening).toBeGreaterThan(0);
    expect(trailing).toBe(opening);
    expect(opening).toBeLessThan(main);
    expect(opening).toBeGreaterThan(main - 1);
    expect(valenceSum('While the hotel was lovely, the trip was miserable.')).toBeLessThan(0);
  });
});

describe('excess, kinds and questions', () => {
  it('reads "too" before an adverb and a good quality as a complaint', () => {
    expect(valenceSum('The twist is too obviously clever.')).toBeLessThan(0);
  });

  it('does not read "kind of" as kindness', () => {
    expect(messageSentiment('What kind of tent should I buy?')).toBe(0);
    expect(messageSentiment('It is kind of a long walk from the station.')).toBe(0);
    expect(messageSentiment('She was very kind to me.')).toBeGreaterThan(0);
  });

  it('does not count praise asked about in a question', () => {
    expect(messageSentiment("What's the best way to learn the guitar?")).toBe(0);
    expect(messageSentiment('Is this a good plan for the weekend?')).toBe(0);
    // Distress in a question is still distress.
    expect(messageSentiment('Why do I feel so sad all the time?')).toBeLessThan(0);
  });

  it('treats an opening "yes" or "okay" before a request as no stance', () => {
    expect(messageSentiment('Yes, how do I change the oil filter?')).toBe(0);
    expect(messageSentiment('Okay so what should I pack first')).toBe(0);
    expect(messageSentiment('Okay, that is wonderful news!')).toBe(1);
  });
});

describe('hostility and fear words', () => {
  it('scores insults, profanity and fear as negative', () => {
    expect(messageSentiment('you are an idiot')).toBe(-1);
    expect(messageSentiment('that answer is total bullshit')).toBeLessThan(0);
    expect(messageSentiment('the thunderstorm last night was terrifying')).toBeLessThan(0);
    expect(messageSentiment('I disagree with that summary')).toBeLessThan(0);
  });

  it('makes no derived forms whose meaning drifts ("originally", "impossibly", "scarily")', () => {
    expect(VALENCE.has('original')).toBe(true);
    expect(VALENCE.has('originally')).toBe(false);
    expect(VALENCE.has('impossible')).toBe(true);
    expect(VALENCE.has('impossibly')).toBe(false);
    expect(VALENCE.has('scarily')).toBe(false);
  });
});
