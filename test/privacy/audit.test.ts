import { describe, expect, it } from 'vitest';
import type { JsonRequest, LlmClient } from '../../src/llm/client.js';
import { InvalidAnswerError } from '../../src/llm/client.js';
import { createLlmAuditor, createOfflineAuditor } from '../../src/privacy/audit.js';
import { deterministicGate } from '../../src/privacy/gate.js';
import { indexSources } from '../../src/privacy/nearDuplicates.js';
import { echoesRareConcern, rareInputWords, wordSupport } from '../../src/privacy/support.js';

const texts = [
  'worries about work deadlines',
  'work stress and deadlines',
  'deadlines at work',
  'work and the blorvex incident',
  'work burnout',
  'work anxiety and deadlines',
];
const users = ['a', 'b', 'c', 'd', 'e', 'a'];

describe('support rule', () => {
  it('counts distinct users per stemmed word', () => {
    const s = wordSupport(texts, users);
    expect(s.get('work')).toBe(5);
    expect(s.get('deadline')).toBe(3); // a twice counts once
    expect(s.get('blorvex')).toBe(1);
    expect(() => wordSupport(['x'], [])).toThrow(/1 texts but 0 user keys/);
  });

  it('group form only checks words the input holds', () => {
    const s = wordSupport(texts, users);
    expect(rareInputWords('Workplace pressure and deadlines', s, 3)).toEqual([]);
    expect(rareInputWords('The Blorvex affair', s, 3)).toEqual(['blorvex']);
  });

  it('catches verbatim concerns and long runs of one user, not shared phrases', () => {
    const concerns = [
      'my husband left me for my sister last winter',
      'stress at work',
      'stress at work',
      'stress at work',
    ];
    const keys = ['u1', 'u2', 'u3', 'u4'];
    expect(echoesRareConcern('Husband left me for my sister', concerns, keys, 3)).toBe(true);
    expect(echoesRareConcern('stress at work', concerns, keys, 3)).toBe(false);
    expect(echoesRareConcern('stress at work', concerns, keys, 4)).toBe(true);
    expect(echoesRareConcern('Family conflict and betrayal', concerns, keys, 3)).toBe(false);
  });

  it('the deterministic gate reports why a text is stopped', () => {
    const ctx = {
      groupSources: indexSources(texts, users),
      minUsers: 3,
      shownConcerns: texts,
      shownUserKeys: users,
    };
    expect(deterministicGate('Work deadlines and workplace pressure', ctx)).toBe('pass');
    // Common words pass however few summaries used them (the old rule withheld "stress": 1 user).
    expect(deterministicGate('Work deadlines and stress', ctx)).toBe('pass');
    expect(deterministicGate('Work with Olivia', ctx)).toBe('pii');
    // A word outside the vocabulary never passes, however many users wrote it.
    expect(deterministicGate('Work and blorvex', ctx)).toBe('outside_vocabulary');
    expect(
      deterministicGate('Work and blorvex', {
        ...ctx,
        groupSources: indexSources(
          ['blorvex a', 'blorvex b', 'blorvex c', 'blorvex d'],
          ['a', 'b', 'c', 'd'],
        ),
      }),
    ).toBe('outside_vocabulary');
    // A checked domain term needs minUsers distinct sources.
    expect(deterministicGate('Work stress and ADHD', ctx)).toBe('unsupported');
    expect(
      deterministicGate('Husband left me for my sister', {
        ...ctx,
        shownConcerns: ['my husband left me for my sister last winter'],
        shownUserKeys: ['u1'],
      }),
    ).toBe('echo');
  });
});

describe('auditors', () => {
  const ctx = {
    kind: 'name' as const,
    group: 'coaching',
    memberTexts: texts,
    memberUserKeys: users,
    minUsers: 3,
  };

  it('offline: PII → 1, outside the vocabulary or a member word too few members wrote → 2, else 5', async () => {
    const a = createOfflineAuditor();
    expect(await a.rate('Work deadlines', ctx)).toBe(5);
    expect(await a.rate('Deadlines, call 415-555-0132', ctx)).toBe(1);
    expect(await a.rate('Work and blorvex', ctx)).toBe(2);
    expect(await a.rate('Work and burnout', ctx)).toBe(2);
    // Words no member wrote are the namer's own general English ("plus related concerns").
    expect(await a.rate('Workplace pressure, plus related concerns', ctx)).toBe(5);
    expect(
      await a.rate('People describe workplace pressure and deadlines.', { ...ctx, kind: 'description' }),
    ).toBe(5);
  });

  it('LLM: sends only the text, parses the rating, and treats unusable answers as 1', async () => {
    const seen: JsonRequest[] = [];
    const answers: unknown[] = [
      { rating: 4, reason: 'general' },
      { rating: 9 },
      'nonsense',
      new InvalidAnswerError('cut off'),
    ];
    const client: LlmClient = {
      provider: 'fake',
      model: 'm',
      async completeJson(req) {
        seen.push(req);
        const a = answers.shift();
        if (a instanceof Error) throw a;
        return { value: a, usage: { inputTokens: 1, outputTokens: 1 } };
      },
    };
    const auditor = createLlmAuditor(client);
    expect(auditor.id).toBe('llm-audit:fake:m:privacy-audit.v1');
    expect(await auditor.rate('Work deadlines', ctx)).toBe(4);
    expect(seen[0].user).toContain('<text>\nWork deadlines\n</text>');
    expect(seen[0].user).not.toContain('blorvex');
    expect(seen[0].system).toContain('Rate how identifying the text is');
    expect(await auditor.rate('Work deadlines', ctx)).toBe(1); // 9 then "nonsense": invalid twice
    answers.push(new InvalidAnswerError('cut'), { rating: 3, reason: 'ok' });
    answers.shift(); // drop the leftover InvalidAnswerError from the first list
    expect(await auditor.rate('Work deadlines', ctx)).toBe(3);
    const failing: LlmClient = { ...client, completeJson: async () => Promise.reject(new Error('HTTP 500')) };
    await expect(createLlmAuditor(failing).rate('x', ctx)).rejects.toThrow('HTTP 500');
  });
});
