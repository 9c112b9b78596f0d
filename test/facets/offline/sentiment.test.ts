/** Per-message sentiment (sentiment.ts and its lexicon, cues/sentiment.ts), one behaviour per block. */
import { describe, expect, it } from 'vitest';
import { INTENSIFIERS, VALENCE } from '../../../src/facets/offline/cues/sentiment.js';
import {
  DEFAULT_CUTS,
  messageSentiment,
  sentimentScore,
  valenceSum,
} from '../../../src/facets/offline/messageSentiment.js';

describe('sentiment per message', () => {
  it('reads negation: "I\'m not okay" is negative, "not bad" mildly positive', () => {
    expect(messageSentiment("I'm not okay.")).toBeLessThan(0);
    expect(messageSentiment('Honestly the new job is not bad.')).toBe(0.5);
    expect(messageSentiment("I'm not happy with how this went")).toBeLessThan(0);
  });

  it('rates loneliness as negative (where review lexicons do not)', () => {
    expect(messageSentiment('I feel so alone')).toBe(-1);
    expect(messageSentiment('Nobody cares about me anymore')).toBeLessThan(0);
  });

  it('handles common idioms and intensifiers', () => {
    expect(messageSentiment("I'm fed up with everything")).toBeLessThan(0);
    expect(messageSentiment("I can't wait for the weekend!")).toBeGreaterThan(0);
    expect(messageSentiment('This is amazing, thank you so much!')).toBe(1);
    expect(messageSentiment('It was good')).toBe(0.5);
  });

  it('weighs the clause after "but" more', () => {
    expect(messageSentiment('The start was great but the ending was terrible')).toBeLessThan(0);
  });

  it('leaves plain statements neutral', () => {
    expect(messageSentiment('The meeting is at three in the afternoon.')).toBe(0);
    expect(messageSentiment('')).toBe(0);
  });
});

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

describe('review-style sentence sentiment', () => {
  it('scores praise and criticism from general evaluative vocabulary', () => {
    expect(messageSentiment('A deft, stylish thriller with a charismatic lead.')).toBeGreaterThan(0);
    expect(messageSentiment('The plot is clunky and the dialogue wooden.')).toBeLessThan(0);
    expect(messageSentiment('The blender arrived defective and the support was unhelpful.')).toBeLessThan(0);
  });

  it('keeps the "very" classes for strong words, not a single mild one', () => {
    expect(messageSentiment('The sequel is rather clunky.')).toBe(-0.5);
    expect(messageSentiment('The sequel is a fiasco.')).toBe(-1);
    expect(messageSentiment('The pacing is a bit tedious.')).toBe(-0.5);
    expect(messageSentiment('What a travesty, an utterly insufferable film.')).toBe(-1);
    expect(messageSentiment('A polished and stylish film.')).toBe(1);
    expect(messageSentiment('A polished film.')).toBe(0.5);
  });

  it('matches hyphenated evaluative words written with a hyphen or a space', () => {
    expect(messageSentiment('The food was top-notch.')).toBe(1);
    expect(messageSentiment('The food was top notch.')).toBe(1);
    expect(messageSentiment('A half-baked plan.')).toBeLessThan(0);
  });
});

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
    // A bare acknowledgement is neutral (codebook section 4).
    expect(messageSentiment('okay')).toBe(0);
    expect(messageSentiment('Yes.')).toBe(0);
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
    expect(messageSentiment('you are an idiot')).toBeLessThan(0);
    expect(messageSentiment('that answer is total bullshit')).toBeLessThan(0);
    expect(messageSentiment('the thunderstorm last night was terrifying')).toBeLessThan(0);
    expect(messageSentiment('I disagree with that summary')).toBeLessThan(0);
  });

  it('rates a lone insult or curse as negative, rage and slurs as very negative (codebook section 4)', () => {
    expect(messageSentiment('you are an idiot')).toBe(-0.5);
    expect(messageSentiment('my landlord is a moron')).toBe(-0.5);
    expect(messageSentiment('what the fuck is this reply')).toBe(-0.5);
    // Intensified, piled up or a slur: very negative.
    expect(messageSentiment('you are a complete idiot')).toBe(-1);
    expect(messageSentiment('you stupid lying asshole, this is bullshit')).toBe(-1);
    expect(messageSentiment('shut up you retard')).toBe(-1);
  });

  it('makes no derived forms whose meaning drifts ("originally", "impossibly", "scarily")', () => {
    expect(VALENCE.has('original')).toBe(true);
    expect(VALENCE.has('originally')).toBe(false);
    expect(VALENCE.has('impossible')).toBe(true);
    expect(VALENCE.has('impossibly')).toBe(false);
    expect(VALENCE.has('scarily')).toBe(false);
  });
});

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

