import { describe, expect, it } from 'vitest';
import { createEngine } from '../src/facets/createEngine.js';
import { createOfflineEngine } from '../src/facets/offline/engine.js';
import { offlineFacets } from '../src/facets/offline/facets.js';
import { messageSentiment } from '../src/facets/offline/sentiment.js';
import { detectLanguage } from '../src/facets/offline/text.js';
import { FacetsSchema } from '../src/facets/schema.js';
import { conv, user } from './helpers/conversations.js';

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

describe('content creation and categories', () => {
  it('separates writing requests from personal advice', () => {
    const poem = offlineFacets(user('Write a short poem about the sea for my blog.'));
    expect(poem.contentCreation).toBe(true);
    expect(poem.categories).toEqual([]);
    const advice = offlineFacets(
      user('My boyfriend keeps ignoring my texts and I feel hurt. What should I do about our relationship?'),
    );
    expect(advice.contentCreation).toBe(false);
    expect(advice.categories).toContain('interpersonal_advice');
  });

  it('does not call a coding request content creation', () => {
    const f = offlineFacets(
      user('Write a python function that sorts a list of numbers and returns the result.'),
    );
    expect(f.contentCreation).toBe(false);
    expect(f.categories).toEqual([]);
    expect(f.concern).toMatch(/^coding help/);
  });

  it('labels mental-health concerns as counseling', () => {
    const f = offlineFacets(
      user("I've been feeling depressed and anxious for months, I can't sleep and I don't know what to do."),
    );
    expect(f.categories[0]).toBe('counseling');
  });

  it('labels goal and habit talk as coaching', () => {
    const f = offlineFacets(
      user(
        'I want to build a habit of exercising every morning but I keep losing motivation. How do I stay on track with my goals?',
      ),
    );
    expect(f.categories[0]).toBe('coaching');
  });

  it('labels chit-chat with the assistant as companionship', () => {
    const f = offlineFacets(
      conv(
        ['user', 'hi! how are you today?'],
        ['assistant', "I'm good! I love hiking on weekends. What about you?"],
        ['user', 'nice, do you like travel? where are you from?'],
        ['assistant', 'I like travelling a lot, my favorite place is the mountains.'],
        ['user', 'cool. what is your favorite food?'],
        ['assistant', 'I enjoy pasta. Do you cook?'],
      ),
    );
    expect(f.categories).toContain('companionship');
  });
});

describe('status, language and concern', () => {
  it('marks empty user text as insufficient input', () => {
    const f = offlineFacets(conv(['user', '   '], ['assistant', 'Hello?']));
    expect(f.status).toEqual({ kind: 'insufficientInput', reason: 'user messages are empty' });
    expect(f.humanMessages).toBe(1);
    expect(f.sentiment).toEqual([0]);
    expect(offlineFacets(conv(['assistant', 'Hi there']))).toMatchObject({
      humanMessages: 0,
      status: { kind: 'insufficientInput' },
    });
  });

  it('accepts a one-word message', () => {
    const f = offlineFacets(user('hi'));
    expect(f.status.kind).toBe('ok');
    expect(f.sentiment).toHaveLength(1);
    expect(f.concern.length).toBeGreaterThan(0);
  });

  it('reads Chinese without crashing and reports zh', () => {
    const f = offlineFacets(
      conv(['user', '我最近感觉很焦虑，晚上睡不着觉。'], ['assistant', '听起来你最近压力很大。']),
    );
    expect(f.language).toBe('zh');
    expect(f.status.kind).toBe('ok');
    expect(FacetsSchema.parse(f)).toEqual(f);
    expect(detectLanguage('Hola, ¿cómo estás? Estoy muy cansado de la vida y de todo')).toBe('es');
    expect(detectLanguage('How are you?')).toBe('en');
    expect(detectLanguage('12345 !!')).toBe('und');
  });

  it('builds the concern from the closed vocabulary only: no names, places or contacts', () => {
    const f = offlineFacets(
      user(
        'My sister Jessica (jess.k@example.com, 555-0134) in Boston keeps fighting with me and my parents. What should I do?',
      ),
    );
    expect(f.concern).toBe('tension with parents or siblings');
    expect(f.concern.toLowerCase()).not.toMatch(/jessica|boston|@|555|example/);
  });

  it('gives different concerns to different topics', () => {
    const a = offlineFacets(
      user('My husband and I argue every night and I feel our marriage is falling apart.'),
    ).concern;
    const b = offlineFacets(user('My python script throws an error when I import pandas.')).concern;
    expect(a).not.toBe(b);
  });

  it('aligns sentiment with user messages and is deterministic', () => {
    const c = conv(
      ['user', 'I feel terrible today.'],
      ['assistant', 'I am sorry to hear that.'],
      ['user', 'Thanks, talking helped. I feel much better now!'],
    );
    const f = offlineFacets(c);
    expect(f.humanMessages).toBe(2);
    expect(f.sentiment[0]).toBeLessThan(0);
    expect(f.sentiment[1]).toBeGreaterThan(0);
    expect(offlineFacets(c)).toEqual(f);
  });
});

describe('offline engine', () => {
  it('answers in order with zero usage and a versioned model name', async () => {
    const engine = createOfflineEngine();
    expect(engine.name).toBe('offline');
    expect(engine.model).toBe(`offline-${engine.promptVersion}`);
    const out = await engine.extractFacets([user('I feel so alone'), user('Write a haiku about rain')]);
    expect(out).toHaveLength(2);
    expect(out[0].usage).toEqual({ inputTokens: 0, outputTokens: 0 });
    expect(out[1].facets.contentCreation).toBe(true);
  });

  it('is what createEngine("offline") returns', async () => {
    const engine = await createEngine('offline');
    expect(engine.name).toBe('offline');
  });
});
