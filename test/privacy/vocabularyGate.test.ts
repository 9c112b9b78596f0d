/**
 * The vocabulary and support gate (issue 21 §1, §3; issue 14 §4): common words pass on sight, words
 * outside general English never pass, and domain terms and numbers need support from genuinely
 * different conversations, where near-duplicate texts count once.
 */
import { describe, expect, it } from 'vitest';
import type { AuditContext, PrivacyAuditor } from '../../src/privacy/audit.js';
import { deterministicGate, vocabularyCheck } from '../../src/privacy/gate.js';
import { emptyGateCounts } from '../../src/privacy/gateCounts.js';
import { indexSources } from '../../src/privacy/nearDuplicates.js';
import { type ReleaseContext, releaseClusterName } from '../../src/privacy/release.js';
import { classifyToken, generalVocabularySize } from '../../src/privacy/vocabulary.js';

describe('vocabulary', () => {
  it('is a real general-English list, not a handful of words', () => {
    expect(generalVocabularySize()).toBeGreaterThan(50_000);
  });

  it('classifies tokens: common, domain (checked), number (checked), outside', () => {
    for (const w of [
      'neighbor',
      'secret',
      'listen',
      'logistics',
      'coworker',
      'self-worth',
      "coworker's",
      'monday',
    ])
      expect(classifyToken(w), w).toBe('common');
    for (const w of ['adhd', 'ozempic', 'instagram', 'hiv', 'sertraline', 'tiktok'])
      expect(classifyToken(w), w).toBe('domain');
    for (const w of ['20s', '2019', '3']) expect(classifyToken(w), w).toBe('number');
    for (const w of [
      'dana',
      'whitfield',
      'norbridge',
      'chicago',
      'blorvex',
      'norbridge-based',
      'quillfeather',
    ])
      expect(classifyToken(w), w).toBe('outside');
  });

  it('judges Chinese by its general words: names, places and organisations are outside', () => {
    expect(classifyToken('孤独')).toBe('common');
    expect(vocabularyCheck('Loneliness 孤独 at night')).toEqual({ outside: [], checked: [] });
    expect(vocabularyCheck('')).toEqual({ outside: [], checked: [] });
    for (const name of [
      '工作压力与职业倦怠',
      '担心和男朋友分手后的孤独感',
      '婆媳关系紧张',
      '在职场中被同事排挤',
    ])
      expect(vocabularyCheck(name), name).toEqual({ outside: [], checked: [] });
    // A surname and a given name: neither stands alone as a general word.
    expect(vocabularyCheck('王伟的分手').outside).toEqual(['王', '伟']);
    // jieba tags 李娜 as a person's name, 上海 as a place: left out of the vocabulary.
    expect(vocabularyCheck('李娜的焦虑').outside.length).toBeGreaterThan(0);
    expect(vocabularyCheck('在上海的工作').outside).toEqual(['上海']);
    expect(vocabularyCheck('腾讯裁员').outside.length).toBeGreaterThan(0);
    // Numerals are checked like digits: they need support.
    expect(vocabularyCheck('三十五岁失业的焦虑').checked.length).toBeGreaterThan(0);
  });

  it('keeps kana and Hangul outside: no vocabulary vouches for them (fail closed)', () => {
    expect(classifyToken('さびしい')).toBe('outside');
    expect(classifyToken('외로움')).toBe('outside');
  });
});

/** `n` users each writing one of `texts` in turn. */
function corpus(texts: string[], n: number): { texts: string[]; users: string[] } {
  return {
    texts: Array.from({ length: n }, (_, i) => texts[i % texts.length]),
    users: Array.from({ length: n }, (_, i) => `u${i}`),
  };
}

describe('support counted over genuinely different sources', () => {
  it('near-identical texts from many accounts count once; different conversations each count', () => {
    const planted = corpus(
      [
        'my coworker told me she is hiv positive and i feel anxious',
        'my coworker told me she is hiv positive and i feel anxious. any advice?',
        'my coworker told me she is hiv positive and i feel anxious, please help',
      ],
      20,
    );
    expect(indexSources(planted.texts, planted.users).support('hiv')).toBe(1);
    const genuine = corpus(
      [
        'newly diagnosed with hiv and scared to tell my family',
        'dating while hiv positive and fear of rejection',
        'managing hiv medication side effects at work',
        'my brother has hiv and i do not know how to help',
        'stigma about hiv in my community',
      ],
      5,
    );
    expect(indexSources(genuine.texts, genuine.users).support('hiv')).toBe(5);
    // Texts that share an identifier outside the vocabulary tell one story, however reworded.
    const named = corpus(
      [
        'worried about whitfield at work and her hiv status',
        'whitfield confided she has hiv',
        'how to support whitfield who is hiv positive',
        'hiv diagnosis of my friend whitfield',
        'keeping the hiv secret of whitfield',
      ],
      10,
    );
    expect(indexSources(named.texts, named.users).support('hiv')).toBe(1);
  });

  it('one user is one source however many different texts they write', () => {
    const s = indexSources(
      ['ozempic side effects', 'cost of ozempic', 'ozempic and my diet', 'stopping ozempic'],
      ['a', 'a', 'a', 'a'],
    );
    expect(s.support('ozempic')).toBe(1);
  });
});

