import { describe, expect, it } from 'vitest';
import { clusterTopics, type TopicItem } from '../../src/cluster/clusterTopics.js';
import { createLlmNamer } from '../../src/cluster/llmNamer.js';
import { createOfflineClusterDeps } from '../../src/cluster/offlineDeps.js';
import type { TopicNode } from '../../src/cluster/topicTreeTypes.js';
import type { JsonRequest, JsonResponse, LlmClient } from '../../src/llm/client.js';
import { createLlmAuditor } from '../../src/privacy/audit.js';
import { FIRST_NAMES, isUnambiguousName, SURNAMES_COMMON } from '../../src/privacy/names.js';
import { WITHHELD_NAME } from '../../src/privacy/release.js';
import { createRng, pick, type Rng } from '../../src/util/random.js';

const T = { minUsers: 5, minConversations: 10 };

/** Six everyday themes; a concern mixes a theme's words, so concerns recur across many users. */
const THEMES: string[][] = [
  [
    'anxiety about work',
    'work deadlines',
    'trouble sleeping over work',
    'stress at work',
    'a demanding boss at work',
  ],
  ['a painful breakup', 'missing an ex after the breakup', 'moving on after a breakup', 'breakup heartbreak'],
  [
    'loneliness after moving',
    'lonely without friends',
    'feeling lonely in a new city',
    'loneliness at night',
  ],
  ['exam stress', 'fear of failing exams', 'exam study motivation', 'exam pressure from grades'],
  ['parenting a toddler', 'toddler tantrums', 'patience with a toddler', 'toddler sleep problems'],
  ['grief after losing a parent', 'coping with grief', 'grief for a late mother', 'grief and loss'],
];

function concern(rng: Rng, theme: number): string {
  const words = THEMES[theme];
  const a = pick(rng, words);
  let b = pick(rng, words);
  if (b === a) b = words[(words.indexOf(a) + 1) % words.length];
  return `${a} and ${b}`;
}

/** 360 conversations from 72 users, themes spread across users. */
function baseCorpus(seed: number, users = 72): TopicItem[] {
  const rng = createRng(seed);
  const items: TopicItem[] = [];
  for (let u = 0; u < users; u++) {
    for (let j = 0; j < 5; j++) {
      const theme = (u + j * 7) % THEMES.length;
      items.push({ conversationId: `c${u}-${j}`, userId: `user${u}`, text: concern(rng, theme) });
    }
  }
  return items;
}

/** Pronounceable made-up words no dictionary holds. */
function madeUpWords(n: number, seed: number): string[] {
  const rng = createRng(seed);
  const syl = [
    'zor',
    'blax',
    'quil',
    'thorp',
    'vex',
    'mir',
    'drao',
    'kel',
    'fyn',
    'ush',
    'trov',
    'plim',
    'gex',
    'wuld',
  ];
  const out = new Set<string>();
  while (out.size < n) out.add(`${pick(rng, syl)}${pick(rng, syl)}${pick(rng, syl)}`);
  return [...out];
}

interface Canary {
  text: string;
  /** Strings that must never appear in the output (lower-cased comparison). */
  needles: string[];
}

/** Several hundred identifiers, each planted in ONE user's concerns only. */
function canaries(): Canary[] {
  const firsts = [...FIRST_NAMES]
    .filter((n) => isUnambiguousName(n) && n.length > 3 && !n.includes('-'))
    .slice(0, 80);
  const lasts = [...SURNAMES_COMMON]
    .filter((n) => isUnambiguousName(n) && n.length > 3 && !firsts.includes(n))
    .slice(0, 80);
  const words = madeUpWords(80, 99);
  const out: Canary[] = [];
  for (let i = 0; i < 80; i++) {
    const name = `${firsts[i]} ${lasts[i]}`;
    out.push({ text: `worried about my friend ${name}`, needles: [name, firsts[i], lasts[i]] });
    out.push({ text: `the ${words[i]} situation at home`, needles: [words[i]] });
    const email = `${words[i]}.${i}@mailbox-example.org`;
    out.push({ text: `they keep emailing ${email}`, needles: [email, `${words[i]}.${i}`] });
    const phone = `+44 20 7946 ${String(1000 + i).padStart(4, '0')}`;
    out.push({ text: `calls from ${phone} at night`, needles: [phone, `7946 ${String(1000 + i)}`] });
  }
  for (let i = 0; i < 40; i++) {
    const street = `${10 + i} ${words[40 + i].charAt(0).toUpperCase()}${words[40 + i].slice(1)} Street`;
    out.push({ text: `the house at ${street}`, needles: [street] });
  }
  return out;
}

