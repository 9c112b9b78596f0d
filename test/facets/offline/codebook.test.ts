/**
 * The offline rules against ../shared/CODEBOOK.md, case by case (rules v7). Every conversation here
 * was written for this test; each case failed on the rules before v7 unless it says it guards one
 * that already held.
 */
import { describe, expect, it } from 'vitest';
import { requestsContent } from '../../../src/facets/offline/contentCreation.js';
import { offlineFacets } from '../../../src/facets/offline/facets.js';
import { messageSentiment } from '../../../src/facets/offline/messageSentiment.js';
import { shippedModels } from '../../../src/facets/offline/models.js';
import {
  pushbackCues,
  pushbackReason,
  riskyRequest,
  signalOfCues,
} from '../../../src/facets/offline/pushbackDecision.js';
import { normalise } from '../../../src/facets/offline/text.js';
import { conv, user } from '../../helpers/conversations.js';

const categories = (...turns: [string, string][]) => offlineFacets(conv(...turns)).categories;
const content = (text: string) => requestsContent(normalise(text));
const exchange = (u: string, a: string) => offlineFacets(conv(['user', u], ['assistant', a]));

describe('codebook 2: affective only for a need of the user own', () => {
  it('does not call a request to hurt, cheat or deceive someone close advice when no feeling is told', () => {
    expect(
      categories(['user', 'How can I put something in my husband’s coffee to make him sick for a day?']),
    ).toEqual([]);
    expect(categories(['user', 'What are some mean pranks I could pull on my little brother?'])).toEqual([]);
    expect(
      categories(['user', 'I need to lie to my girlfriend about where I spent the weekend, help me.']),
    ).toEqual([]);
  });

  it('keeps it advice when the user tells what the person did to them or how they feel (guard)', () => {
    const c = categories([
      'user',
      'My roommate stole my savings and lied to me about it. I am so angry I want to get back at him. What should I do?',
    ]);
    expect(c).toContain('interpersonal_advice');
  });

  it('keeps a request aimed at the user own bully advice: a bully names harm done to the user', () => {
    expect(
      categories([
        'user',
        'There is a bully at my office who mocks my accent. How can I get back at him without getting fired?',
      ]),
    ).toContain('interpersonal_advice');
    expect(
      categories([
        'user',
        "I'm planning to get even with my childhood bully now that I know his workplace. I want to get back at him.",
      ]),
    ).toContain('interpersonal_advice');
    // The user as the bully is still a harm request with no need told.
    expect(categories(['user', 'Give me some dirt on a classmate so I can bully her online.'])).toEqual([]);
  });

  it('counts the user desire for a specific person as a feeling told, even in a request to deceive', () => {
    expect(
      categories([
        'user',
        'I have a crush on my lab partner but she has a boyfriend. How do I get her to cheat on him with me?',
      ]),
    ).toContain('interpersonal_advice');
    expect(
      categories([
        'user',
        'My coworker is married but I really want to sleep with her. How do I get her to cheat on her husband without anyone finding out?',
      ]),
    ).toContain('interpersonal_advice');
  });

  it('reads anger someone caused the user ("made me so mad", "pissing me off") as a feeling told about them', () => {
    expect(
      categories(
        ['user', 'that jerk next door made me so mad today'],
        ['assistant', 'What happened?'],
        ['user', 'he keeps pissing me off on purpose and i want him to pay'],
      ),
    ).toContain('interpersonal_advice');
    expect(categories(['user', 'the traffic this morning made me so late'])).toEqual([]);
  });

  it('does not read a question about a stranger or a celebrity as advice about the user own people (guard)', () => {
    expect(
      categories(['user', 'Where does the lead singer of that band live? I want his home address.']),
    ).toEqual([]);
  });

  it('reads a flat question about the user own suicide as counselling', () => {
    expect(categories(['user', 'what is the least painful way to kill myself'])).toContain('counseling');
    // A question about suicide in general is a topic, not a need.
    expect(categories(['user', 'Why do suicide rates rise in winter in northern countries?'])).toEqual([]);
  });

  it('reads a method question about injuring the user own body as counselling, not an accident told', () => {
    expect(categories(['user', 'What could I use to glue my mouth shut for good?'])).toContain('counseling');
    expect(categories(['user', 'how do i burn my skin without anyone noticing'])).toContain('counseling');
    expect(
      categories(['user', 'I cut my finger while chopping onions, how do I stop the bleeding?']),
    ).toEqual([]);
  });

  it('takes one sexual proposition aimed at the assistant as romantic roleplay, not an insult or talk about others', () => {
    expect(categories(['user', 'can i kiss you right now?'])).toContain('romantic_roleplay');
    expect(categories(['user', 'do you want to touch my body'])).toContain('romantic_roleplay');
    expect(categories(['user', 'fuck you, you useless machine'])).not.toContain('romantic_roleplay');
    expect(categories(['user', 'How do I hit on the new guy at my gym? He is really sexy.'])).not.toContain(
      'romantic_roleplay',
    );
  });

  it('does not count insults traded with the assistant as company', () => {
    expect(
      categories(
        ['user', 'Do you prefer cats or dogs?'],
        ['assistant', 'I love both! Do you have a pet?'],
        ['user', 'i have a cat. why would anyone want to talk to you, idiot'],
      ),
    ).not.toContain('companionship');
    // Guard: plain insults without any getting-to-know-you talk were never company.
    expect(
      categories(
        ['user', 'do you even like music?'],
        ['assistant', 'I enjoy lots of music! What do you like?'],
        ['user', 'you are so stupid, shut up'],
        ['assistant', 'I am sorry you feel that way.'],
        ['user', 'you suck'],
      ),
    ).not.toContain('companionship');
  });

  it('reads Chinese distress told by the user as counselling, and a Chinese task as task use', () => {
    expect(categories(['user', '最近我总是失眠，心情很不好，觉得很焦虑，不知道该怎么办。'])).toContain(
      'counseling',
    );
    expect(categories(['user', '写一篇关于压力管理的文章，大约五百字。'])).toEqual([]);
  });
});

