import { describe, expect, it } from 'vitest';
import { clusterTopics, type TopicItem } from '../../src/cluster/clusterTopics.js';
import { clampName, createLlmNamer } from '../../src/cluster/llmNamer.js';
import { sentences } from '../../src/cluster/namer.js';
import { createOfflineClusterDeps } from '../../src/cluster/offlineDeps.js';
import { createOfflineNamer, nameOffline } from '../../src/cluster/offlineNamer.js';
import type { TopicNode } from '../../src/cluster/topicTreeTypes.js';
import type { JsonRequest, LlmClient } from '../../src/llm/client.js';
import { createRng } from '../../src/util/random.js';

const members = [
  'anxiety about work and trouble sleeping',
  'anxiety about work deadlines',
  'anxiety about work and a demanding boss',
  'trouble sleeping because of anxiety about work',
  'work deadlines and trouble sleeping',
  'anxiety about work presentations',
];
const contrast = [
  'a painful breakup',
  'loneliness after moving',
  'exam stress and anxiety',
  'grief and loss',
];

describe('offline namer (c-TF-IDF)', () => {
  it('names the distinctive phrases and describes the group', async () => {
    const n = await createOfflineNamer().name({
      memberTexts: members,
      contrastTexts: contrast,
      conversations: 60,
    });
    // At most two whole phrases, joined once by "and"; the description adds what the name does not.
    expect(n.name).toBe('Anxiety about work and trouble sleeping');
    expect(n.description).toBe('Other shared themes: deadlines.');
  });

  it('uses only terms enough distinct users share', () => {
    const texts = [
      'quilvex rituals',
      'quilvex rituals',
      'quilvex rituals',
      'morning routines',
      'morning routines',
      'morning routines',
    ];
    const keys = ['a', 'a', 'a', 'b', 'c', 'd'];
    const n = nameOffline({ memberTexts: texts, contrastTexts: [], memberUserKeys: keys, minTermUsers: 3 });
    expect(n.name).toBe('Morning routines');
    const none = nameOffline({
      memberTexts: texts,
      contrastTexts: [],
      memberUserKeys: keys,
      minTermUsers: 5,
    });
    expect(none.name).toBe('Miscellaneous concerns');
    expect(none.description).toBe('Conversations with varied concerns and no theme enough people share.');
  });
});

describe('LLM namer', () => {
  function client(answers: unknown[]): LlmClient & { seen: JsonRequest[] } {
    const seen: JsonRequest[] = [];
    return {
      provider: 'fake',
      model: 'namer-1',
      seen,
      async completeJson(req) {
        seen.push(req);
        return { value: answers.shift(), usage: { inputTokens: 1, outputTokens: 1 } };
      },
    };
  }

  it('prompts with members and contrast, validates, and clamps to the limits', async () => {
    const c = client([
      {
        name: 'Work anxiety and sleep loss among busy professionals who feel overwhelmed daily',
        description: 'People worry about work. They sleep badly. They ask for coping tips.',
      },
    ]);
    const namer = createLlmNamer(c, { members: 3, contrast: 2 });
    const n = await namer.name({ memberTexts: members, contrastTexts: contrast, conversations: 42 });
    expect(n?.name.split(' ')).toHaveLength(10);
    expect(n?.description).toBe('People worry about work. They sleep badly.');
    const req = c.seen[0];
    expect(req.schemaName).toBe('cluster_name');
    expect(req.system).toContain('Describe the group, never one person');
    expect(req.user).toContain('<members count="42">\n- anxiety about work and trouble sleeping');
    expect(req.user.match(/^- /gm)).toHaveLength(5);
    expect(req.user).toContain(
      '<nearby_non_members>\n- a painful breakup\n- loneliness after moving\n</nearby_non_members>',
    );
    expect(namer.id).toBe('llm-namer:fake:namer-1:cluster-name.v2');
    expect(req.system).toContain('Write the name and the description in English');
  });

  it('tells the model which names its sub-clusters already carry', async () => {
    const c = client([
      { name: 'Work stress', description: '' },
      { name: 'Work stress', description: '' },
    ]);
    const namer = createLlmNamer(c);
    await namer.name({ memberTexts: members, contrastTexts: contrast, avoidNames: ['Deadlines at work'] });
    expect(c.seen[0].user).toContain('<sub_cluster_names>\n- Deadlines at work\n</sub_cluster_names>');
    await namer.name({ memberTexts: members, contrastTexts: contrast });
    expect(c.seen[1].user).not.toContain('sub_cluster_names');
  });

  it('retries an invalid answer once, then gives no name (the cluster is withheld, the run goes on)', async () => {
    const ok = client([{ nom: 'x' }, { name: 'Work stress', description: '' }]);
    expect(await createLlmNamer(ok).name({ memberTexts: members, contrastTexts: [] })).toEqual({
      name: 'Work stress',
      description: '',
    });
    const bad = client([{ nom: 'x' }, { name: '' }]);
    expect(await createLlmNamer(bad).name({ memberTexts: members, contrastTexts: [] })).toBeNull();
    expect(bad.seen).toHaveLength(2);
  });

  it('splits sentences without breaking decimals', () => {
    expect(sentences('Rates rose 1.5 points. Then fell! Why?')).toEqual([
      'Rates rose 1.5 points.',
      'Then fell!',
      'Why?',
    ]);
    expect(clampName({ name: '  a   b ', description: '' })).toEqual({ name: 'a b', description: '' });
    // Chinese has no spaces: about ten words is 20 characters; sentences end with 。
    const zh = clampName({
      name: '工作压力与职业倦怠以及由此带来的失眠和对未来的深深迷茫',
      description: '第一句。第二句！第三句。',
    });
    expect([...zh.name]).toHaveLength(20);
    expect(zh.description).toBe('第一句。第二句！');
  });
});