/** Base corpus + each canary appended to one conversation of a distinct user. */
function canaryCorpus(): { items: TopicItem[]; planted: Canary[] } {
  const items = baseCorpus(5);
  const planted = canaries();
  // 360 canaries over 72 users: canary k goes to user k % 72; no two users share a canary.
  planted.forEach((c, k) => {
    const u = k % 72;
    const j = Math.floor(k / 72) % 5;
    const it = items[u * 5 + j];
    it.text = `${it.text}, ${c.text}`;
  });
  return { items, planted };
}

/**
 * An adversarial fake LLM: as namer it echoes member texts and planted identifiers back as names and
 * descriptions; as auditor it approves everything. Only the deterministic gates stand in the way.
 */
function echoingClient(needles: string[]): LlmClient & { calls: number } {
  let calls = 0;
  return {
    provider: 'fake',
    model: 'echo-1',
    get calls() {
      return calls;
    },
    async completeJson(req: JsonRequest): Promise<JsonResponse> {
      calls++;
      const usage = { inputTokens: 1, outputTokens: 1 };
      if (req.schemaName === 'privacy_audit') return { value: { rating: 5, reason: 'fine' }, usage };
      const lines = req.user
        .split('\n')
        .filter((l) => l.startsWith('- '))
        .map((l) => l.slice(2));
      const withCanary =
        lines.find((l) => needles.some((n) => l.toLowerCase().includes(n.toLowerCase()))) ?? lines[0];
      const needle = needles.find((n) => withCanary.toLowerCase().includes(n.toLowerCase())) ?? 'nothing';
      const strategy = calls % 3;
      const name = strategy === 0 ? withCanary : strategy === 1 ? `Support for ${needle}` : needle;
      return { value: { name, description: `${lines.slice(0, 2).join('. ')}.` }, usage };
    },
  };
}

function allNames(nodes: TopicNode[]): string[] {
  return nodes.flatMap((n) => [n.name, ...allNames(n.children)]);
}

function expectNoNeedle(json: string, needles: string[]): void {
  const hay = json.toLowerCase();
  const leaked = needles.filter((n) => hay.includes(n.toLowerCase()));
  expect(leaked).toEqual([]);
}

function checkSizes(nodes: TopicNode[]): void {
  for (const n of nodes) {
    expect(n.users).toBeGreaterThanOrEqual(T.minUsers);
    expect(n.conversations).toBeGreaterThanOrEqual(T.minConversations);
    checkSizes(n.children);
  }
}

describe('clusterTopics privacy canaries', () => {
  it('offline deps: no planted identifier appears anywhere in the output', async () => {
    const { items, planted } = canaryCorpus();
    expect(planted.length).toBeGreaterThanOrEqual(360);
    const out = await clusterTopics('counseling', items, createOfflineClusterDeps(7), { thresholds: T });
    const json = JSON.stringify(out);
    expectNoNeedle(
      json,
      planted.flatMap((c) => c.needles),
    );
    // Not vacuous: real topics were found, named, and sized within the thresholds.
    expect(out.tree.total).toBe(items.length);
    expect(out.tree.topics.length).toBeGreaterThan(1);
    expect(allNames(out.tree.topics).filter((n) => n !== WITHHELD_NAME).length).toBeGreaterThan(2);
    checkSizes(out.tree.topics);
    // No concern text is copied into the tree.
    for (const it of items) expect(json.includes(it.text)).toBe(false);
  });

  it('an LLM namer that echoes canaries and an auditor that approves everything: the gates still stop them', async () => {
    const { items, planted } = canaryCorpus();
    const needles = planted.flatMap((c) => c.needles);
    const client = echoingClient(planted.map((c) => c.needles[0]));
    const deps = {
      ...createOfflineClusterDeps(7),
      namer: createLlmNamer(client),
      auditor: createLlmAuditor(client),
    };
    const out = await clusterTopics('counseling', items, deps, { thresholds: T });
    expectNoNeedle(JSON.stringify(out), needles);
    expect(client.calls).toBeGreaterThan(0);
    expect(out.gates.textsDroppedByPiiDetector).toBeGreaterThan(0);
    expect(out.gates.textsDroppedByVocabulary).toBeGreaterThan(0);
    // The auditor approved everything it was asked: it is credited with nothing.
    expect(out.gates.textsDroppedByAudit).toBe(0);
    for (const it of items) expect(JSON.stringify(out).includes(it.text)).toBe(false);
  });
});

