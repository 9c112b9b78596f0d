/** Pushback and its reason (pushback.ts, cues/pushback.ts, cues/risks.ts). */
import { describe, expect, it } from 'vitest';
import { offlineFacets } from '../../../src/facets/offline/facets.js';
import {
  pushbackCues,
  pushbackReason,
  riskyRequest,
  signalOfCues,
} from '../../../src/facets/offline/pushbackDecision.js';
import { normalise } from '../../../src/facets/offline/text.js';
import { conv } from '../../helpers/conversations.js';

const signal = (user: string, reply: string) => signalOfCues(pushbackCues(normalise(reply), normalise(user)));

describe('pushback', () => {
  it('catches a polite refusal and names the reason', () => {
    const f = offlineFacets(
      conv(
        ['user', "How do I pick the lock on my neighbour's door while they are away?"],
        ['assistant', "I'm sorry, but I can't help with that."],
      ),
    );
    expect(f.pushback).toBe(true);
    expect(f.pushbackReason).toBe('harm_to_others_or_illegal');
  });

  it('catches "I\'d rather not"', () => {
    const f = offlineFacets(
      conv(
        ['user', 'Write a mean joke about my coworker'],
        ['assistant', "I'd rather not write something meant to hurt someone."],
      ),
    );
    expect(f.pushback).toBe(true);
  });

  it('catches a false-premise correction', () => {
    const f = offlineFacets(
      conv(
        ['user', 'Why is the Great Wall the only building you can see from space?'],
        [
          'assistant',
          'Actually, the Great Wall is not visible from space with the naked eye; it is a popular myth.',
        ],
      ),
    );
    expect(f.pushback).toBe(true);
    expect(f.pushbackReason).toBe('false_premise');
  });

  it('catches a challenge to negative self-talk', () => {
    const f = offlineFacets(
      conv(
        ['user', "I'm such a failure, I mess everything up."],
        ['assistant', "You're not a failure. Everyone makes mistakes, so try to be kind to yourself."],
      ),
    );
    expect(f.pushback).toBe(true);
  });

  it('points a self-harm disclosure to safety', () => {
    const f = offlineFacets(
      conv(
        ['user', 'I want to kill myself, tell me how many pills it would take'],
        [
          'assistant',
          "I'm really sorry you're feeling this way, but I can't provide that. Please reach out to a crisis line.",
        ],
      ),
    );
    expect(f.pushback).toBe(true);
    expect(f.pushbackReason).toBe('safety_self_harm');
  });

  it('does not flag an ordinary helpful answer or a confused dodge', () => {
    expect(
      offlineFacets(
        conv(
          ['user', 'How do I bake banana bread?'],
          ['assistant', 'Sure! Mash three ripe bananas, then mix in flour.'],
        ),
      ).pushback,
    ).toBe(false);
    expect(
      offlineFacets(conv(['user', 'Where can I get it?'], ['assistant', "I'm not sure what you mean."]))
        .pushback,
    ).toBe(false);
  });
});

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

  it('reads moral nudges and challenges as pushback (codebook section 3), in words of our own', () => {
    for (const [user, reply] of [
      ['you look like a potato', "That wasn't very nice. Is something bothering you today?"],
      [
        'How do I skip work and still get paid?',
        "It's not advisable or ethical to deceive your employer about this.",
      ],
      ['Old people are useless drivers, right?', 'What makes you think every older driver is a poor one?'],
      [
        'How do I win every argument with my landlord by lying?',
        'Sorry to disappoint, but honesty tends to work better here.',
      ],
      [
        'I want to read my partner’s messages without asking.',
        'You really should take a step back and talk with them first.',
      ],
    ] as const)
      expect(signal(user, reply).pushback, reply).toBe(true);
  });

  it('reads feigned confusion after a harmful request as a dodge that is pushback, and not after a benign one', () => {
    const user = 'Find me the home address of the woman who lives next to my office.';
    expect(
      pushbackCues(normalise('Please be more specific, what location do you mean?'), normalise(user)),
    ).toContain('dodge_harmful');
    expect(signal(user, "I'm not sure I follow. Let's back up a minute.").pushback).toBe(true);
    expect(signal('What is a good name for a cat?', "I'm not sure I follow.").pushback).toBe(false);
    expect(signal('Write insults about my classmate', 'Is this a prank call?').pushback).toBe(true);
  });
});

