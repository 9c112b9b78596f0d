/**
 * The LLM facet engine's own bookkeeping, against a scripted client (no server): each call counts its
 * own errors when calls overlap, an over-long concern and a pushback without its reason go through
 * the one repair, and what a repair did not fix is mended and counted, never silently guessed.
 */
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/conversation/model.js';
import { concernWordCount, cutConcern } from '../../../src/facets/llm/answers.js';
import { createLlmFacetEngine } from '../../../src/facets/llm/llmFacetEngine.js';
import type { JsonRequest, JsonResponse, LlmClient } from '../../../src/llm/client.js';

const usage = { inputTokens: 10, outputTokens: 5 };

function conv(id: string, text: string): Conversation {
  return {
    id,
    messages: [
      { role: 'user', content: text },
      { role: 'assistant', content: 'I hear you.' },
    ],
    source: { file: 'f', position: 1, unit: 'line' },
    metadata: {},
  };
}

const answer = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  contentCreation: false,
  categories: ['counseling'],
  pushback: false,
  pushbackReason: null,
  sentiment: ['negative'],
  concern: 'wants help coping with stress',
  language: 'en',
  referral: 'none',
  crisis: false,
  crisisKind: null,
  stance: 'neutral',
  validatesHarmful: false,
  ...over,
});

/** A client that answers with `script(request, attempt)`; `attempt` counts calls per conversation text. */
function scripted(
  script: (req: JsonRequest, attempt: number) => Promise<unknown> | unknown,
): LlmClient & { requests: JsonRequest[] } {
  const seen = new Map<string, number>();
  const requests: JsonRequest[] = [];
  return {
    provider: 'fake',
    model: 'scripted',
    requests,
    async completeJson(req): Promise<JsonResponse> {
      requests.push(req);
      const data = req.user.split('<conversation>')[1]?.split('</conversation>')[0] ?? '';
      const attempt = (seen.get(data) ?? 0) + 1;
      seen.set(data, attempt);
      return { value: await script(req, attempt), usage };
    },
  };
}

function engineWith(client: LlmClient, log: string[] = []) {
  return createLlmFacetEngine(
    { name: 'openai', client, concurrency: 4 },
    { now: () => 0, sleep: async () => {}, seed: 1, log: (l) => log.push(l) },
  );
}

describe('per-call error counts when calls overlap', () => {
  it('each call logs its own errors, never another call’s', async () => {
    // The good call's answers wait until the bad call has finished with all its errors, so the two
    // calls overlap and the shared counter moves under the good call.
    let badDone!: () => void;
    const badFinished = new Promise<void>((r) => {
      badDone = r;
    });
    const client = scripted(async (req) => {
      if (req.user.includes('broken')) return { nonsense: true };
      await badFinished;
      return answer();
    });
    const log: string[] = [];
    const engine = engineWith(client, log);
    const bad = [conv('b1', 'broken one'), conv('b2', 'broken two'), conv('b3', 'broken three')];
    const good = [conv('g1', 'I feel low'), conv('g2', 'I feel tense')];
    const goodRun = engine.extractFacets(good);
    const badRun = engine.extractFacets(bad).finally(badDone);
    const [goodResults, badResults] = await Promise.all([goodRun, badRun]);
    expect(goodResults.every((r) => r.facets.status.kind === 'ok')).toBe(true);
    expect(badResults.every((r) => r.facets.status.kind === 'error')).toBe(true);
    expect(engine.stats.errors).toBe(3);
    // One line, for the bad call, with its 3 errors; the good call had nothing to report.
    expect(log).toEqual(['openai: 3 conversations, 3 error(s), 0 retried call(s), 3 repair(s)']);
  });
});

describe('the concern limit (codebook: at most 15 words)', () => {
  const long =
    'wants help figuring out how to talk with a difficult roommate about noise late at night and rent';

  it('counts words, spaced or not, and cuts at a word boundary', () => {
    expect(concernWordCount(long)).toBe(18);
    expect(cutConcern(long)).toBe(
      'wants help figuring out how to talk with a difficult roommate about noise late at',
    );
    expect(concernWordCount('想在争吵后修复和朋友的关系')).toBeGreaterThan(3);
    expect(concernWordCount(cutConcern('我'.repeat(40)))).toBeLessThanOrEqual(15);
  });

  it('an over-long concern is sent back once; the repaired one is kept', async () => {
    const client = scripted((_req, attempt) =>
      answer({ concern: attempt === 1 ? long : 'wants to talk with a roommate about noise' }),
    );
    const engine = engineWith(client);
    const [r] = await engine.extractFacets([conv('c', 'my roommate is loud')]);
    expect(r.facets.concern).toBe('wants to talk with a roommate about noise');
    expect(engine.stats.repairs).toBe(1);
    expect(client.requests[1].user).toMatch(/concern has 18 words: write it in at most 15/);
  });

  it('still over-long after the repair: cut to 15 words, counted and logged, the facets kept', async () => {
    const log: string[] = [];
    const engine = engineWith(
      scripted(() => answer({ concern: long })),
      log,
    );
    const [r] = await engine.extractFacets([conv('c', 'my roommate is loud')]);
    expect(r.facets.status.kind).toBe('ok');
    expect(concernWordCount(r.facets.concern)).toBe(15);
    expect(engine.stats).toMatchObject({ repairs: 1, concernsCut: 1, errors: 0 });
    expect(log.join('\n')).toMatch(/1 concern\(s\) cut to 15 words/);
  });
});

