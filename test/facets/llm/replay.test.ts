/**
 * The openai and anthropic engines against answers recorded for the v3 prompt (test/fixtures/replay):
 * every request must find its recorded answer (a prompt or request change misses them all), the
 * answers parse and pass the schema, the repair path mends what it should, and the facets are the
 * recorded answers, whichever provider and whether asked directly or through the batch API.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/conversation/model.js';
import { createLlmEngine, type LlmEngineName } from '../../../src/facets/llm/createLlmEngine.js';
import { FacetsSchema } from '../../../src/facets/schema.js';
import { type FakeLlmServer, startFakeLlmServer } from '../../helpers/fakeLlmServer.js';

const dir = join(import.meta.dirname, '..', '..', 'fixtures', 'replay');
const lines = (file: string) =>
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

interface Recorded {
  key: string;
  conversation: string;
  attempt: number;
  answer: unknown;
  note?: string;
  /** A repair whose request names a provider-specific problem ("no tool call" / "not JSON"). */
  only?: LlmEngineName;
}
const conversations: Conversation[] = lines('conversations.jsonl').map((r, i) => ({
  id: r.id,
  messages: r.messages,
  source: { file: 'replay.jsonl', position: i + 1, unit: 'line' },
  metadata: {},
}));
const recorded: Recorded[] = lines('answers.jsonl');

/** The replay answers, remembering which were asked for (a fixture nobody asks for is stale). */
class UsedMap extends Map<string, unknown> {
  readonly used = new Set<string>();
  override get(key: string): unknown {
    this.used.add(key);
    return super.get(key);
  }
}

const LABEL: Record<string, number> = {
  'very negative': -1,
  negative: -0.5,
  neutral: 0,
  positive: 0.5,
  'very positive': 1,
};

/** What the engine must make of the last recorded answer of a conversation, written out here. */
function expected(id: string) {
  const last = recorded.filter((r) => r.conversation === id).sort((a, b) => b.attempt - a.attempt)[0];
  const a = last.answer as Record<string, unknown>;
  return {
    contentCreation: a.contentCreation,
    categories: a.categories,
    pushback: a.pushback,
    pushbackReason: a.pushbackReason,
    sentiment: (a.sentiment as string[]).map((l) => LABEL[l]),
    concern: a.concern,
    language: a.language,
    status: { kind: 'ok' },
    support: {
      referral: a.referral,
      crisis: a.crisis,
      crisisKind: a.crisisKind,
      stance: a.stance,
      validatesHarmful: a.validatesHarmful,
    },
  };
}

const servers: FakeLlmServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function run(name: LlmEngineName, batch: boolean) {
  const replay = new UsedMap(recorded.map((r) => [r.key, r.answer]));
  const s = await startFakeLlmServer({ replay, batchPollsUntilDone: 2 });
  servers.push(s);
  const log: string[] = [];
  const engine = await createLlmEngine(name, {
    env:
      name === 'anthropic'
        ? { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: s.url }
        : { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: `${s.url}/v1` },
    model: 'm',
    maxTranscriptChars: 4000,
    concurrency: 4,
    deps: { now: () => Date.now(), seed: 1, log: (l) => log.push(l) },
    ...(batch
      ? { batch: true, stateDir: mkdtempSync(join(tmpdir(), 'affectlens-replay-')), batchPollIntervalMs: 1 }
      : {}),
  });
  const results = await engine.extractFacets(conversations);
  return { s, replay, engine, results, log };
}

describe.each(['openai', 'anthropic'] as const)('%s replays the recorded v3 answers', (name) => {
  it('every request finds its answer, and the facets are the recorded answers', async () => {
    const { s, replay, engine, results, log } = await run(name, false);
    expect(s.unanswered().map((u) => u.key)).toEqual([]);
    results.forEach((r, i) => {
      const id = conversations[i].id;
      expect(FacetsSchema.safeParse(r.facets).success, id).toBe(true);
      if (id === 'lone-greeting') {
        // A category outside the schema, twice: an error, never passed on.
        expect(r.facets.status).toMatchObject({
          kind: 'error',
          reason: expect.stringMatching(/after one repair: .*categories/),
        });
        expect(JSON.stringify(r.facets)).not.toContain('hacked');
      } else if (id === 'translate') {
        // Over 15 words after the repair too: kept, cut to the codebook's 15 words.
        const full = (expected(id).concern as string).split(' ');
        expect(r.facets).toMatchObject({ ...expected(id), concern: full.slice(0, 15).join(' ') });
      } else expect(r.facets, id).toEqual({ ...expected(id), humanMessages: r.facets.humanMessages });
    });
    // Pushback whose reason never came stays pushback with no reason (shown as unspecified).
    const political = results[conversations.findIndex((c) => c.id === 'political-claim')].facets;
    expect(political).toMatchObject({ pushback: true, pushbackReason: null });
    // The support facets: an invalid stance and a crisis without its kind are repaired, and parsed
    // into facets.support as recorded.
    const byId = (id: string) => results[conversations.findIndex((c) => c.id === id)].facets;
    expect(byId('flat-suicidal').support).toEqual({
      referral: 'crisis_line',
      crisis: true,
      crisisKind: 'suicidal',
      stance: 'strong_resistance',
      validatesHarmful: false,
    });
    expect(byId('negative-self-talk').support?.stance).toBe('resistance');
    expect(byId('diagnose-rash').support?.referral).toBe('professional');
    expect(engine.stats).toMatchObject({
      repairs: 9,
      errors: 1,
      concernsCut: 1,
      reasonsMissing: 1,
      crisisKindsMissing: 0,
    });
    expect(log).toEqual([
      `${name}: 38 conversations, 1 error(s), 0 retried call(s), 9 repair(s), 1 concern(s) cut to 15 words ` +
        'after a repair, 1 pushback(s) without a reason after a repair (shown as unspecified)',
    ]);
    // Every recorded answer for this provider was asked for: none is stale.
    const mine = recorded.filter((r) => r.only === undefined || r.only === name);
    expect(mine.filter((r) => !replay.used.has(r.key)).map((r) => r.conversation)).toEqual([]);
  });

  it('the model sees the cut marker the prompt describes, and the user-message count', async () => {
    const { s } = await run(name, false);
    const long = s.paidPrompts().find((p) => p.includes('Part 14 of my worries'));
    expect(long).toMatch(/^User messages: 14\n<conversation>\n/);
    expect(long).toMatch(/\n\[\.\.\. \d+ characters cut, touching \d+ message\(s\) \.\.\.\]\n/);
  });

  it('the batch API gives the same facets from the same answers', async () => {
    const direct = await run(name, false);
    const batched = await run(name, true);
    expect(batched.s.unanswered()).toEqual([]);
    expect(batched.results.map((r) => r.facets)).toEqual(direct.results.map((r) => r.facets));
    expect(batched.engine.stats.batched).toBeGreaterThan(30);
  });
});
