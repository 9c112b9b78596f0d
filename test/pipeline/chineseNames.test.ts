/**
 * `--report-lang zh` with an LLM engine (issue 20 §4): the facet and namer prompts ask for concerns and
 * names in Chinese, and a Chinese topic name made of general words that many users share is released
 * into the report, while one carrying a company's name is withheld even when many accounts push it.
 * The fake model writes each conversation's first message as its concern and names clusters as told.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLlmEngine } from '../../src/facets/llm/createLlmEngine.js';
import { analyzeLogs } from '../../src/pipeline/analyze.js';
import { type FakeLlmServer, startFakeLlmServer } from '../helpers/fakeLlmServer.js';

/** Many users, in their own words, about loneliness after a breakup. */
const BREAKUP = [
  '和男朋友分手以后感到孤独',
  '分手之后每天晚上都很难过',
  '失恋以后一个人觉得很孤单',
  '跟女朋友分手了心里空落落的',
  '分手后一直走不出来',
  '被前任分手以后总是哭',
];
/** Planted accounts pushing one employer's name, in varied words. */
const NAMED = [
  '在腾讯每天加班到深夜',
  '腾讯的领导总是骂我',
  '腾讯的工作让我很焦虑',
  '我害怕去腾讯上班',
  '腾讯让我想辞职',
  '腾讯又要裁员了',
];
const BREAKUP_NAME = '分手后的孤独与难过';
const NAMED_NAME = '腾讯员工的工作压力';

let dir: string;
let server: FakeLlmServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'al-zh-names-'));
  const lines: string[] = [];
  const conv = (id: string, user: string, text: string) =>
    JSON.stringify({
      id,
      user,
      messages: [
        { role: 'user', content: text },
        { role: 'assistant', content: '听起来你很难受，能多说说吗？' },
        { role: 'user', content: `${text}，我该怎么办？` },
      ],
    });
  for (let i = 0; i < 60; i++) lines.push(conv(`breakup-${i}`, `u${i % 12}`, BREAKUP[i % BREAKUP.length]));
  for (let i = 0; i < 60; i++) lines.push(conv(`named-${i}`, `attacker-${i % 12}`, NAMED[i % NAMED.length]));
  writeFileSync(join(dir, 'corpus.jsonl'), `${lines.join('\n')}\n`);
  server = await startFakeLlmServer({
    truth: (users) => ({
      contentCreation: false,
      categories: ['counseling'],
      pushback: false,
      pushbackReason: null,
      sentiment: users.map(() => 'neutral'),
      concern: users[0],
      language: 'zh',
    }),
    namer: (members) =>
      members.filter((m) => m.includes('腾讯')).length * 2 > members.length
        ? { name: NAMED_NAME, description: '用户在腾讯工作压力很大。' }
        : { name: BREAKUP_NAME, description: '用户在分手以后感到孤独和难过。' },
  });
});

afterAll(async () => {
  await server?.close();
});

describe('LLM names and concerns in the report’s language', () => {
  it('asks for Chinese, releases a shared Chinese name and withholds one with a company’s name', async () => {
    const engine = await createLlmEngine('openai', {
      model: 'fake-model',
      baseUrls: [`${server.url}/v1`],
      env: {},
      concurrency: 4,
      concernLanguage: 'zh',
      sleep: async () => {},
    });
    const out = join(dir, 'out');
    const result = await analyzeLogs(
      {
        inputs: [join(dir, 'corpus.jsonl')],
        outDir: out,
        seed: 3,
        storeDir: join(dir, 'store'),
        reportLang: 'zh',
      },
      { now: () => 0, seed: 3, log: () => {}, engine },
    );
    expect(result.errors).toBe(0);
    const systems = server.calls.map((c) => JSON.stringify(c.body));
    expect(systems.some((s) => s.includes('cluster_name') && s.includes('description in Chinese'))).toBe(
      true,
    );
    expect(
      systems.some((s) => s.includes('concern: what the user wants help with, ≤15 words, in Chinese')),
    ).toBe(true);
    const report = readFileSync(join(out, 'report.json'), 'utf8');
    expect(report).toContain(BREAKUP_NAME);
    // The planted accounts' cluster passed the thresholds: the vocabulary is what stopped its name.
    const gates = JSON.parse(report).privacy.gates as { textsDroppedByVocabulary: number };
    expect(gates.textsDroppedByVocabulary).toBeGreaterThan(0);
    for (const file of ['report.json', 'report.html']) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(text).not.toContain('腾讯');
    }
  });
});
