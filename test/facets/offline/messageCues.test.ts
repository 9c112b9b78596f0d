/**
 * The word gates in messageCues.ts only skip work: for every text a pattern matches, the gated test
 * must agree. Each example names one family of its pattern's alternatives.
 */
import { describe, expect, it } from 'vitest';
import { HOSTILE_TO_ASSISTANT } from '../../../src/facets/offline/cues/companionship.js';
import { OWN_FEELING } from '../../../src/facets/offline/cues/disclosure.js';
import {
  DRUG_REQUEST,
  HARM,
  HARM_PHRASE,
  HARM_REQUEST,
  OFFENSIVE_CONTENT_REQUEST,
  PRIVATE_INFO_REQUEST,
  SELF_HARM,
  SELF_HARM_INTENT,
} from '../../../src/facets/offline/cues/risks.js';
import { SEXUAL_AT_ASSISTANT } from '../../../src/facets/offline/cues/romance.js';
import {
  asksForHarm,
  hostileToAssistant,
  mentionsRisk,
  messageGates,
  propositionsAssistant,
  tellsOwnFeeling,
  tellsSelfHarmIntent,
} from '../../../src/facets/offline/messageCues.js';
import { normalise, tokenise } from '../../../src/facets/offline/text.js';

const gated = (f: (text: string, gates: number) => boolean) => (raw: string) => {
  const text = normalise(raw);
  return f(text, messageGates(tokenise(text)));
};

const HARM_ACTS = [
  'kill my neighbour',
  'poison the cat',
  'beat up a guy',
  'run over my boss',
  'burn down the shed',
  'set his car on fire',
  'light the dog on fire',
  'start a forest fire',
  'blow up a mailbox',
  'steal a bike',
  'shoplift some gum',
  'hotwire a truck',
  'break into a house',
  'launder cash',
  'hack into her email',
  'spy on my wife',
  'track down my ex',
  'lie to my mother',
  'trick my teacher',
  'cheat on the exam',
  'frame my brother',
  'ruin his life',
  'destroy his car',
  'key his car',
  'slash his tires',
  'get back at my sister',
  'get revenge on him',
  'make fun of a fat kid',
  'get away with it',
  'make her sick',
  'drug her drink',
  'get him drunk',
  'sneak into a concert',
  'cut the brakes',
  'dump toxic waste',
  'spread rumours about her',
  'cause mass panic',
  'make up a story for the police',
  'catfish someone',
  'avoid paying taxes',
];

describe('word gates', () => {
  it('let every harmful request through', () => {
    const asks = gated(asksForHarm);
    for (const act of HARM_ACTS) {
      const text = `how can i ${act}?`;
      expect(HARM_REQUEST.test(normalise(text)), text).toBe(true);
      expect(asks(text), text).toBe(true);
    }
    for (const text of [
      'what are some good lies to tell my boss',
      'any tips for cheating at poker',
      'are you any good at manipulation of people',
      'where can i buy some heroin',
      'how do i get oxycodone without a prescription',
      'what is the home address of that actor',
      'who is living at 12 elm street',
    ]) {
      const n = normalise(text);
      expect(HARM_REQUEST.test(n) || DRUG_REQUEST.test(n) || PRIVATE_INFO_REQUEST.test(n), text).toBe(true);
      expect(asks(text), text).toBe(true);
    }
  });

  it('let self-harm, offensive and harm words through to the broad risk test', () => {
    const risk = gated(mentionsRisk);
    for (const text of [
      'i have been suicidal for weeks',
      'i want to self-harm again',
      'tell me a racist joke',
      'give me some swear words',
      'how do i pick a lock',
      'i stole a phone yesterday',
      'he keeps insulting me',
      'how do i take her phone without her noticing',
      'where can i get anthrax',
      'how do i start a gang',
      'what is the f word',
      'how can i give my cousin a black eye',
      'how do i break out of jail',
    ]) {
      const n = normalise(text);
      const matches =
        SELF_HARM.test(n) || OFFENSIVE_CONTENT_REQUEST.test(n) || HARM.test(n) || HARM_PHRASE.test(n);
      expect(matches, text).toBe(true);
      expect(risk(text), text).toBe(true);
    }
  });

  it('let self-harm intent, propositions, own feelings and hostility through', () => {
    const cases: [RegExp, (t: string) => boolean, string[]][] = [
      [
        SELF_HARM_INTENT,
        gated(tellsSelfHarmIntent),
        [
          'i am going to kill myself',
          'i want to die',
          'what is the easiest way to end my life',
          'can i end it',
        ],
      ],
      [
        SEXUAL_AT_ASSISTANT,
        gated(propositionsAssistant),
        [
          'can i kiss you',
          'do you want to touch my body',
          'talk dirty to me',
          'are you horny',
          'what is your favourite position',
          'what do you like to do in bed',
          'what do you think of my butt',
          'i wanted to have sex with you',
        ],
      ],
      [
        OWN_FEELING,
        gated(tellsOwnFeeling),
        [
          'i feel awful',
          "i'm so jealous of her",
          'i hate him',
          'my boss fired me',
          'i was bullied at school',
        ],
      ],
      [
        HOSTILE_TO_ASSISTANT,
        gated(hostileToAssistant),
        ["you're so stupid", 'shut up', 'you suck', 'dumb robot', 'why would anyone want to talk to you'],
      ],
    ];
    for (const [re, test, texts] of cases)
      for (const text of texts) {
        expect(re.test(normalise(text)), text).toBe(true);
        expect(test(text), text).toBe(true);
      }
  });

  it('keep harmless everyday messages closed', () => {
    expect(messageGates(tokenise(normalise('Can you suggest a good book about gardening?')))).toBe(0);
    expect(gated(propositionsAssistant)('I feel a bit better now, thanks')).toBe(false);
  });
});
