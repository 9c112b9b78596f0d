import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { estimateCommand } from '../../../src/cli/estimate.js';
import { main } from '../../../src/cli/main.js';
import type { Conversation } from '../../../src/conversation/model.js';
import { answerSchema } from '../../../src/facets/llm/answers.js';
import { estimateRun } from '../../../src/facets/llm/estimate.js';
import { jsonSchemaOf } from '../../../src/llm/ask.js';
import { findPrice, loadPriceTable, type PriceTable } from '../../../src/llm/prices.js';
import { captureOutput } from '../../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'affectlens-estimate-'));
// A 400-character instruction file, so the figures below can be worked out by hand.
const promptsDir = join(dir, 'prompts');
const instructions = 'x'.repeat(400);
{
  const { mkdirSync } = await import('node:fs');
  mkdirSync(promptsDir);
  writeFileSync(join(promptsDir, 'facets.v3.md'), `---\nversion: facets.v3\n---\n${instructions}\n`);
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
    // The answer schema goes with every call too (Anthropic: the tool's input_schema), like the instructions.
    const schema = Math.ceil(JSON.stringify(jsonSchemaOf(answerSchema('all'))).length / 4);
    const fixed = 400 / 4 + schema; // 100 + the schema
    const perCallIn = fixed + Math.ceil(133 / 4); // + 34
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
      instructionTokens: 1000 * fixed,
    });
    expect(e.instructionShare).toBeCloseTo(fixed / perCallIn, 12);
    // List prices: input at $2/M, output at $10/M.
    const standard = (1000 * perCallIn * 2 + 64_000 * 10) / 1e6;
    expect(e.cost!.standard).toBeCloseTo(standard, 10);
    expect(e.cost!.batch).toBeCloseTo(standard / 2, 10);
    // The run caches the fixed part (this table names no minimum length): the first 8 calls (one
    // per request in flight) write it at $2.5/M, the other 992 read it at $0.2/M, instead of $2/M.
    expect(e.caching).toMatchObject({ applied: true, prefixTokens: fixed, writes: 8, reads: 992 });
    const run = standard + (8 * fixed * (2.5 - 2) + 992 * fixed * (0.2 - 2)) / 1e6;
    expect(e.run).toEqual({ mode: 'direct', cost: expect.closeTo(run, 10), lowest: expect.closeTo(run, 10) });
  });

  it('prices what the run does: no caching below the model minimum, none counted in a batch or at OpenAI', () => {
    const c = conv('a'.repeat(20), 'b'.repeat(10));
    const convs = Array(100).fill(c);
    const base = { model: 'test-model', promptsDir } as const;
    const withMin = (min: number): PriceTable => ({
      ...prices,
      models: { 'test-model': { ...prices.models['test-model'], cacheMinTokens: min } },
    });
    // The fixed part is far below 4,096 tokens: the model cannot cache it, so the list price is the run's.
    const short = estimateRun(convs, { ...base, engine: 'anthropic', prices: withMin(4096) });
    expect(short.caching.applied).toBe(false);
    expect(short.caching.note).toMatch(
      /^not used: the fixed instructions \(\d+ tokens a call\) are shorter than the 4,096 tokens test-model needs/,
    );
    expect(short.run).toEqual({ mode: 'direct', cost: short.cost!.standard, lowest: short.cost!.standard });
    // With --batch the run is billed at the batch price; cache hits in a batch are best effort.
    const batch = estimateRun(convs, { ...base, engine: 'anthropic', prices, batch: true });
    expect(batch.caching).toMatchObject({ applied: false });
    expect(batch.run!.mode).toBe('batch');
    expect(batch.run!.cost).toBeCloseTo(batch.cost!.batch, 12);
    expect(batch.run!.lowest).toBeLessThan(batch.run!.cost);
    // OpenAI caches on its own, best effort: the price is without it, the lowest with it.
    const openai = estimateRun(convs, { ...base, engine: 'openai', prices });
    expect(openai.caching.applied).toBe(false);
    expect(openai.run!.cost).toBeCloseTo(openai.cost!.standard, 12);
    expect(openai.run!.lowest).toBeLessThan(openai.run!.cost);
  });

  it('estimates the run time from the requests in flight and the rate limits', () => {
    const c = conv('a'.repeat(20), 'b'.repeat(10));
    const convs = Array(1200).fill(c);
    const timed: PriceTable = {
      ...prices,
      estimation: { ...prices.estimation, latency: { secondsPerCall: 1, outputTokensPerSecond: 64 } },
    };
    const base = { engine: 'anthropic', model: 'test-model', promptsDir, prices: timed } as const;
    // 64 output tokens a call: 1 s + 1 s = 2 s a call; 1,200 calls, 8 at a time = 300 s.
    expect(estimateRun(convs, base).time).toMatchObject({
      seconds: 300,
      limitedBy: 'concurrency',
      concurrency: 8,
    });
    expect(estimateRun(convs, { ...base, concurrency: 32 }).time.seconds).toBeCloseTo(75, 10);
    // 60 requests a minute: 1,200 calls take 20 minutes, whatever the concurrency.
    expect(estimateRun(convs, { ...base, requestsPerMinute: 60 }).time).toMatchObject({
      seconds: 1200,
      limitedBy: 'rpm',
    });
    const e = estimateRun(convs, { ...base, tokensPerMinute: 10_000 });
    expect(e.time.limitedBy).toBe('tpm');
    expect(e.time.seconds).toBeCloseTo(((e.inputTokens + e.outputTokens) / 10_000) * 60, 6);
    expect(estimateRun(convs, { ...base, batch: true }).time).toMatchObject({
      seconds: null,
      limitedBy: 'batch',
    });
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
    expect(out.join('')).toMatch(/cost with batch .* USD {2}<- this run: --batch/);
  });

  it('shows the fixed-instruction share, the caching the run gets and a run time', async () => {
    const file = join(dir, 'logs2.jsonl');
    const line = JSON.stringify({ messages: [{ role: 'user', content: 'hello' }] });
    writeFileSync(file, `${line}\n`.repeat(50));
    const priceFile = join(dir, 'prices2.json');
    writeFileSync(priceFile, JSON.stringify(prices));
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out.push(String(s));
      return true;
    });
    await estimateCommand()
      .exitOverride()
      .parseAsync(
        [file, '--engine', 'anthropic', '--model', 'test-model', '--prices', priceFile, '--rpm', '10'],
        {
          from: 'user',
        },
      );
    const text = out.join('');
    expect(text).toMatch(
      /^input tokens {4}[\d,]+, of which fixed instructions [\d,]+ \(\d+%, the same in every call\)$/m,
    );
    expect(text).toMatch(
      /^prompt caching {2}the fixed instructions \([\d,]+ tokens a call\) are cached: written by the first 8 calls, read by the other 42$/m,
    );
    expect(text).toMatch(/^cost {12}[\d.]+ USD {2}<- this run: direct calls, instructions cached$/m);
    expect(text).toMatch(/^run time {8}about 5 min: held to --rpm 10$/m);
    expect(text).not.toMatch(/could save/);
  });

  it('a missing .gguf stops with the same one line as analyze', async () => {
    const io = captureOutput();
    const file = join(dir, 'logs.jsonl');
    const gguf = join(dir, 'no-such-model.gguf');
    expect(await main(['node', 'affectlens', 'estimate', file, '--engine', 'local', '--model', gguf])).toBe(
      1,
    );
    const estimateLine = io.err();
    expect(estimateLine).toBe(
      `affectlens: error: model file ${gguf} not found; pass --model with the path of a GGUF file you have downloaded\n`,
    );
    expect(io.out()).toBe('');
    const io2 = captureOutput();
    expect(
      await main([
        'node',
        'affectlens',
        'analyze',
        file,
        '--engine',
        'local',
        '--model',
        gguf,
        '--out',
        join(dir, 'x'),
      ]),
    ).toBe(1);
    expect(io2.err()).toBe(estimateLine);
  });
});