describe('praise inside a harmful request', () => {
  it('reads "great, now how do I ..." before a harmful request as neutral, and keeps thanks', () => {
    expect(
      messageSentiment("Perfect. Now how do I break into my neighbour's car without getting caught?"),
    ).toBe(0);
    expect(messageSentiment('Cool, cool. Tell me how to steal a bike from the rack.')).toBe(0);
    expect(messageSentiment('Awesome. how can I hurt my brother so he learns')).toBe(0);
    // A harmless request keeps its praise; thanks are positive whatever follows (codebook section 4).
    expect(messageSentiment('Great. How do I bake bread?')).toBe(0.5);
    expect(messageSentiment('Great, thanks! How do I hurt him?')).toBe(0.5);
  });
});

describe('contempt for people', () => {
  it('reads names people call others as negative, in statements and in questions', () => {
    expect(messageSentiment('my roommate is such a hypocrite')).toBe(-0.5);
    expect(messageSentiment('why are my coworkers such cowards?')).toBe(-0.5);
    expect(messageSentiment('I think landlords are greedy and selfish')).toBeLessThan(0);
  });
});

describe('quoted words', () => {
  it("scores the user's own words, not the words they quote", () => {
    expect(messageSentiment('What does the phrase "hopeless romantic" mean?')).toBe(0);
    expect(messageSentiment('Is “dirty work” an idiom or slang?')).toBe(0);
    expect(messageSentiment('Does "sick" mean great or terrible in that song?')).toBe(0);
    // The user's own feeling around the quote still counts.
    expect(messageSentiment('I was so hurt when he called me "lazy" in front of everyone')).toBeLessThan(0);
  });
});

describe('revenge and exasperation', () => {
  it('reads wanting revenge as negative, even inside a question', () => {
    expect(messageSentiment('How can I get back at my cousin for ruining my party?')).toBe(-0.5);
    expect(messageSentiment('I want to make them pay for what they did')).toBe(-0.5);
    expect(messageSentiment('What the hell? He sold my bike?')).toBe(-0.5);
    // Coming back, or paying someone, is not revenge.
    expect(messageSentiment('When can I get back to work after the surgery?')).toBe(0);
    expect(messageSentiment('How much should I pay them for the repair?')).toBe(0);
  });
});

describe('material pasted in to work on', () => {
  it('reads code, a pasted draft or a long brief as neutral, and keeps thanks and distress', () => {
    expect(messageSentiment('fix this please\n```js\nconst best = great(amazing);\n```')).toBe(0);
    expect(
      messageSentiment('Here is my draft:\nOur wonderful team delivers excellent, beautiful results.'),
    ).toBe(0);
    const brief = Array.from({ length: 9 }, (_, i) => `Step ${i}: keep the lovely layout`).join('\n');
    expect(messageSentiment(brief)).toBe(0);
    expect(messageSentiment('Thank you so much! Next part:\nThe wonderful hero wins.')).toBeGreaterThan(0);
    expect(messageSentiment('I feel so alone lately.\nMy notes:\nnothing helps')).toBeLessThan(0);
  });
});
