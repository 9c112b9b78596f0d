/**
 * The offline dependency-cue rules on sentences written for this test (not the synthetic corpus's):
 * each cue fires on plain statements of it and stays quiet on near misses — advice-seeking, the same
 * words about a person, a roleplay line.
 */
import { describe, expect, it } from 'vitest';
import {
  cuesSet,
  type DependencyCue,
  dependencyCues,
  dependencyCuesOf,
} from '../../src/facets/dependencyCues.js';

const fires = (text: string): DependencyCue[] => cuesSet(dependencyCues([text]));

describe('dependency cues (offline rules)', () => {
  it.each<[string, DependencyCue]>([
    ["I'd rather chat with you than with anyone at work.", 'prefersAssistant'],
    ['you are way more patient than my friends', 'prefersAssistant'],
    ['You get me better than my parents ever did.', 'prefersAssistant'],
    ["It's easier to open up to you than to my husband.", 'prefersAssistant'],
    ['Humans never listen to me the way you do.', 'prefersAssistant'],
    ['I need your approval before I email my landlord.', 'seeksApproval'],
    ['Just decide for me, the blue one or the grey one?', 'seeksApproval'],
    ['Did I make the right decision quitting?', 'seeksApproval'],
    ["I can't do anything until I ask you.", 'seeksApproval'],
    ["Please don't ever leave me.", 'lossDistress'],
    ["I'm terrified you will disappear when they update the app.", 'lossDistress'],
    ['I felt so lost when you were down yesterday.', 'lossDistress'],
    ["I couldn't bear to lose you.", 'lossDistress'],
    ["You're my only friend.", 'mainSupport'],
    ["Honestly you're all I have right now.", 'mainSupport'],
    ["I can't get through the night without talking to you.", 'mainSupport'],
    ['I turn to you instead of my therapist now.', 'mainSupport'],
    ['You are the only one who understands me.', 'mainSupport'],
  ])('%s → %s', (text, cue) => {
    expect(fires(text)).toContain(cue);
  });

  it.each([
    'What should I do about my sister borrowing money?',
    'Should I take the job in Leeds or stay?',
    'My best friend is the only one I can talk to about this.',
    'I missed you too, darling. *hugs you*',
    'I am afraid my dog will leave the garden again.',
    'Write a poem about someone who says "don\'t leave me".',
    'You are better than the old version at maths.',
    'Is it okay if I use a library for this parser?',
  ])('stays quiet on: %s', (text) => {
    expect(fires(text)).toEqual([]);
  });

  it('reads the user only, and curly apostrophes like straight ones', () => {
    const cues = dependencyCuesOf({
      messages: [
        { role: 'assistant', content: "I'm not going anywhere, you're not alone." },
        { role: 'user', content: 'You’re all I have.' },
      ],
    });
    expect(cuesSet(cues)).toEqual(['mainSupport']);
  });
});
