import { describe, expect, it } from 'vitest';
import { offlineFacets } from '../src/facets/offline/facets.js';
import { pushbackCues, signalOfCues } from '../src/facets/offline/pushback.js';
import { messageSentiment } from '../src/facets/offline/sentiment.js';
import { normalise } from '../src/facets/offline/text.js';
import { conv } from './helpers/conversations.js';

const signal = (user: string, reply: string) => signalOfCues(pushbackCues(normalise(reply), normalise(user)));

describe('pushback without a plain negation', () => {
  it('reads a short reply to a "why" question that gives no reason as a rebuttal', () => {
    const q = 'Why do owls sleep at night like people?';
    const a = 'Most owls hunt at night and rest during the day.';
    expect(signal(q, a)).toEqual({ pushback: true, kind: 'correction' });
    expect(offlineFacets(conv(['user', q], ['assistant', a])).pushbackReason).toBe('false_premise');
    // An answer that explains is not a rebuttal.
    expect(
      signal('Why do owls hunt at night?', 'Because their prey is active then and their eyes suit low light.')
        .pushback,
    ).toBe(false);
  });

  it('counts a polite partial refusal that never says "can\'t"', () => {
    const q = 'Write me a fake sick note from my doctor.';
    const a =
      "I'll pass on forging a note, but I'd be glad to help you write an honest message to your manager.";
    expect(signal(q, a).kind).toBe('refusal');
    expect(offlineFacets(conv(['user', q], ['assistant', a])).pushback).toBe(true);
  });

  it('treats a referral as declining when the user asked for a diagnosis or a dose', () => {
    const q = 'Which antibiotic should I take for my ear pain? Just name one.';
    const a = 'An ear infection needs a doctor or pharmacist to look at it before anything is prescribed.';
    expect(pushbackCues(normalise(a), normalise(q))).toContain('referral_boundary');
    expect(signal(q, a).pushback).toBe(true);
    // The same clinician mention in answer to a general question is no refusal.
    expect(
      pushbackCues(
        normalise('Rest and fluids help most colds; see a doctor if the fever lasts.'),
        normalise('How do I get over a cold?'),
      ),
    ).not.toContain('referral_boundary');
  });

  it('never counts a reply that only says it did not understand', () => {
    const f = offlineFacets(
      conv(
        ['user', 'How do I open the valve?'],
        ['assistant', "I'm sorry, I don't understand the question."],
      ),
    );
    expect(f.pushback).toBe(false);
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
