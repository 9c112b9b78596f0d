import { describe, expect, it } from 'vitest';
import { messageSentiment, valenceSum } from '../src/facets/offline/sentiment.js';
import { VALENCE } from '../src/facets/offline/sentimentLexicon.js';

describe('derived word forms', () => {
  it('gives adverbs and abstract nouns the polarity of their adjective', () => {
    expect(valenceSum('The plot was resolved cleverly.')).toBeGreaterThan(0);
    expect(valenceSum('What I remember is the blandness.')).toBeLessThan(0);
    expect(valenceSum('She handled it gracefully.')).toBeGreaterThan(0);
  });

  it('leaves function words and misleading derivations alone', () => {
    // "terribly" stays an intensifier, so "terribly good" is praise.
    expect(messageSentiment('That was terribly good.')).toBeGreaterThan(0);
    expect(VALENCE.has('means')).toBe(false);
    expect(VALENCE.has('business')).toBe(false);
    expect(VALENCE.has('clearly')).toBe(false);
  });
});

describe('praise that did not happen', () => {
  it('reads a modal perfect before praise as a complaint', () => {
    expect(valenceSum('It could have been wonderful.')).toBeLessThan(0);
    expect(valenceSum("The ending should've been stronger and funnier.")).toBeLessThan(0);
  });

  it('reads an attempt at a quality as missing it', () => {
    expect(valenceSum('The script tries so hard to be clever.')).toBeLessThan(0);
    expect(valenceSum('It was clever and it worked.')).toBeGreaterThan(0);
  });

  it('reads excess of a good quality as a complaint', () => {
    expect(valenceSum('The story is too sweet.')).toBeLessThan(0);
    // "too" before a negative word still intensifies it.
    expect(valenceSum('The story is too dull.')).toBeLessThan(valenceSum('The story is dull.'));
  });

  it("treats a split-off n't as a negator", () => {
    expect(valenceSum("it is n't good")).toBeLessThan(0);
  });
});
