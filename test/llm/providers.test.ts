import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FacetResult } from '../../src/facets/engine.js';
import { createLlmEngine, type LlmEngineOptions } from '../../src/facets/llm/createLlmEngine.js';
import { LlmConfigError } from '../../src/llm/client.js';
import { type FakeLlmServer, sampleConversations, startFakeLlmServer } from '../helpers/fakeLlmServer.js';

const servers: FakeLlmServer[] = [];
async function fake(opts: Parameters<typeof startFakeLlmServer>[0] = {}): Promise<FakeLlmServer> {
  const s = await startFakeLlmServer(opts);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const quietDeps = { now: () => Date.now(), seed: 7, log: () => {} };
const fastRetry = { maxRetries: 8, baseDelayMs: 1, maxDelayMs: 20 };

function opts(extra: Partial<LlmEngineOptions> & { env: Record<string, string> }): LlmEngineOptions {
  return { deps: quietDeps, retry: fastRetry, timeoutMs: 2000, ...extra };
}

function summary(results: FacetResult[]) {
  return results.map((r) => ({ ...r.facets }));
}

describe('LLM engines against the fake server', () => {
  it('openai: answers every conversation with schema-checked facets and real usage', async () => {
    const s = await fake({ apiKey: 'sk-openai-test' });
    const convs = sampleConversations(8);
    const engine = await createLlmEngine(
      'openai',
      opts({
        env: {
          OPENAI_API_KEY: 'sk-openai-test',
          OPENAI_BASE_URL: `${s.url}/v1`,
          AFFECTLENS_MODEL: 'fake-model',
        },
      }),
    );
    const results = await engine.extractFacets(convs);
    expect(results).toHaveLength(8);
    for (const r of results) expect(r.facets.status.kind).toBe('ok');
    expect(results[0].facets).toMatchObject({
      contentCreation: false,
      categories: ['interpersonal_advice'],
      sentiment: [0, -0.5, 0.5],
      humanMessages: 3,
      pushback: false,
      pushbackReason: null,
    });
    expect(results[1].facets).toMatchObject({ contentCreation: true, categories: [] });
    expect(results[6].facets).toMatchObject({ pushback: true, pushbackReason: 'false_premise' });
    expect(results[7].facets).toMatchObject({ pushback: true, pushbackReason: 'harm_to_others_or_illegal' });
    expect(results[0].usage.inputTokens).toBeGreaterThan(0);
    expect(results[0].usage.outputTokens).toBeGreaterThan(0);
    expect(results[0].usage.cacheReadTokens).toBeGreaterThan(0);
    const call = s.calls.find((c) => c.path === '/v1/chat/completions')!;
    const body = call.body as Record<string, unknown>;
    expect(body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { name: 'facets', strict: true },
    });
    expect(body.temperature).toBe(0);
    expect(engine.promptVersion).toBe('facets.v3');
    expect(engine.model).toBe('fake-model');
    expect(s.paidCalls()).toBe(8);
  });

  it('openai: falls back to json_object when the server rejects json_schema', async () => {
    const s = await fake({ rejectJsonSchema: true });
    const engine = await createLlmEngine(
      'openai',
      opts({ env: { OPENAI_BASE_URL: `${s.url}/v1` }, model: 'served-model', concurrency: 1 }),
    );
    const results = await engine.extractFacets(sampleConversations(3));
    for (const r of results) expect(r.facets.status.kind).toBe('ok');
    const formats = s.calls.map(
      (c) => (c.body as { response_format?: { type: string } }).response_format?.type,
    );
    // One rejected json_schema call, then json_object for every answer.
    expect(formats).toEqual(['json_schema', 'json_object', 'json_object', 'json_object']);
    const sys = (s.calls[1].body as { messages: { content: string }[] }).messages[0].content;
    expect(sys).toContain('JSON Schema');
  });

  it('openai: spreads calls round-robin over several base URLs with identical answers', async () => {
    const a = await fake();
    const b = await fake();
    const convs = sampleConversations(6);
    const one = await createLlmEngine(
      'openai',
      opts({ env: { OPENAI_BASE_URL: `${a.url}/v1` }, model: 'm' }),
    );
    const single = await one.extractFacets(convs);
    const rr = await createLlmEngine(
      'openai',
      opts({ env: { OPENAI_BASE_URL: `${a.url}/v1, ${b.url}/v1` }, model: 'm' }),
    );
    const before = a.paidCalls();
    const spread = await rr.extractFacets(convs);
    expect(a.paidCalls() - before).toBe(3);
    expect(b.paidCalls()).toBe(3);
    expect(summary(spread)).toEqual(summary(single));
  });

  it('anthropic: forced tool, cached system block, cache usage reported', async () => {
    const s = await fake({ apiKey: 'sk-ant-test' });
    const convs = sampleConversations(4);
    const engine = await createLlmEngine(
      'anthropic',
      opts({ env: { ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: s.url }, concurrency: 1 }),
    );
    const results = await engine.extractFacets(convs);
    for (const r of results) expect(r.facets.status.kind).toBe('ok');
    expect(results[2].facets).toMatchObject({ categories: ['counseling'], sentiment: [-0.5, 0, 0.5, 0.5] });
    const body = s.calls[0].body as Record<string, unknown>;
    expect(body.tool_choice).toEqual({ type: 'tool', name: 'facets' });
    expect((body.system as { cache_control: unknown }[])[0].cache_control).toEqual({ type: 'ephemeral' });
    expect((body.tools as { input_schema: { required: string[] } }[])[0].input_schema.required).toContain(
      'sentiment',
    );
    expect(results[0].usage.cacheWriteTokens).toBeGreaterThan(0);
    expect(results[1].usage.cacheReadTokens).toBeGreaterThan(0);
    expect(engine.model).toBe('claude-haiku-4-5');
  });

  it('split mode asks one question per call and gives the same facets', async () => {
    const s = await fake();
    const convs = sampleConversations(8);
    const env = { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: s.url };
    const whole = await (await createLlmEngine('anthropic', opts({ env }))).extractFacets(convs);
    const paidBefore = s.paidCalls();
    const splitEngine = await createLlmEngine('anthropic', opts({ env, splitFacets: true }));
    const split = await splitEngine.extractFacets(convs);
    expect(s.paidCalls() - paidBefore).toBe(8 * 5);
    // The split questions do not ask the support facets (facets.v3 only): the rest is the same.
    expect(summary(split)).toEqual(summary(whole).map(({ support: _support, ...rest }) => rest));
    expect(whole.every((r) => r.facets.support !== undefined)).toBe(true);
    expect(splitEngine.parameters).toMatchObject({ splitFacets: true });
    expect(splitEngine.promptVersion).toContain('facet-sentiment.v2');
  });

  it('a conversation without user messages costs nothing and is marked insufficientInput', async () => {
    const s = await fake();
    const engine = await createLlmEngine(
      'openai',
      opts({ env: { OPENAI_BASE_URL: `${s.url}/v1` }, model: 'm' }),
    );
    const [r] = await engine.extractFacets([
      {
        id: 'x',
        messages: [{ role: 'assistant', content: 'Hello?' }],
        source: { file: 'f', position: 1, unit: 'line' },
        metadata: {},
      },
    ]);
    expect(r.facets.status.kind).toBe('insufficientInput');
    expect(s.paidCalls()).toBe(0);
  });

  it('missing keys and a wrong key stop with one line naming what to do', async () => {
    await expect(createLlmEngine('anthropic', opts({ env: {} }))).rejects.toThrow(/set ANTHROPIC_API_KEY/);
    await expect(createLlmEngine('openai', opts({ env: {} }))).rejects.toThrow(/set OPENAI_API_KEY/);
    const s = await fake({ apiKey: 'right' });
    const engine = await createLlmEngine(
      'anthropic',
      opts({ env: { ANTHROPIC_API_KEY: 'wrong', ANTHROPIC_BASE_URL: s.url } }),
    );
    const err = await engine.extractFacets(sampleConversations(3)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmConfigError);
    expect(String((err as Error).message)).toMatch(/401/);
    // A bad key is not retried and stops the run early: no call per conversation per retry.
    expect(s.calls.length).toBeLessThanOrEqual(3);
  });
});