/** Fixed labels, as an engine with a closed concern vocabulary writes them (written for this test). */
const LABELS = [
  'grief after losing a loved one',
  'anxiety and constant worry',
  'wanting someone to listen',
  'tension with parents or siblings',
  'parenting and raising children',
  'arguments and trust problems with a romantic partner',
  'stress and burnout',
  'feeling lonely and isolated',
];

function labelCorpus(seed: number): TopicItem[] {
  const rng = createRng(seed);
  const items: TopicItem[] = [];
  for (let i = 0; i < 600; i++) {
    // Skewed label frequencies, so clusters mix a dominant label with a few others.
    const k = Math.min(LABELS.length - 1, Math.floor(-Math.log(1 - rng()) * 2.5));
    items.push({ conversationId: `c${i}`, userId: `u${Math.floor(rng() * 250)}`, text: LABELS[k] });
  }
  return items;
}

function allNodes(nodes: TopicNode[]): TopicNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

describe('offline names are grammatical phrases from the concern vocabulary (issue 14.4)', () => {
  it('label mode: a dominant label is the name; a broader cluster says so; the description adds, not repeats', () => {
    const members = [
      ...Array(6).fill('grief after losing a loved one'),
      ...Array(3).fill('anxiety and constant worry'),
      'stress and burnout',
    ];
    const keys = members.map((_, i) => `u${i}`);
    const n = nameOffline({ memberTexts: members, contrastTexts: [], memberUserKeys: keys, minTermUsers: 2 });
    expect(n).toEqual({
      name: 'Grief after losing a loved one',
      description: 'Most conversations here share this concern; others are about anxiety and constant worry.',
    });
    const parent = nameOffline({
      memberTexts: members,
      contrastTexts: [],
      memberUserKeys: keys,
      minTermUsers: 2,
      avoidNames: ['Grief after losing a loved one'],
    });
    expect(parent.name).toBe('Grief after losing a loved one, plus related concerns');
    expect(parent.description).toBe('Related concerns here include anxiety and constant worry.');
  });

  it('on a whole tree: no repeated word, no dangling "and", child ≠ parent, descriptions do not repeat names', async () => {
    for (const seed of [1, 2, 3]) {
      const out = await clusterTopics('counseling', labelCorpus(seed), createOfflineClusterDeps(seed), {
        thresholds: { minUsers: 5, minConversations: 10 },
      });
      const nodes = allNodes(out.tree.topics);
      expect(nodes.length).toBeGreaterThan(3);
      for (const n of nodes) {
        const words = n.name.toLowerCase().match(/[\p{L}'-]+/gu) ?? [];
        // "Anxiety and constant and worry": no word twice; "Listen and wanting": no dangling "and".
        expect(new Set(words).size, n.name).toBe(words.length);
        expect(n.name, n.name).not.toMatch(/\band$|^and\b|\band,|\band and\b/i);
        expect(words.length).toBeLessThanOrEqual(10);
        // The name is a whole label, or a whole label said to be broader.
        const base = n.name.replace(/, plus (related concerns|more)$/, '').toLowerCase();
        expect([...LABELS, 'miscellaneous concerns'], n.name).toContain(base);
        expect(n.description.toLowerCase()).not.toContain(n.name.toLowerCase());
        for (const c of n.children) expect(c.name, `${n.name} > ${c.name}`).not.toBe(n.name);
      }
    }
  });
});

describe('offline names for "head: label" texts (pushback reasons)', () => {
  it('names by the shared label after the colon and says which head most share', () => {
    const members = [
      ...Array.from({ length: 4 }, () => 'false premise: anxiety and constant worry'),
      ...Array.from({ length: 3 }, () => 'policy other: anxiety and constant worry'),
      'false premise: stress and burnout',
      'false premise: grief after losing a loved one',
      'policy other: wanting someone to listen',
    ];
    const keys = members.map((_, i) => `u${i}`);
    const n = nameOffline({ memberTexts: members, contrastTexts: [], memberUserKeys: keys, minTermUsers: 5 });
    expect(n).toEqual({
      name: 'Anxiety and constant worry',
      description: 'Most conversations here share this concern. Most are filed under false premise.',
    });
  });
});