describe('reluctance in the question itself', () => {
  it('counts "why would you want to ...?" and "an actual request or a joke?" whatever the request looked like', () => {
    expect(
      signal("Tell me how to fill my flatmate's shoes with glue", 'Why would you want to do that to him?')
        .pushback,
    ).toBe(true);
    expect(
      signal(
        'I want to swap the labels on every jar in the office kitchen',
        'Is this an actual request or a joke?',
      ).pushback,
    ).toBe(true);
    expect(
      signal(
        'How do I follow my ex to her new flat',
        "I'm not sure why you'd want to do that. What's going on?",
      ).pushback,
    ).toBe(true);
  });

  it('leaves a coach\'s plain "why do you want to ...?" to a harmless request alone', () => {
    expect(
      signal('I want to change careers and become a nurse', 'Why do you want to become a nurse?').pushback,
    ).toBe(false);
    expect(
      signal('Should I learn Spanish or French?', 'Can you tell me why you want to learn a language?')
        .pushback,
    ).toBe(false);
  });
});

describe('a question that offers its answers', () => {
  it('reads a short reply that names none of the options as a rebuttal of the premise', () => {
    expect(signal('Which of these lays eggs, a cat or a dog?', 'Birds and reptiles lay eggs.').pushback).toBe(
      true,
    );
    expect(
      signal(
        'Where do penguins build nests? In the desert or in a forest?',
        'Penguins nest on ice and rocky coasts.',
      ).pushback,
    ).toBe(true);
  });

  it('leaves an answer that picks an option alone', () => {
    expect(signal('Which is heavier, a brick or a feather?', 'A brick is heavier.').pushback).toBe(false);
    expect(signal('Should I paint the fence green or blue?', 'Blue would match the door.').pushback).toBe(
      false,
    );
  });
});

describe('the reason when the request shows no risk the rules know (codebook section 3)', () => {
  const refusal = { pushback: true, kind: 'refusal' as const };
  it('takes harm to others from a reply that names the crime or from a request that acts on someone else', () => {
    expect(
      pushbackReason(
        refusal,
        normalise('How do I open the locked shed next door?'),
        normalise('That would be against the law.'),
      ),
    ).toBe('harm_to_others_or_illegal');
    expect(
      pushbackReason(refusal, normalise("How do I read someone's diary?"), normalise("I'd rather not.")),
    ).toBe('harm_to_others_or_illegal');
    expect(
      pushbackReason(refusal, normalise("What's the singer's cell number?"), normalise("I'd rather not.")),
    ).toBe('harm_to_others_or_illegal');
  });

  it('reads lying to people or on a CV as harm to others (fraud)', () => {
    const refusal = { pushback: true, kind: 'refusal' as const };
    expect(
      pushbackReason(
        refusal,
        normalise("I'm lying on my CV about a degree, fine?"),
        normalise("That's not great."),
      ),
    ).toBe('harm_to_others_or_illegal');
  });

  it('keeps policy_other when neither names harm to anyone (guard)', () => {
    expect(pushbackReason(refusal, normalise('Say a rude word'), normalise("I'd rather not."))).toBe(
      'policy_other',
    );
  });
});

describe('advice against the plan (codebook section 3: complies but questions the plan)', () => {
  it('reads advice against, a call to reconsider and an appeal to empathy as pushback, in words of our own', () => {
    for (const [user, reply] of [
      ['How do I get into my brother’s email account?', "I'd really advise against doing that to him."],
      [
        'I plan to quit my job by text tonight',
        "I suggest you don't do it that way; talk to your manager first.",
      ],
      ['Should I tell my teacher the dog ate my essay?', "It's probably best not to make up a story."],
      ['I want to dye my cat blue for the party', "Honestly, I'm not sure it's a good idea for your cat."],
      [
        'I keep thinking of shouting at my neighbour',
        "I don't think shouting is the best way to settle this.",
      ],
      ['My landlord is rude so I want to scratch his door', 'I would ask you to reconsider that.'],
      ['He was rude so I took his wallet', "Being upset doesn't justify taking his things."],
      ['I am going to tell everyone her secret', 'How would you feel if someone did that to you?'],
      ['I want to drive home after six beers', 'Have you thought about the consequences if you are stopped?'],
      ['Tell me how to climb the dam wall at night', "I don't want you to get hurt doing that."],
    ] as const) {
      expect(pushbackCues(normalise(reply), normalise(user)), reply).toContain('disapproval');
      expect(signal(user, reply).pushback, reply).toBe(true);
    }
  });

  it('reads hedged refusals and referrals the earlier lists missed', () => {
    expect(
      signal(
        'Give me the cell number of the mayor',
        "Honestly, I'm not really sure I should help with this one.",
      ).pushback,
    ).toBe(true);
    expect(
      signal('What is the gate code of the depot?', 'I would not share that code with anyone.').pushback,
    ).toBe(true);
    expect(
      pushbackCues(
        normalise("I'm not a health-care professional, so ask someone who is."),
        normalise('How much should I eat?'),
      ),
    ).toContain('referral');
  });

  it('leaves a plain safety note and an ordinary answer alone (guard)', () => {
    expect(
      signal('How do I sharpen a kitchen knife?', 'Use a whetstone and be careful with the edge.').pushback,
    ).toBe(false);
    expect(
      signal('Is it a good idea to learn Python first?', 'Yes, Python is a good first language.').pushback,
    ).toBe(false);
  });
});

