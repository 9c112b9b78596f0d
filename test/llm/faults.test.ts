import { afterEach, describe, expect, it } from 'vitest';
import type { FacetResult } from '../../src/facets/engine.js';
import { createLlmEngine, type LlmEngineName } from '../../src/facets/llm/createLlmEngine.js';
import {
  FAULT_KINDS,
  type FakeLlmServer,
  sampleConversations,
  startFakeLlmServer,
} from '../helpers/fakeLlmServer.js';

const servers: FakeLlmServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function run(
  engineName: LlmEngineName,
  faultRate: number,
  convs: ReturnType<typeof sampleConversations>,
  // Faults are decided by a hash of (seed, request body, attempt): the same seed gives the same
  // faults on every run; with seed 4, all seven kinds occur among 100 conversations.
  seed = 4,
) {
  const s = await startFakeLlmServer({ faultRate, seed, retryAfterMs: 2 });
  servers.push(s);
  const env =
    engineName === 'anthropic'
      ? { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: s.url }
      : { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: `${s.url}/v1` };
  const engine = await createLlmEngine(engineName, {
    env,
    model: 'm',
    deps: { now: () => Date.now(), seed: 1, log: () => {} },
    retry: { maxRetries: 8, baseDelayMs: 1, maxDelayMs: 20 },
    // The "timeout" fault hangs; the client gives up after this and retries.
    timeoutMs: 300,
    concurrency: 8,
  });
  const results = await engine.extractFacets(convs);
  return { results, server: s, engine };
}

const ok = (r: FacetResult) => r.facets.status.kind === 'ok';

describe.each(['openai', 'anthropic'] as const)('%s with a fifth of the calls faulty', (name) => {
  it('answers or reports every conversation, and every answer equals the fault-free one', async () => {
    const convs = sampleConversations(100);
    const clean = await run(name, 0, convs);
    expect(clean.results.every(ok)).toBe(true);
    const faulty = await run(name, 0.2, convs);
    const faults = faulty.server.faults();
    // Every kind was exercised.
    for (const k of FAULT_KINDS) expect(faults[k] ?? 0, k).toBeGreaterThan(0);
    expect(faulty.results).toHaveLength(convs.length);
    let answered = 0;
    faulty.results.forEach((r, i) => {
      if (ok(r)) {
        answered++;
        expect(r.facets).toEqual(clean.results[i].facets);
      } else {
        expect(r.facets.status.kind).toBe('error');
        expect((r.facets.status as { reason: string }).reason.length).toBeGreaterThan(0);
      }
    });
    const errors = faulty.results.length - answered;
    expect(faulty.engine.stats.errors).toBe(errors);
    expect(faulty.engine.stats.retries).toBeGreaterThan(0);
    expect(faulty.engine.stats.repairs).toBeGreaterThan(0);
    // Retries and the repair attempt rescue most faults.
    expect(answered).toBeGreaterThanOrEqual(90);
  });
});

describe('bad answers', () => {
  it('a wrong-length sentiment array on both tries ends as an error naming the cause', async () => {
    const s = await startFakeLlmServer({ faultRate: 1, faultKinds: ['wrongLength'] });
    servers.push(s);
    const engine = await createLlmEngine('openai', {
      env: { OPENAI_BASE_URL: `${s.url}/v1` },
      model: 'm',
      deps: { now: () => Date.now(), seed: 1, log: () => {} },
    });
    const [r] = await engine.extractFacets(sampleConversations(1));
    expect(r.facets.status).toEqual({
      kind: 'error',
      reason:
        'invalid answer after one repair: sentiment has 4 labels but the conversation has 3 user messages',
    });
    // Both paid calls are counted in the usage.
    expect(s.paidCalls()).toBe(2);
    expect(r.usage.outputTokens).toBeGreaterThan(0);
    const repair = s.calls[1].body as { messages: { content: string }[] };
    expect(repair.messages[1].content).toContain('Your previous answer was rejected: sentiment has 4 labels');
  });

  it('retries stop at the limit and the conversation is reported, not dropped', async () => {
    const s = await startFakeLlmServer({ faultRate: 1, faultKinds: ['server500'] });
    servers.push(s);
    const engine = await createLlmEngine('anthropic', {
      env: { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: s.url },
      deps: { now: () => Date.now(), seed: 1, log: () => {} },
      retry: { maxRetries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const results = await engine.extractFacets(sampleConversations(2));
    for (const r of results)
      expect(r.facets.status).toMatchObject({ kind: 'error', reason: expect.stringMatching(/HTTP 500/) });
    expect(s.calls.length).toBe(2 * 4);
    expect(s.paidCalls()).toBe(0);
  });
});