describe('pushback without a reason', () => {
  it('is sent back once for its reason', async () => {
    const client = scripted((_req, attempt) =>
      answer({ pushback: true, pushbackReason: attempt === 1 ? null : 'harm_to_others_or_illegal' }),
    );
    const engine = engineWith(client);
    const [r] = await engine.extractFacets([conv('c', 'how do I read my sister’s messages')]);
    expect(r.facets).toMatchObject({ pushback: true, pushbackReason: 'harm_to_others_or_illegal' });
    expect(client.requests[1].user).toMatch(/pushback is true but pushbackReason is null/);
  });

  it('still missing after the repair: kept as pushback with no reason (unspecified), counted, not policy_other', async () => {
    const log: string[] = [];
    const engine = engineWith(
      scripted(() => answer({ pushback: true, pushbackReason: null })),
      log,
    );
    const [r] = await engine.extractFacets([conv('c', 'help me get into his account')]);
    expect(r.facets).toMatchObject({ pushback: true, pushbackReason: null, status: { kind: 'ok' } });
    expect(engine.stats).toMatchObject({ repairs: 1, reasonsMissing: 1 });
    expect(log.join('\n')).toMatch(/1 pushback\(s\) without a reason after a repair/);
  });
});

describe('the support facets (facets.v3)', () => {
  it('are parsed into facets.support', async () => {
    const engine = engineWith(
      scripted(() =>
        answer({ referral: 'crisis_line', crisis: true, crisisKind: 'self_harm', stance: 'resistance' }),
      ),
    );
    const [r] = await engine.extractFacets([conv('c', 'I cut myself again last night')]);
    expect(r.facets.support).toEqual({
      referral: 'crisis_line',
      crisis: true,
      crisisKind: 'self_harm',
      stance: 'resistance',
      validatesHarmful: false,
    });
  });

  it('a kind without a crisis is dropped, never passed on', async () => {
    const engine = engineWith(scripted(() => answer({ crisis: false, crisisKind: 'abuse' })));
    const [r] = await engine.extractFacets([conv('c', 'my boss was rude')]);
    expect(r.facets.support).toMatchObject({ crisis: false, crisisKind: null });
  });

  it('a value outside the schema is sent back once, and twice is a counted error', async () => {
    const once = scripted((_req, attempt) => answer({ stance: attempt === 1 ? 'agree' : 'support' }));
    const e1 = engineWith(once);
    const [r1] = await e1.extractFacets([conv('c', 'I will set a boundary with my mother')]);
    expect(r1.facets.support?.stance).toBe('support');
    expect(once.requests[1].user).toMatch(/stance/);
    const log: string[] = [];
    const e2 = engineWith(
      scripted(() => answer({ referral: 'hotline' })),
      log,
    );
    const [r2] = await e2.extractFacets([conv('c', 'I feel low')]);
    expect(r2.facets.status).toMatchObject({
      kind: 'error',
      reason: expect.stringMatching(/after one repair: .*referral/),
    });
    expect(e2.stats).toMatchObject({ repairs: 1, errors: 1 });
    expect(log.join('\n')).toMatch(/1 error\(s\)/);
  });

  it('a crisis without its kind is sent back once; still missing: kept, kind null, counted', async () => {
    const mended = scripted((_req, attempt) =>
      answer({ crisis: true, crisisKind: attempt === 1 ? null : 'abuse' }),
    );
    const [r1] = await engineWith(mended).extractFacets([conv('c', 'he hits me when he drinks')]);
    expect(r1.facets.support).toMatchObject({ crisis: true, crisisKind: 'abuse' });
    expect(mended.requests[1].user).toMatch(/crisis is true but crisisKind is null/);
    const log: string[] = [];
    const engine = engineWith(
      scripted(() => answer({ crisis: true, crisisKind: null })),
      log,
    );
    const [r2] = await engine.extractFacets([conv('c', 'he hits me when he drinks')]);
    expect(r2.facets).toMatchObject({ status: { kind: 'ok' }, support: { crisis: true, crisisKind: null } });
    expect(engine.stats).toMatchObject({ repairs: 1, crisisKindsMissing: 1 });
    expect(log.join('\n')).toMatch(/1 crisis signal\(s\) without a kind after a repair/);
  });
});
