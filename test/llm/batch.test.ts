import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createLlmEngine,
  type LlmEngineName,
  type LlmEngineOptions,
} from '../../src/facets/llm/createLlmEngine.js';
import { BatchPendingError, readBatchState } from '../../src/llm/batch.js';
import { LlmConfigError } from '../../src/llm/client.js';
import { createLocalClient } from '../../src/llm/providers/local.js';
import {
  type FakeLlmServer,
  type FakeLlmServerOptions,
  sampleConversations,
  startFakeLlmServer,
} from '../helpers/fakeLlmServer.js';

const servers: FakeLlmServer[] = [];
async function fake(opts: FakeLlmServerOptions = {}): Promise<FakeLlmServer> {
  const s = await startFakeLlmServer(opts);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** The batch submissions the fake server received (create requests, answered or not). */
function batchCreates(s: FakeLlmServer) {
  return s.calls.filter((c) => c.method === 'POST' && /batches$/.test(c.path));
}

function engineOptions(
  name: LlmEngineName,
  s: FakeLlmServer,
  extra: Partial<LlmEngineOptions> = {},
): LlmEngineOptions {
  const env =
    name === 'anthropic'
      ? { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: s.url }
      : { OPENAI_API_KEY: 'k', OPENAI_BASE_URL: `${s.url}/v1` };
  return {
    env,
    model: 'm',
    deps: { now: () => Date.now(), seed: 1, log: () => {} },
    retry: { maxRetries: 4, baseDelayMs: 1, maxDelayMs: 5 },
    batchPollIntervalMs: 1,
    ...extra,
  };
}

describe.each(['anthropic', 'openai'] as const)('%s --batch', (name) => {
  it('answers through the batch API exactly as the direct calls do', async () => {
    const convs = sampleConversations(6);
    const s = await fake({ batchPollsUntilDone: 3 });
    const direct = await (await createLlmEngine(name, engineOptions(name, s))).extractFacets(convs);
    const dir = mkdtempSync(join(tmpdir(), 'affectlens-batch-'));
    const b = await fake({ batchPollsUntilDone: 3 });
    const engine = await createLlmEngine(name, engineOptions(name, b, { batch: true, stateDir: dir }));
    const batched = await engine.extractFacets(convs);
    expect(batched.map((r) => r.facets)).toEqual(direct.map((r) => r.facets));
    expect(batched[0].usage.inputTokens).toBeGreaterThan(0);
    const modelPath = name === 'anthropic' ? '/v1/messages' : '/v1/chat/completions';
    expect(b.calls.filter((c) => c.path === modelPath)).toHaveLength(0);
    expect(b.paidCalls()).toBe(6);
    expect(engine.stats.batched).toBe(6);
    const state = readBatchState(dir, name);
    expect(state.batches).toHaveLength(1);
    expect(state.batches[0].customIds).toHaveLength(6);
  });

  it('after a restart, collects the batch it already submitted instead of paying again', async () => {
    const convs = sampleConversations(5);
    const opts: FakeLlmServerOptions = { batchPollsUntilDone: 1_000_000 };
    const s = await fake(opts);
    const dir = mkdtempSync(join(tmpdir(), 'affectlens-batch-'));
    const first = await createLlmEngine(
      name,
      engineOptions(name, s, { batch: true, stateDir: dir, batchMaxWaitMs: 10 }),
    );
    await expect(first.extractFacets(convs)).rejects.toBeInstanceOf(BatchPendingError);
    // The provider finishes the batch while we are away.
    opts.batchPollsUntilDone = 1;
    const more = sampleConversations(7);
    const second = await createLlmEngine(name, engineOptions(name, s, { batch: true, stateDir: dir }));
    const results = await second.extractFacets(more);
    expect(results.every((r) => r.facets.status.kind === 'ok')).toBe(true);
    const creates = batchCreates(s);
    // One batch for the first five, one for the two new conversations only.
    expect(creates).toHaveLength(2);
    expect(s.paidCalls()).toBe(7);
  });
  it('batches in flight at once are all recorded (each used to rewrite the state from its own copy)', async () => {
    const convs = sampleConversations(12);
    const opts: FakeLlmServerOptions = { batchPollsUntilDone: 3, latencyMs: 20 };
    const s = await fake(opts);
    const dir = mkdtempSync(join(tmpdir(), 'affectlens-batch-'));
    const engine = await createLlmEngine(name, engineOptions(name, s, { batch: true, stateDir: dir }));
    const results = await Promise.all([
      engine.extractFacets(convs.slice(0, 4)),
      engine.extractFacets(convs.slice(4, 8)),
      engine.extractFacets(convs.slice(8)),
    ]);
    expect(results.flat().every((r) => r.facets.status.kind === 'ok')).toBe(true);
    expect(batchCreates(s)).toHaveLength(3);
    const state = readBatchState(dir, name);
    expect(state.batches).toHaveLength(3);
    expect(state.batches.flatMap((b) => b.customIds)).toHaveLength(12);
    expect(state.pending).toEqual([]);
    // A later run finds all three: nothing is submitted again.
    const again = await createLlmEngine(name, engineOptions(name, s, { batch: true, stateDir: dir }));
    await again.extractFacets(convs);
    expect(batchCreates(s)).toHaveLength(3);
    expect(s.paidCalls()).toBe(12);
  });

  it('a batch created but whose response was lost is found again, not submitted twice', async () => {
    const convs = sampleConversations(4);
    const s = await fake({ loseBatchCreateResponses: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'affectlens-batch-'));
    const engine = await createLlmEngine(name, engineOptions(name, s, { batch: true, stateDir: dir }));
    const results = await engine.extractFacets(convs);
    expect(results.every((r) => r.facets.status.kind === 'ok')).toBe(true);
    const creates = batchCreates(s);
    expect(creates).toHaveLength(1);
    expect(s.paidCalls()).toBe(4);
    const state = readBatchState(dir, name);
    expect(state.batches).toHaveLength(1);
    expect(state.pending).toEqual([]);
  });

  it('a run killed before the batch id came back: the next run adopts that batch', async () => {
    const convs = sampleConversations(3);
    const s = await fake({ loseBatchCreateResponses: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'affectlens-batch-'));
    // No retries: the first run dies on the lost response, as a killed process would.
    const first = await createLlmEngine(
      name,
      engineOptions(name, s, {
        batch: true,
        stateDir: dir,
        retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 },
      }),
    );
    await expect(first.extractFacets(convs)).rejects.toThrow();
    const pending = readBatchState(dir, name).pending;
    expect(pending).toHaveLength(1);
    const second = await createLlmEngine(name, engineOptions(name, s, { batch: true, stateDir: dir }));
    const results = await second.extractFacets(convs);
    expect(results.every((r) => r.facets.status.kind === 'ok')).toBe(true);
    expect(batchCreates(s)).toHaveLength(1);
    expect(s.paidCalls()).toBe(3);
  });

  it('a submission that never reached the provider (in a state file of the earlier format) is forgotten and submitted again', async () => {
    const convs = sampleConversations(2);
    const dir = mkdtempSync(join(tmpdir(), 'affectlens-batch-'));
    const file = join(dir, `batches-${name}.json`);
    const s = await fake();
    // As a kill before the request left would leave it: a pending entry and no batch anywhere.
    writeFileSync(
      file,
      JSON.stringify({
        version: 1,
        batches: [],
        pending: [
          {
            tag: 'al-x',
            provider: name,
            model: 'm',
            startedAt: new Date().toISOString(),
            customIds: ['a', 'b'],
          },
        ],
      }),
    );
    const engine = await createLlmEngine(name, engineOptions(name, s, { batch: true, stateDir: dir }));
    const results = await engine.extractFacets(convs);
    expect(results.every((r) => r.facets.status.kind === 'ok')).toBe(true);
    expect(s.paidCalls()).toBe(2);
    const state = readBatchState(dir, name);
    expect(state.pending).toEqual([]);
    expect(state.batches).toHaveLength(1);
  });
});