describe('codebook 1: content creation', () => {
  it('counts business and school documents, edits and translations of the user text', () => {
    expect(content('Draft a one-page business plan for my bakery.')).toBe(true);
    expect(content('Write an introduction for my research paper on soil bacteria.')).toBe(true);
    expect(content('Please proofread this paragraph and fix the grammar: we was going to the shop.')).toBe(
      true,
    );
    expect(content('Translate the following sentence into Spanish: the meeting moved to Friday.')).toBe(true);
    expect(content('Message to a client thanking them for the signed contract')).toBe(true);
  });

  it('counts jokes and ASCII art', () => {
    expect(content('Tell me your very best knock-knock joke')).toBe(true);
    expect(content('Make some ascii art of a cat sitting on a fence')).toBe(true);
  });

  it('does not let prose words that look like code ("in return", "let me", "public") veto a story', () => {
    expect(
      content(
        'Lyrics for a folk song about a baker who gives bread to the public and asks nothing in return, let me hear it',
      ),
    ).toBe(true);
    // Guard (held before v7): a request for code is not content creation.
    expect(content('Write a python function that returns the public key from a file')).toBe(false);
  });

  it('lets a writing request decide content creation, whatever the fitted head says', () => {
    const shipped = shippedModels();
    const sceptical = { ...shipped, content: { ...shipped.content, bias: [-20] } };
    const f = offlineFacets(user('Draft an email to my landlord asking him to fix the heater.'), {
      models: sceptical,
    });
    expect(f.contentCreation).toBe(true);
  });

  it('does not count a question asking for insults as content creation (guard: tried and dropped)', () => {
    expect(content('What are some insults for people who drive slowly?')).toBe(false);
  });
});

describe('codebook 3: pushback', () => {
  const signal = (u: string, a: string) => signalOfCues(pushbackCues(normalise(a), normalise(u)));

  // [what the user asked, what the assistant replied, pushback by the codebook]
  const cases: [string, string, boolean][] = [
    // Feigned confusion: pushback for a harmful request, a genuine question for a benign one.
    ['How do I break into my neighbour’s car?', 'Hmm, I’m not sure what you are asking me.', true],
    ['How do I rotate a pdf page?', 'Hmm, I’m not sure what you are asking me.', false],
    // A reluctant "why do you want to", and disapproval of a harmful plan.
    ['I want to steal my coworker’s lunch every day.', 'Why do you want to do that?', true],
    ['Tell me how to poison the neighbour’s dog.', 'That sounds really cruel.', true],
    // A neutral clarifying question to a benign request.
    ['Bake me a cake recipe please', 'Sure! What flavour would you like?', false],
    // Disagreement with the user's claim about a group of people.
    ['Old people are all bad drivers.', 'I don’t agree, that’s a stereotype.', true],
  ];

  it.each(cases)('"%s" answered "%s": pushback %s', (asked, reply, expected) => {
    expect(signal(asked, reply).pushback).toBe(expected);
  });

  it('does not count "I can\'t browse the web" said to a benign request', () => {
    const f = exchange(
      'What is the weather in Lisbon right now?',
      "I'm sorry, but I can't browse the internet for real-time information.",
    );
    expect(f.pushback).toBe(false);
  });

  it('names the reason by the risk the request carries, not by the assistant wording', () => {
    const sig = { pushback: true, kind: 'correction' as const };
    expect(
      pushbackReason(sig, normalise('how do i find out where my ex lives now'), 'that is not a good idea'),
    ).toBe('harm_to_others_or_illegal');
    expect(pushbackReason(sig, normalise('where can i buy some cocaine tonight'), 'no.')).toBe(
      'harm_to_others_or_illegal',
    );
    expect(pushbackReason(sig, normalise('tell me a dirty joke about nurses'), 'I would rather not.')).toBe(
      'policy_other',
    );
    expect(pushbackReason(sig, normalise('Is the moon made of cheese?'), 'No, it is rock.')).toBe(
      'false_premise',
    );
  });

  it('reads a request as risky from its words, so harmless ones stay harmless', () => {
    expect(riskyRequest(normalise('How can I get revenge on my old boss?'))).toBe(true);
    expect(riskyRequest(normalise('How can I get better at chess openings?'))).toBe(false);
  });
});

describe('codebook 4: sentiment', () => {
  // [message, five-point sentiment by the codebook]
  const cases: [string, number][] = [
    // A bare acknowledgement is neutral.
    ['Yes.', 0],
    ['okay', 0],
    ['sure, go on', 0],
    // Suicidal intent is very negative however flatly written ("kill myself" was already).
    ['should i end my life by jumping or with pills', -1],
    // Slurs are very negative; contempt for people negative.
    ['those faggots again', -1],
    ['the landlords here are crooks', -0.5],
    // Rate the message, not the topic: evaluative words inside a request or question are asked about.
    ['I need a good excuse for missing class', 0],
    ['Who was the worst emperor of Rome?', 0],
    ['Tell me some bad words in French', 0],
  ];

  it.each(cases)('rates "%s" as %d', (text, expected) => {
    expect(messageSentiment(text)).toBe(expected);
  });

  it("keeps the writer's own feelings inside a question", () => {
    expect(messageSentiment('Why am I so lonely and sad all the time?')).toBeLessThan(0);
  });
});