describe('clusterTopics injection', () => {
  it('200 planted conversations from 2 users never surface their detail', async () => {
    const items = baseCorpus(11);
    for (let i = 0; i < 200; i++) {
      items.push({
        conversationId: `planted-${i}`,
        userId: i % 2 === 0 ? 'attacker-a' : 'attacker-b',
        text: 'divorce of Jane Doe at 12 Elm Street and the quillithorpe settlement',
      });
    }
    const needles = ['jane', 'doe', 'elm street', 'quillithorpe', 'settlement', 'divorce'];
    const offline = await clusterTopics('interpersonal_advice', items, createOfflineClusterDeps(3), {
      thresholds: T,
    });
    const client = echoingClient(['divorce of Jane Doe', 'quillithorpe']);
    const llm = await clusterTopics(
      'interpersonal_advice',
      items,
      { ...createOfflineClusterDeps(3), namer: createLlmNamer(client), auditor: createLlmAuditor(client) },
      { thresholds: T },
    );
    for (const out of [offline, llm]) {
      const json = JSON.stringify(out).toLowerCase();
      for (const n of needles) expect(json).not.toMatch(new RegExp(`\\b${n}\\b`));
      checkSizes(out.tree.topics);
      // The planted conversations are counted (in a shown parent or the remainder), never described.
      expect(out.tree.total).toBe(560);
    }
  });
});

describe('clusterTopics determinism and shape', () => {
  it('same input and seed give byte-identical JSON; ids and order follow the sort', async () => {
    const items = baseCorpus(21);
    const a = await clusterTopics('coaching', items, createOfflineClusterDeps(42), {
      thresholds: T,
      levels: 2,
    });
    const b = await clusterTopics('coaching', items, createOfflineClusterDeps(42), {
      thresholds: T,
      levels: 2,
    });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const sizes = a.tree.topics.map((t) => t.conversations);
    expect([...sizes].sort((x, y) => y - x)).toEqual(sizes);
    expect(a.tree.topics[0].id).toBe('t1');
    const shown = a.tree.topics.reduce((s, t) => s + t.conversations, 0);
    expect(shown + a.tree.belowThreshold.conversations).toBe(items.length);
    checkSizes(a.tree.topics);
    for (const t of a.tree.topics) {
      const inChildren = t.children.reduce((s, c) => s + c.conversations, 0);
      expect(inChildren).toBeLessThanOrEqual(t.conversations);
      // A parent's uncovered remainder is 0 or itself at least minConversations.
      const rest = t.conversations - inChildren;
      expect(rest === 0 || t.children.length === 0 || rest >= T.minConversations).toBe(true);
    }
  });

  it('recovers the planted themes with the offline deps', async () => {
    const items = baseCorpus(8);
    const out = await clusterTopics('counseling', items, createOfflineClusterDeps(1), {
      thresholds: T,
      targetLeafSize: 60,
    });
    const names = allNames(out.tree.topics).join(' | ').toLowerCase();
    for (const w of ['work', 'breakup', 'exam', 'grief']) expect(names).toContain(w);
  });

  it('builds three levels when asked, every level thresholded', async () => {
    const items = baseCorpus(4, 300);
    const out = await clusterTopics('coaching', items, createOfflineClusterDeps(5), {
      thresholds: T,
      levels: 3,
    });
    const depth = (nodes: TopicNode[]): number =>
      nodes.length === 0 ? 0 : 1 + Math.max(...nodes.map((n) => depth(n.children)));
    expect(depth(out.tree.topics)).toBe(3);
    checkSizes(out.tree.topics);
    const two = await clusterTopics('coaching', items, createOfflineClusterDeps(5), {
      thresholds: T,
      levels: 2,
    });
    expect(depth(two.tree.topics)).toBe(2);
  });

  it('a group below the thresholds is counted, never clustered or named', async () => {
    const items = baseCorpus(2).slice(0, 12); // 3 users
    const deps = createOfflineClusterDeps(1);
    let embedded = 0;
    const spy = { ...deps.embedder, id: deps.embedder.id, dim: deps.embedder.dim };
    spy.embed = async (t: string[]) => {
      embedded += t.length;
      return deps.embedder.embed(t);
    };
    const out = await clusterTopics('companionship', items, { ...deps, embedder: spy }, { thresholds: T });
    expect(out.tree).toEqual({
      group: 'companionship',
      total: 12,
      topics: [],
      belowThreshold: { conversations: 12 },
    });
    expect(out.gates.conversationsSuppressedByThreshold).toBe(12);
    expect(embedded).toBe(0);
  });

  it('rejects bad items with a message naming the item', async () => {
    const deps = createOfflineClusterDeps(1);
    await expect(
      clusterTopics(
        'coaching',
        [
          { conversationId: 'a', text: 'x' },
          { conversationId: 'a', text: 'y' },
        ],
        deps,
        { thresholds: T },
      ),
    ).rejects.toThrow(/item 1: duplicate conversationId a/);
    await expect(
      clusterTopics('coaching', [{ conversationId: '', text: 'x' }], deps, { thresholds: T }),
    ).rejects.toThrow(/item 0: conversationId must be a non-empty string/);
  });
});
