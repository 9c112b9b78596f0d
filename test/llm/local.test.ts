/**
 * The local engine's happy path with the real node-llama-cpp and a real GGUF file: a tiny model
 * written by the test itself (test/helpers/tinyGguf.ts), so nothing is downloaded. Its answers
 * carry no meaning; what is tested is the path: load, prompt, JSON grammar, parse, validate, repair.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createLlmEngine } from '../../src/facets/llm/createLlmEngine.js';
import type { LlmFacetEngine } from '../../src/facets/llm/llmFacetEngine.js';
import { CATEGORIES } from '../../src/facets/schema.js';
import { conv, user } from '../helpers/conversations.js';
import { captureOutput } from '../helpers/io.js';
import { writeTinyGguf } from '../helpers/tinyGguf.js';

// node-llama-cpp is an optional dependency: where npm could not install it, there is nothing to run.
const available = await import('node-llama-cpp').then(
  () => true,
  () => false,
);

const dir = mkdtempSync(join(tmpdir(), 'affectlens-local-'));
const modelPath = join(dir, 'tiny.gguf');
const deps = { now: () => Date.now(), seed: 1, log: () => {} };

describe.skipIf(!available)('local engine with a real GGUF model (tiny, written here)', () => {
  let engine: LlmFacetEngine;
  beforeAll(async () => {
    writeTinyGguf(modelPath);
    engine = await createLlmEngine('local', { model: modelPath, threads: 1, deps });
  }, 60_000);
  afterAll(async () => {
    await engine?.close?.();
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('answers every facet through the JSON grammar, deterministically', async () => {
    const convs = [user('I feel lonely since I moved to a new city.'), user('Write a haiku about rain.')];
    const first = await engine.extractFacets(convs);
    for (const r of first) {
      expect(r.facets.status).toEqual({ kind: 'ok' });
      expect(r.facets.sentiment).toHaveLength(1);
      for (const c of r.facets.categories) expect(CATEGORIES).toContain(c);
      expect(r.usage.inputTokens).toBeGreaterThan(100);
      expect(r.usage.outputTokens).toBeGreaterThan(5);
    }
    expect(engine.model).toBe('tiny.gguf');
    const again = await engine.extractFacets(convs);
    expect(again.map((r) => r.facets)).toEqual(first.map((r) => r.facets));
  }, 60_000);

  it('a grammatical answer that fails validation is repaired once, then reported as an error', async () => {
    // This model always lists one sentiment label; three user messages need three.
    const c = conv(
      ['user', 'hi'],
      ['assistant', 'Hello!'],
      ['user', 'how are you'],
      ['assistant', 'Fine.'],
      ['user', 'bye'],
    );
    const [r] = await engine.extractFacets([c]);
    expect(r.facets.status.kind).toBe('error');
    expect(r.facets.status).toMatchObject({ reason: expect.stringMatching(/sentiment has 1 labels? but/) });
  }, 60_000);

  it('affectlens analyze --engine local --model tiny.gguf writes a report', async () => {
    const input = join(dir, 'in.jsonl');
    const lines = ['My sister and I argue every day.', 'Write a poem about the sea.', 'I cannot sleep.'].map(
      (text, i) => JSON.stringify({ id: `c${i}`, messages: [{ role: 'user', content: text }] }),
    );
    writeFileSync(input, `${lines.join('\n')}\n`);
    const out = join(dir, 'report');
    const io = captureOutput();
    const code = await main([
      'node',
      'affectlens',
      'analyze',
      input,
      '--engine',
      'local',
      '--model',
      modelPath,
      '--threads',
      '1',
      '--out',
      out,
      '--store',
      join(dir, 'store'),
    ]);
    expect(code, io.err()).toBe(0);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
    expect(report.provenance.engine).toBe('local');
    expect(report.provenance.model).toBe('tiny.gguf');
    expect(report.funnel.read).toBe(3);
  }, 120_000);
});