describe('keys stay out of the store, the logs and the cache key', () => {
  it('scans everything written for the key', async () => {
    const secret = 'sk-ant-SECRET-0123456789';
    const s = await fake({ apiKey: secret });
    const dir = mkdtempSync(join(tmpdir(), 'affectlens-key-'));
    const logs: string[] = [];
    const { extractFacetsWithStore, openResultStore } = await import('../../src/pipeline/extract.js');
    const store = openResultStore(join(dir, 'results.jsonl'));
    const engine = await createLlmEngine('anthropic', {
      ...opts({ env: { ANTHROPIC_API_KEY: secret, ANTHROPIC_BASE_URL: s.url } }),
      deps: { now: () => Date.now(), seed: 1, log: (l) => logs.push(l) },
      batch: true,
      stateDir: dir,
      batchPollIntervalMs: 1,
    });
    const out = await extractFacetsWithStore(sampleConversations(5) as never, engine, store);
    store.close();
    expect(out.results.every((r) => r.facets.status.kind === 'ok')).toBe(true);
    expect(s.calls.some((c) => c.path === '/v1/messages/batches')).toBe(true);
    const written =
      readFileSync(join(dir, 'results.jsonl'), 'utf8') +
      readFileSync(join(dir, 'batches-anthropic.jsonl'), 'utf8');
    expect(written.length).toBeGreaterThan(100);
    expect(written).not.toContain(secret);
    expect(logs.join('\n')).not.toContain(secret);
    expect(JSON.stringify(engine.parameters)).not.toContain(secret);
    expect(JSON.stringify(s.calls)).not.toContain(secret);
  });
});
