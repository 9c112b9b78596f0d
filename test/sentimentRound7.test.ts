import { describe, expect, it } from 'vitest';
import { messageSentiment, valenceSum } from '../src/facets/offline/sentiment.js';
import { INTENSIFIERS, VALENCE } from '../src/facets/offline/sentimentLexicon.js';

describe('ranking at the top or bottom of a field', () => {
  it('lifts clear praise or criticism into a "very" class, and only for real superlatives', () => {
    expect(messageSentiment('That was one of the more useful workshops I went to.')).toBe(1);
    expect(messageSentiment('It is one of the more annoying apps on my phone.')).toBe(-1);
    expect(messageSentiment('Honestly a strong candidate for the nicest cafe in living memory.')).toBe(1);
    // Not a ranking: a noun that ends in "-est", a temporal superlative, or a ranking with no stance.
    expect(messageSentiment('One of the tests is helpful for the parser.')).toBe(0.5);
    expect(messageSentiment('One of the latest builds is helpful for the parser.')).toBe(0.5);
    expect(messageSentiment('Which is one of the oldest bridges in the city?')).toBe(0);
  });
});

describe('degree words of completeness', () => {
  it('intensify the word they modify', () => {
    expect(messageSentiment('The manual was thoroughly frustrating.')).toBe(-1);
    expect(messageSentiment('What a complete disappointment.')).toBe(-1);
    expect(INTENSIFIERS.get('sheer')).toBeGreaterThan(1);
    // "the absolute worst" is one strong word already.
    expect(INTENSIFIERS.has('absolute')).toBe(false);
  });
});

describe('"meant to be" as an attempt', () => {
  it('reads praise that was only meant as a complaint', () => {
    expect(messageSentiment('The ending is meant to be uplifting.')).toBeLessThan(0);
  });
});

describe('"clear" as evidence, not praise', () => {
  it('scores "it is clear that" by the claim that follows, and keeps praise of clarity', () => {
    expect(messageSentiment("It's clear that the report is formulaic.")).toBe(-0.5);
    expect(valenceSum('It is clear that we meet on Monday.')).toBe(0);
    expect(messageSentiment('The instructions were clear.')).toBe(0.5);
  });
});

describe('general criticism and praise words', () => {
  it('knows common words for slack, tasteless or shallow work', () => {
    expect(messageSentiment('Such a lazy answer.')).toBe(-0.5);
    expect(messageSentiment('The sequel felt glib and pandering.')).toBeLessThan(0);
    expect(messageSentiment('Her speech was incisive.')).toBe(0.5);
    expect(VALENCE.get('tacky')).toBeLessThan(0);
    // Words with a neutral sense in tasks or in names stay out.
    for (const w of ['wan', 'negligible', 'assured', 'unbelievable', 'flat', 'trivial'])
      expect(VALENCE.has(w)).toBe(false);
  });
});

describe('dismissals', () => {
  it('reads "little more than" and "nothing more than" as criticism', () => {
    expect(messageSentiment('The plugin is little more than a wrapper.')).toBe(-0.5);
    expect(messageSentiment('His plan is nothing more than a rumour.')).toBe(-0.5);
    expect(messageSentiment('The team was less than the sum of its parts.')).toBe(-0.5);
    // Quantities and wishes are no dismissal.
    expect(messageSentiment('The trip took a little more than an hour.')).toBe(0);
    expect(messageSentiment('I want nothing more than to sleep.')).toBe(0);
  });
});