describe('the gate checks identifiers and rare tokens, not common words', () => {
  const concerns = [
    'conflict with a neighbor about noise',
    'a friend asked me to keep a secret',
    'stress at work',
    'stress at work',
    'stress at work',
    'stress at work',
    'stress at work',
  ];
  const users = concerns.map((_, i) => `u${i}`);
  const ctx = {
    groupSources: indexSources(concerns, users),
    minUsers: 5,
    shownConcerns: concerns,
    shownUserKeys: users,
  };

  it('ordinary words pass however few summaries used them', () => {
    // Under the old rule "neighbor" and "secret" (one user each) withheld these names.
    expect(deterministicGate('Conflicts with neighbors and keeping secrets', ctx)).toBe('pass');
    expect(deterministicGate('Stress at work', ctx)).toBe('pass');
  });

  it('a name, a word outside the vocabulary, an unsupported domain term or number is withheld', () => {
    expect(deterministicGate('Conflict with Dana Whitfield', ctx)).toBe('pii');
    expect(deterministicGate('Conflict at Norbridge', ctx)).toBe('outside_vocabulary');
    expect(deterministicGate('Stress about ADHD at work', ctx)).toBe('unsupported');
    expect(deterministicGate('Stress at work after 3 years', ctx)).toBe('unsupported');
  });
});

describe('a theme name built from a planted story', () => {
  const ordinary = corpus(['stress at work', 'trouble sleeping', 'a painful breakup'], 60);
  const name = 'Supporting a coworker who is HIV positive';
  const ctxFor = (texts: string[], users: string[]) => ({
    groupSources: indexSources(texts, users),
    minUsers: 5,
    shownConcerns: texts.slice(0, 50),
    shownUserKeys: users.slice(0, 50),
  });

  it('is withheld when 20 accounts pasted near-identical text, and named when 5 people wrote their own', () => {
    const planted = corpus(
      [
        'my coworker told me she is hiv positive and i feel anxious',
        'my coworker told me she is hiv positive and i feel anxious, any advice?',
      ],
      20,
    );
    planted.users = planted.users.map((u) => `attacker-${u}`);
    const withPlanted = ctxFor([...planted.texts, ...ordinary.texts], [...planted.users, ...ordinary.users]);
    expect(deterministicGate(name, withPlanted)).toBe('unsupported');
    const genuine = corpus(
      [
        'a coworker shared that she is hiv positive and i want to be supportive',
        'my colleague disclosed an hiv diagnosis to me',
        'supporting a friend at work living with hiv',
        'how to react when a coworker says they have hiv',
        'a teammate is hiv positive and others gossip',
      ],
      5,
    );
    genuine.users = genuine.users.map((u) => `genuine-${u}`);
    expect(
      deterministicGate(
        name,
        ctxFor([...genuine.texts, ...ordinary.texts], [...genuine.users, ...ordinary.users]),
      ),
    ).toBe('pass');
  });
});

describe('release counts each gate separately and credits the audit only with what it judged', () => {
  function spyAuditor(rating: 1 | 5): PrivacyAuditor & { judged: string[] } {
    const judged: string[] = [];
    return {
      id: 'spy',
      description: 'spy',
      judged,
      async rate(text: string, _ctx: AuditContext) {
        judged.push(text);
        return rating;
      },
    };
  }
  const concerns = ['stress at work', 'stress at work', 'stress at work', 'stress at work', 'stress at work'];
  const users = ['a', 'b', 'c', 'd', 'e'];
  const ctx: ReleaseContext = {
    group: 'counseling',
    memberTexts: concerns,
    memberUserKeys: users,
    minUsers: 5,
    groupSources: indexSources(concerns, users),
    shownConcerns: concerns,
    shownUserKeys: users,
  };

  it('a text a deterministic gate withholds never reaches the auditor and is not counted as audited', async () => {
    const auditor = spyAuditor(5);
    const gates = emptyGateCounts();
    const out = await releaseClusterName(
      { name: 'Stress at Norbridge Logistics', description: 'People mention Dana Whitfield.' },
      ctx,
      auditor,
      gates,
    );
    expect(out).toEqual({ name: 'Unnamed topic (name withheld)', description: '' });
    expect(auditor.judged).toEqual([]);
    expect(gates.textsDroppedByPiiDetector).toBe(2);
    expect(gates.textsDroppedByAudit).toBe(0);
  });

  it('each deterministic gate and the audit have their own count', async () => {
    const gates = emptyGateCounts();
    await releaseClusterName(
      { name: 'Stress and blorvex', description: 'Stress about ADHD.' },
      ctx,
      spyAuditor(5),
      gates,
    );
    expect(gates.textsDroppedByVocabulary).toBe(1);
    expect(gates.textsDroppedBySupport).toBe(1);
    const strict = spyAuditor(1);
    await releaseClusterName({ name: 'Stress at work', description: '' }, ctx, strict, gates);
    expect(strict.judged).toEqual(['Stress at work']);
    expect(gates.textsDroppedByAudit).toBe(1);
  });
});
