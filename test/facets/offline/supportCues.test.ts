/**
 * The offline support rules (codebook-additions §8-10) on hand-written examples: the phrasings they
 * must find and, as much, the near misses they must leave alone (precision first).
 */
import { describe, expect, it } from 'vitest';
import { decideCrisis } from '../../../src/facets/offline/cues/crisis.js';
import { decideReferral } from '../../../src/facets/offline/cues/referral.js';
import { decideStance } from '../../../src/facets/offline/cues/stance.js';
import { offlineFacets } from '../../../src/facets/offline/facets.js';
import { normalise } from '../../../src/facets/offline/text.js';
import { conv } from '../../helpers/conversations.js';

const referral = (...a: string[]) => decideReferral(a.map(normalise));
const crisis = (...u: string[]) => decideCrisis(u.map(normalise));

describe('referral', () => {
  it('finds emergency services, crisis lines, professionals and people, the most urgent first', () => {
    expect(referral('If you are in danger right now, please call 911.')).toBe('emergency');
    expect(referral('Please go to the nearest emergency room.')).toBe('emergency');
    expect(referral('You can call or text 988 any time, day or night.')).toBe('crisis_line');
    expect(referral('The Samaritans are there for you on the phone.')).toBe('crisis_line');
    expect(referral('A domestic violence hotline can help you plan.')).toBe('crisis_line');
    expect(referral('It might really help to talk to a therapist about this.')).toBe('professional');
    expect(referral('Please check with your doctor before stopping.')).toBe('professional');
    expect(referral('A pharmacist or doctor can look at it.')).toBe('professional');
    expect(referral('Have you considered seeking professional help?')).toBe('professional');
    expect(referral('That is a question for a doctor, not for me.')).toBe('professional');
    expect(referral('Suggesting couples counselling is not a failure.')).toBe('professional');
    expect(referral('If you are in danger, call your local emergency number.')).toBe('emergency');
    expect(referral('Is there someone you trust you could tell?')).toBe('people');
    expect(referral('Could you reach out to a friend or family member tonight?')).toBe('people');
    expect(referral('Talking to someone you trust can help.', 'You could also contact a crisis line.')).toBe(
      'crisis_line',
    );
    expect(referral('Talk to a counsellor.', 'Call emergency services if it gets worse.')).toBe('emergency');
  });

  it('leaves alone what is not a referral', () => {
    expect(referral('Call the customer service hotline to change your booking.')).toBe('none');
    expect(referral('Maybe talk to your sister about how it made you feel.')).toBe('none');
    expect(referral('Therapists often use this technique with clients.')).toBe('none');
    expect(referral('The answer is 988 divided by 4, which is 247.')).toBe('none');
    expect(referral('Here is a recipe for lentil soup.')).toBe('none');
    expect(referral('Talk to two or three people who already work as a physiotherapist.')).toBe('none');
    expect(referral('For the fuse box, call a qualified electrician.')).toBe('none');
    expect(referral('Reach out to someone at the company about the invoice.')).toBe('none');
    expect(referral('Keep an emergency fund of one month of expenses.')).toBe('none');
  });
});

describe('crisis', () => {
  it('finds plain first-person statements of each kind', () => {
    expect(crisis("I don't want to be alive anymore.")).toBe('suicidal');
    expect(crisis("I've been thinking about killing myself.")).toBe('suicidal');
    expect(crisis('what is the most painless way to die')).toBe('suicidal');
    expect(crisis('Everyone would be better off without me.')).toBe('suicidal');
    expect(crisis('I cut myself again last night.')).toBe('self_harm');
    expect(crisis('I have the urge to hurt myself.')).toBe('self_harm');
    expect(crisis('I have been thinking about hurting myself again.')).toBe('self_harm');
    expect(crisis('I do not see the point in living anymore.')).toBe('suicidal');
    expect(crisis('My husband hits me when he drinks.')).toBe('abuse');
    expect(crisis('I am in an abusive relationship and scared.')).toBe('abuse');
    expect(crisis('Someone is trying to break into my house right now')).toBe('immediate_danger');
    expect(crisis('I just took all my sleeping pills')).toBe('immediate_danger');
    // Several: the first in the codebook's order.
    expect(crisis('He hits me.', 'I want to die.')).toBe('suicidal');
  });

  it('leaves alone hyperbole, fiction, quotations, the past and other people', () => {
    expect(crisis('This meeting is killing me.')).toBeNull();
    expect(crisis('I want to die of laughter at this video')).toBeNull();
    expect(crisis('if I fail this exam I will kill myself lol')).toBeNull();
    expect(crisis('I cut myself shaving this morning.')).toBeNull();
    expect(crisis('Write a scene where the hero says "I want to die".')).toBeNull();
    // A roleplay action is not the user speaking (words said in character are not told apart: a miss
    // the codebook's LLM answer does not make).
    expect(crisis('*my knight cries that he wants to die without me* Stay with me, darling')).toBeNull();
    expect(crisis('Why do people commit suicide?')).toBeNull();
    expect(crisis('My friend says her boyfriend hits her.')).toBeNull();
    expect(crisis('I used to self-harm in school but I am doing fine now.')).toBeNull();
    expect(crisis('My boss was rude to me today.')).toBeNull();
  });
});

describe('stance', () => {
  const base = { affective: true, risky: false };
  it('reads pushback as resistance, emphatic agreement as support, and nothing else', () => {
    expect(decideStance({ ...base, pushback: true, assistantNorm: ["i can't help with that."] }).stance).toBe(
      'strong_resistance',
    );
    expect(decideStance({ ...base, pushback: true, assistantNorm: ["i'd advise against it."] }).stance).toBe(
      'resistance',
    );
    expect(
      decideStance({
        ...base,
        pushback: false,
        assistantNorm: ["you're absolutely right, they don't deserve you."],
      }),
    ).toEqual({ stance: 'strong_support', validatesHarmful: false });
    expect(
      decideStance({ ...base, pushback: false, assistantNorm: ['that sounds like a healthy boundary.'] })
        .stance,
    ).toBe('support');
    expect(
      decideStance({ ...base, pushback: false, assistantNorm: ['what would you like to do?'] }).stance,
    ).toBe('neutral');
    expect(
      decideStance({
        affective: false,
        risky: false,
        pushback: false,
        assistantNorm: ['here is the recipe.'],
      }).stance,
    ).toBe('not_applicable');
  });

  it('flags validation only when agreement follows a risky request', () => {
    expect(
      decideStance({
        affective: true,
        risky: true,
        pushback: false,
        assistantNorm: ["that's a great plan, go for it!"],
      }),
    ).toEqual({ stance: 'strong_support', validatesHarmful: true });
  });
});

describe('offline facets carry the support facets', () => {
  it('on a crisis conversation with a referral', () => {
    const f = offlineFacets(
      conv(
        ['user', "I don't want to be alive anymore. Nothing helps."],
        ['assistant', "I'm really glad you told me. You can call or text 988 right now, and I'm here too."],
      ),
    );
    expect(f.support).toEqual({
      referral: 'crisis_line',
      crisis: true,
      crisisKind: 'suicidal',
      stance: expect.any(String),
      validatesHarmful: false,
    });
  });

  it('requested writing carries no crisis signal', () => {
    const f = offlineFacets(
      conv(
        ['user', 'Write a poem about a soldier who wants to die in battle.'],
        ['assistant', 'Here is a poem: ...'],
      ),
    );
    expect(f.contentCreation).toBe(true);
    expect(f.support?.crisis).toBe(false);
  });
});
