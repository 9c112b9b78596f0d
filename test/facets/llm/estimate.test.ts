import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateCommand } from '../../../src/cli/estimate.js';
import type { Conversation } from '../../../src/conversation/model.js';
import { estimateRun } from '../../../src/facets/llm/estimate.js';
import { findPrice, loadPriceTable, type PriceTable } from '../../../src/llm/prices.js';

const dir = mkdtempSync(join(tmpdir(), 'affectlens-estimate-'));
// A 400-character instruction file, so the figures below can be worked out by hand.
const promptsDir = join(dir, 'prompts');
const instructions = 'x'.repeat(400);
{
  const { mkdirSync } = await import('node:fs');
  mkdirSync(promptsDir);
  writeFileSync(join(promptsDir, 'facets.v2.md'), `---\nversion: facets.v2\n---\n${instructions}\n`);
}

const prices: PriceTable = {
  currency: 'USD',
  estimation: { charsPerToken: 4, outputTokensPerCall: 60, outputTokensPerUserMessage: 4 },
  providers: { anthropic: { batchDiscount: 0.5 }, openai: { batchDiscount: 0.5 } },
  models: { 'test-model': { provider: 'anthropic', input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.2 } },
};

function conv(userText: string, assistantText: string): Conversation {
  return {
    id: 'c',
    messages: [
      { role: 'user', content: userText },
      { role: 'assistant', content: assistantText },
    ],
    source: { file: 'f', position: 1, unit: 'line' },
    metadata: {},
  };
}

describe('estimateRun', () => {
  it('matches figures worked out by hand', () => {
    const c = conv('a'.repeat(20), 'b'.repeat(10));
    // The user turn the engine sends for this conversation, written out in full:
    const user =
      'User messages: 1\n' +
      '<conversation>\n' +
      `<<User U1>>\n${'a'.repeat(20)}\n<</User U1>>\n<<Assistant>>\n${'b'.repeat(10)}\n<</Assistant>>\n` +
      '</conversation>';
    expect(user.length).toBe(133);
    const perCallIn = 400 / 4 + Math.ceil(133 / 4); // 100 + 34 = 134
    const perCallOut = 60 + 4 * 1; // 64
    const e = estimateRun(Array(1000).fill(c), {
      engine: 'anthropic',
      model: 'test-model',
      prices,
      promptsDir,
    });
    expect(e).toMatchObject({
      conversations: 1000,
      skipped: 0,
      calls: 1000,
      inputTokens: 1000 * perCallIn,
      outputTokens: 1000 * perCallOut,
      instructionTokens: 100_000,
    });
    // 134,000 input tokens at $2/M + 64,000 output tokens at $10/M = 0.268 + 0.64 = 0.908
    expect(e.cost!.standard).toBeCloseTo(0.908, 10);
    expect(e.cost!.batch).toBeCloseTo(0.454, 10);
    // Caching: 100 tokens written once at 2.5, 99,900 read at 0.2, instead of 100,000 at 2:
    // (200,000 - 250 - 19,980) / 1e6 = 0.17977
    expect(e.cachingSaves).toBeCloseTo(0.17977, 10);
  });

  it('skips conversations without user messages and says when a model has no price', () => {
    const none: Conversation = { ...conv('a', 'b'), messages: [{ role: 'assistant', content: 'hi' }] };
    const e = estimateRun([none, conv('hello', 'hi')], {
      engine: 'openai',
      model: 'my-vllm-model',
      prices,
      promptsDir,
    });
    expect(e.skipped).toBe(1);
    expect(e.calls).toBe(1);
    expect(e.cost).toBeNull();
    expect(e.priceNote).toMatch(/no price for model my-vllm-model/);
  });

  it('the shipped price table loads and knows the default models', () => {
    const table = loadPriceTable();
    expect(findPrice(table, 'claude-haiku-4-5-20251001')?.input).toBeGreaterThan(0);
    expect(findPrice(table, 'gpt-4.1-mini')?.output).toBeGreaterThan(0);
  });
});

describe('affectlens estimate', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the logs and prints tokens and both prices', async () => {
    const file = join(dir, 'logs.jsonl');
    const line = JSON.stringify({
      messages: [
        { role: 'user', content: 'a'.repeat(20) },
        { role: 'assistant', content: 'b'.repeat(10) },
      ],
    });
    writeFileSync(file, `${line}\n${line}\n`);
    const priceFile = join(dir, 'prices.json');
    writeFileSync(priceFile, JSON.stringify(prices));
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out.push(String(s));
      return true;
    });
    const cmd = estimateCommand().exitOverride();
    await cmd.parseAsync(
      [file, '--engine', 'anthropic', '--model', 'test-model', '--prices', priceFile, '--json'],
      {
        from: 'user',
      },
    );
    const e = JSON.parse(out.join(''));
    expect(e).toMatchObject({ conversations: 2, calls: 2, outputTokens: 128, quarantined: 0 });
    // The shipped instructions are longer than the 400 characters above, so only the shape is fixed here.
    expect(e.cost.batch).toBeCloseTo(e.cost.standard / 2, 12);
    out.length = 0;
    await estimateCommand()
      .exitOverride()
      .parseAsync(
        [file, '--engine', 'anthropic', '--model', 'test-model', '--prices', priceFile, '--batch'],
        {
          from: 'user',
        },
      );
    expect(out.join('')).toMatch(/cost with batch .* USD {2}<- --batch/);
  });
});