describe('local engine error paths (no model is downloaded)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'affectlens-gguf-'));
  it('a missing file says which file and what to pass', async () => {
    await expect(createLocalClient({ modelPath: join(dir, 'nope.gguf') })).rejects.toThrow(
      /model file .*nope\.gguf not found; pass --model/,
    );
    await expect(createLlmEngine('local', { env: {} })).rejects.toThrow(
      /needs --model path\/to\/model\.gguf/,
    );
  });

  it('a text file named .gguf is refused before anything loads', async () => {
    const f = join(dir, 'fake.gguf');
    writeFileSync(f, 'this is not a model\n');
    let imported = false;
    const err = await createLocalClient({
      modelPath: f,
      importer: async () => {
        imported = true;
        throw new Error('should not be imported');
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LlmConfigError);
    expect((err as Error).message).toMatch(/is not a GGUF model file/);
    expect(imported).toBe(false);
  });

  it('a missing node-llama-cpp package says how to install it', async () => {
    const f = join(dir, 'header-only.gguf');
    writeFileSync(f, Buffer.concat([Buffer.from('GGUF'), Buffer.alloc(16)]));
    await expect(
      createLlmEngine('local', {
        env: {},
        model: f,
        llamaImporter: async () => {
          throw Object.assign(new Error("Cannot find package 'node-llama-cpp'"), {
            code: 'ERR_MODULE_NOT_FOUND',
          });
        },
      }),
    ).rejects.toThrow(
      /needs the optional package node-llama-cpp 3; install it with `npm install node-llama-cpp@3`/,
    );
  });

  it('--batch is refused for local', async () => {
    await expect(createLlmEngine('local', { env: {}, model: 'x.gguf', batch: true })).rejects.toThrow(
      /--batch is for/,
    );
  });
});