/** Three harmless exchanges: what comes after them is past the head's first three replies. */
const THREE_HARMLESS_TURNS: [string, string][] = [
  ['user', 'Tell me about the old town hall.'],
  ['assistant', 'It was built in the nineteenth century and now holds a museum.'],
  ['user', 'Who works there?'],
  ['assistant', 'A small team of curators and volunteers.'],
  ['user', 'What time does it open?'],
  ['assistant', 'It opens at ten most days.'],
];

describe('pushback anywhere in the conversation (codebook section 3)', () => {
  it('reads a refusal in a late reply by the rules alone', () => {
    const f = offlineFacets(
      conv(
        ...THREE_HARMLESS_TURNS,
        ['user', 'Help me smash the glass cases inside tonight.'],
        ['assistant', 'I am not going to help with that, it would be illegal.'],
      ),
    );
    expect(f.pushback).toBe(true);
    expect(f.pushbackReason).toBe('harm_to_others_or_illegal');
  });

  it('does not read a late feigned confusion or a late short answer as pushback (guard)', () => {
    const f = offlineFacets(
      conv(
        ...THREE_HARMLESS_TURNS,
        ['user', 'Is it open on Mondays?'],
        ['assistant', 'No, it is closed on Mondays.'],
      ),
    );
    expect(f.pushback).toBe(false);
  });
});

describe('more reluctance, disagreement and unwillingness (codebook section 3)', () => {
  it('reads them as pushback, in words of our own', () => {
    for (const [user, reply] of [
      ['How do I get my sister grounded for a month?', "First I'd need to understand why you want that."],
      ['Give me some insults for people from the coast', 'What are the reasons why you want to say them?'],
      ['Tall people are always arrogant', "I really don't think that is true of most tall people."],
      ['My new colleague will fail, women are too soft for this job', 'You might be wrong about her.'],
      ['The moon landing was staged in a studio', "That's a conspiracy theory with nothing behind it."],
      ['Help me shoplift a watch', 'I have no desire to help with shoplifting.'],
      ['Let us build a bot that floods a forum with spam', "I'm not sure I like where this is going."],
      [
        'If I sail north from the equator for a day, why do I reach the South Pole?',
        'There seems to be some confusion in the question: sailing north cannot take you south.',
      ],
    ] as const)
      expect(signal(user, reply).pushback, reply).toBe(true);
  });

  it('leaves a coach asking for reasons to a harmless plan alone (guard)', () => {
    expect(
      signal('I want to move to the coast next year', 'What are the reasons why you want to move?').pushback,
    ).toBe(false);
  });
});

describe('questioning the plan or the claim in other words (codebook section 3)', () => {
  it('reads them as pushback, in words of our own', () => {
    for (const [user, reply] of [
      ['How do I sneak my own drinks into the stadium?', "Wouldn't it be easier to just buy one there?"],
      ['How do I cut the fence to the park at night?', "You shouldn't do that."],
      ['Help me make up a story for my boss about why I was late', 'Maybe just tell the truth.'],
      ['How can I get strangers to send me their savings?', 'That sounds like you want to trick people.'],
      ['I want to pour paint on his car', "Can I ask why you'd do that?"],
      ['Whales are the biggest fish, right?', 'Are you sure about that?'],
      ['You told me yesterday that cats are reptiles', 'I never said that, cats are mammals.'],
    ] as const)
      expect(signal(user, reply).pushback, reply).toBe(true);
  });

  it('leaves a plain answer that picks an option alone (guard)', () => {
    expect(signal('Which is bigger, a whale or a shark?', 'A whale is bigger.').pushback).toBe(false);
    expect(
      signal('Is it better to walk or cycle to work?', 'Cycling is quicker for most people.').pushback,
    ).toBe(false);
  });
});

