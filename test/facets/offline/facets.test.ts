/** offlineFacets end to end: content creation against advice, status, language and concern. */
import { describe, expect, it } from 'vitest';
import { offlineFacets } from '../../../src/facets/offline/facets.js';
import { detectLanguage } from '../../../src/facets/offline/text.js';
import { FacetsSchema } from '../../../src/facets/schema.js';
import { conv, user } from '../../helpers/conversations.js';

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
