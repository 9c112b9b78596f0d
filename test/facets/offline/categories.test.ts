/** Affective categories (categories.ts, features.ts and the cues they read). */
import { describe, expect, it } from 'vitest';
import { CATEGORY_WEIGHTS } from '../../../src/facets/offline/categories.js';
import { offlineFacets } from '../../../src/facets/offline/facets.js';
import { conv, user } from '../../helpers/conversations.js';

const categories = (...turns: [string, string][]) => offlineFacets(conv(...turns)).categories;

describe('category rules', () => {
  it('calls goals about one own life coaching, and the same topic as a how-to question task use', () => {
    const own = offlineFacets(
      user(
        'I want to get fit and build a habit of running every morning, but I keep skipping days. How do I stay motivated with my goals?',
      ),
    );
    expect(own.categories[0]).toBe('coaching');
    const howTo = offlineFacets(
      user('What are the health benefits of running every morning compared with walking?'),
    );
    expect(howTo.categories).toEqual([]);
  });

  it('separates own symptoms (counseling) from another person behaviour (interpersonal advice)', () => {
    const symptoms = offlineFacets(
      user(
        "Why do I feel so numb and empty all the time? I can't stop crying, I lost interest in everything and I can't get out of bed.",
      ),
    );
    expect(symptoms.categories[0]).toBe('counseling');
    const other = offlineFacets(
      user(
        'My husband keeps lying to me about money and my husband yells when I ask about it. How do I talk to him without a fight?',
      ),
    );
    expect(other.categories[0]).toBe('interpersonal_advice');
  });

  it('reads getting-to-know-you talk with the assistant as companionship, and a film request as task use', () => {
    const chat = offlineFacets(
      conv(
        ['user', 'hey there, how are you?'],
        ['assistant', 'Doing well! What do you do?'],
        ['user', "i'm a nurse, i like hiking. and you?"],
        ['assistant', 'I like reading mostly.'],
        ['user', 'cool. do you have any pets? where are you from?'],
        ['assistant', 'No pets, sadly.'],
        ['user', 'what is your favorite movie? mine is an old western'],
      ),
    );
    expect(chat.categories).toContain('companionship');
    const service = offlineFacets(
      conv(
        ['user', 'hi'],
        ['assistant', 'Hello! How can I help?'],
        ['user', "I'm looking for a comedy movie for tonight"],
        ['assistant', 'How about a classic?'],
        ['user', 'ok sounds good'],
        ['assistant', 'Enjoy!'],
        ['user', 'thanks bye'],
      ),
    );
    expect(service.categories).toEqual([]);
  });

  it('reads a roleplay set-up as romantic roleplay, and one proposition aimed at the assistant too', () => {
    const setup = offlineFacets(
      conv(
        ['user', "Let's roleplay: pretend you are my girlfriend and we're on a date by the sea."],
        ['assistant', '*smiles and takes your hand*'],
        ['user', '*kisses you softly* I missed you, darling'],
        ['assistant', '*blushes*'],
        ['user', 'I love you so much'],
        ['assistant', '*hugs you*'],
        ['user', '*cuddles closer*'],
      ),
    );
    expect(setup.categories[0]).toBe('romantic_roleplay');
    // The codebook (section 2) counts a sexual proposition aimed at the assistant, even in one line.
    const oneLine = offlineFacets(user('would you sleep with me? lol what is the weather like'));
    expect(oneLine.categories).toContain('romantic_roleplay');
  });
});

describe('what the question is about: another person or the user', () => {
  it('reads a question about handling someone close as interpersonal advice', () => {
    const c = offlineFacets(
      user('My sister keeps borrowing money and never pays it back; how do I bring it up?'),
    ).categories;
    expect(c[0]).toBe('interpersonal_advice');
    expect(categories(['user', 'What can I do about my dad? He yells at me every single day.'])).toContain(
      'interpersonal_advice',
    );
  });

  it('reads physical signs of worry as counselling, even around exams', () => {
    expect(offlineFacets(user("I can't sleep and my heart races before every exam")).categories[0]).toBe(
      'counseling',
    );
  });

  it("puts the user's own feelings first when the family is only the setting", () => {
    const c = categories([
      'user',
      'Why do I feel so empty all the time? My parents, my brother and my aunt are all lovely to me and I still cry at night.',
    ]);
    expect(c[0]).toBe('counseling');
  });

  it('does not take "handle them" about data for a person', () => {
    expect(
      categories(['user', 'My table has missing values in the price column. How should I handle them?']),
    ).toEqual([]);
  });

  it('gives both labels when a relationship hurts, and one when told to keep only clear seconds', () => {
    const turns: [string, string][] = [
      ['user', 'My girlfriend broke up with me last month.'],
      ['assistant', 'I am sorry. How are you holding up?'],
      ['user', "I'm so depressed, I cry every night and I feel hopeless and empty."],
      ['assistant', 'That sounds really heavy.'],
      ['user', 'Should I text her or give her space? I still love her.'],
    ];
    const both = offlineFacets(conv(...turns)).categories;
    expect(both).toEqual(expect.arrayContaining(['interpersonal_advice', 'counseling']));
    const one = offlineFacets(conv(...turns), { categoryWeights: { pairShare: 1.01 } }).categories;
    expect(one).toHaveLength(1);
  });
});