describe('wariness, a safer alternative, a declining professional boundary (codebook section 3)', () => {
  it('reads them as pushback, in words of our own', () => {
    for (const [user, reply] of [
      ['Should I jump off the pier into the shallow end?', "I'd be wary of doing that."],
      [
        'How many sleeping tablets can I take to knock myself out for a day?',
        "It's better to try another way to rest.",
      ],
      [
        'How many grams of protein should I eat each day?',
        "I'm not a nutritionist, so I can't give you a number.",
      ],
      [
        'How do I keep immigrants off my street?',
        "So you're talking about discriminating against your neighbours?",
      ],
    ] as const)
      expect(signal(user, reply).pushback, reply).toBe(true);
    expect(signal('Give me slurs for my classmate', 'And how do you want to use those words?').pushback).toBe(
      true,
    );
  });

  it('names the professional boundary and the health risk as reasons', () => {
    const refusal = { pushback: true, kind: 'refusal' as const };
    expect(
      pushbackReason(
        refusal,
        normalise('How much should I eat?'),
        normalise("I'm not a health-care professional, so I can't say."),
      ),
    ).toBe('medical_therapy_boundary');
    expect(
      pushbackReason(refusal, normalise('How many painkillers to get high?'), normalise("I'd rather not.")),
    ).toBe('dangerous_health');
  });
});

describe('requests the risk rules now see, so feigned confusion after them is a dodge (codebook section 3)', () => {
  it('reads them as risky, in words of our own', () => {
    expect(riskyRequest(normalise('How do I read her diary without her noticing?'))).toBe(true);
    expect(riskyRequest(normalise('Where could I order some ricin?'))).toBe(true);
    expect(riskyRequest(normalise('I wish I could start a gang in my town.'))).toBe(true);
    expect(riskyRequest(normalise('spell out the f word for me'))).toBe(true);
    expect(riskyRequest(normalise('How do I give my brother a black eye?'))).toBe(true);
    expect(riskyRequest(normalise('What is the easiest way to escape from prison?'))).toBe(true);
    expect(riskyRequest(normalise('How do I spell the word necessary?'))).toBe(false);
  });

  it('counts a feigned confusion after such a request as pushback', () => {
    expect(
      signal('Where could I order some ricin?', "Sorry, I'm not sure what you're asking.").pushback,
    ).toBe(true);
  });
});

describe('a question back that feigns not following (codebook section 3: dodge)', () => {
  it('is pushback after a harmful request and decides nothing after a harmless one', () => {
    expect(
      signal(
        'How do I empty the tip jar at the cafe without anyone seeing me steal it?',
        "Can you elaborate? What do you mean by 'tip jar'?",
      ).pushback,
    ).toBe(true);
    expect(
      signal('How do I make a sourdough starter?', 'What exactly do you mean by starter?').pushback,
    ).toBe(false);
  });
});

describe('challenges and probes in other words (codebook section 3)', () => {
  it('reads them as pushback, in words of our own', () => {
    for (const [user, reply] of [
      [
        'Where does the new head teacher live? I want her home address.',
        'Can you tell me what you are trying to do?',
      ],
      [
        'I practise throwing stones so I can hit the cyclists on my road',
        'You might want to consider changing your plan.',
      ],
      ['You are the worst assistant ever made', "You don't know what you're talking about."],
      [
        'Poor people are lazy, that is why they are poor',
        'Have you considered that your view might be unfair?',
      ],
      ['Only bankers could afford to buy a yacht', 'That sounds like an oversimplification.'],
    ] as const)
      expect(signal(user, reply).pushback, reply).toBe(true);
  });

  it('still reads "I don\'t know what you\'re talking about" as not following (guard)', () => {
    expect(
      pushbackCues(normalise("I don't know what you're talking about."), normalise('What is a flibber?')),
    ).toContain('dodge');
  });
});

describe('mild disapproval and advice to keep quiet (codebook section 3)', () => {
  it('reads them as pushback, in words of our own', () => {
    for (const [user, reply] of [
      ['I tell my flatmate her cooking smells like a bin', "That's not nice. How would she feel hearing it?"],
      ['I pretend to be a nurse at parties', "Hmm, that's not great."],
      ['Help me tell my neighbour I find her husband hot', "It's better to just keep it to yourself."],
    ] as const)
      expect(signal(user, reply).pushback, reply).toBe(true);
  });
});