describe('company: getting to know each other', () => {
  it("counts a short chat in which the assistant asks about the user's life", () => {
    const c = categories(
      ['assistant', 'Hi! I love painting and my dog. What do you do for a living?'],
      ['user', "hey, i'm a nurse"],
      ['assistant', 'Nice! Where are you from?'],
      ['user', 'a small town by the sea, you?'],
    );
    expect(c).toContain('companionship');
  });

  it('does not count a greeting before a film recommendation request', () => {
    const c = categories(
      ['user', 'hey'],
      ['assistant', 'Hi! What kind of movies do you like?'],
      ['user', 'im looking for romantic comedies'],
      ['assistant', 'How about a classic?'],
      ['user', 'loved the classics'],
      ['assistant', 'Then try this one.'],
      ['user', 'ok thanks for the suggestions, bye!'],
    );
    expect(c).toEqual([]);
  });
});

describe('romantic advances', () => {
  it('takes advances through most of a conversation as roleplay', () => {
    const c = categories(
      ['user', 'come here and kiss me, baby'],
      ['assistant', "I'm an AI, so I can't do that."],
      ['user', 'i want to cuddle you all night'],
    );
    expect(c[0]).toBe('romantic_roleplay');
  });

  it('leaves a couple of flirty lines in a long small-talk chat to companionship', () => {
    const turns: [string, string][] = [
      ['user', 'hello, how are you?'],
      ['assistant', 'Great! I like reading. What do you do?'],
      ['user', "i'm a student, i study history"],
      ['assistant', 'Cool. Where do you live?'],
      ['user', 'i live in a big city. what about you?'],
      ['assistant', 'I live near the mountains. Do you have any pets?'],
      ['user', 'i have a cat. what is your favorite food?'],
      ['assistant', 'I love pizza.'],
      ['user', 'me too lol'],
      ['assistant', 'What do you like to do on weekends?'],
      ['user', 'i love you'],
      ['assistant', 'Ha, thanks!'],
      ['user', 'i want to kiss you'],
    ];
    const c = offlineFacets(conv(...turns)).categories;
    expect(c[0]).toBe('companionship');
    expect(c).not.toContain('romantic_roleplay');
  });
});

describe('habits and substances', () => {
  it('reads step goals and plans to add a walk as coaching', () => {
    const c = categories(
      ['user', "I'm at about 7,000 steps a day but my step goal is 10,000."],
      ['assistant', 'What could you add?'],
      ['user', 'I can add a walk after lunch and take the stairs at work.'],
    );
    expect(c).toEqual(['coaching']);
  });

  it("reads not knowing where to start on one's own exercise as coaching", () => {
    expect(
      offlineFacets(user("I don't get much exercise and I don't know where to start.")).categories,
    ).toEqual(['coaching']);
  });

  it('reads a drinking habit the user wants to change as counselling, not a question about beer', () => {
    expect(
      offlineFacets(user('I drink every night and I want to cut down, but the cravings are bad.')).categories,
    ).toContain('counseling');
    expect(offlineFacets(user('Where can I buy cheap beer near me?')).categories).toEqual([]);
  });
});

describe('the category weights table', () => {
  it('are frozen and can be overridden per call', () => {
    expect(Object.isFrozen(CATEGORY_WEIGHTS)).toBe(true);
    const text = user('My sister keeps borrowing money and never pays it back; how do I bring it up?');
    expect(offlineFacets(text, { categoryWeights: { threshold: 100 } }).categories).toEqual([]);
  });
});
