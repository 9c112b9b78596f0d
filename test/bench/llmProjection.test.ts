import { describe, expect, it } from 'vitest';
import { jsonDiffPaths } from '../../src/bench/jsonDiff.js';
import {
  BATCH_LIMITS,
  callsPerSecond,
  projectionLines,
  projectLlmRun,
} from '../../src/bench/llmProjection.js';

describe('callsPerSecond', () => {
  it('divides calls by seconds and refuses a duration that is not positive', () => {
    expect(callsPerSecond(600, 4)).toBe(150);
    expect(callsPerSecond(0, 2)).toBe(0);
    expect(() => callsPerSecond(10, 0)).toThrow(/seconds must be > 0/);
    expect(() => callsPerSecond(10, Number.NaN)).toThrow(/seconds must be > 0/);
    expect(() => callsPerSecond(-1, 1)).toThrow(/calls must be >= 0/);
  });
});

describe('projectLlmRun', () => {
  it('4.5M conversations, one call each, 100 calls/s per worker, 2 workers: 22,500 s; 45 / 90 batches at the providers’ limits', () => {
    const p = projectLlmRun({
      conversations: 4_500_000,
      callsPerConversation: 1,
      callsPerSecondPerWorker: 100,
      workers: 2,
    });
    expect(p.calls).toBe(4_500_000);
    expect(p.callsPerSecond).toBe(200);
    expect(p.seconds).toBe(22_500);
    expect(p.hours).toBe(6.25);
    expect(p.batches).toEqual([
      { provider: 'anthropic', atProviderLimit: 45, asSubmitted: 450 },
      { provider: 'openai', atProviderLimit: 90, asSubmitted: 225 },
    ]);
  });

  it('split facets (5 calls per conversation) multiply the calls; a partial batch counts as one', () => {
    const p = projectLlmRun({
      conversations: 10_001,
      callsPerConversation: 5,
      callsPerSecondPerWorker: 50,
      workers: 4,
    });
    expect(p.calls).toBe(50_005);
    expect(p.seconds).toBeCloseTo(50_005 / 200, 9);
    expect(p.batches.find((b) => b.provider === 'openai')).toEqual({
      provider: 'openai',
      atProviderLimit: 2,
      asSubmitted: 3,
    });
    expect(p.batches.find((b) => b.provider === 'anthropic')?.atProviderLimit).toBe(1);
  });

  it('refuses inputs that would make a figure infinite or meaningless', () => {
    const ok = { conversations: 1, callsPerConversation: 1, callsPerSecondPerWorker: 1, workers: 1 };
    expect(() => projectLlmRun({ ...ok, callsPerSecondPerWorker: 0 })).toThrow(/callsPerSecondPerWorker/);
    expect(() => projectLlmRun({ ...ok, workers: 0 })).toThrow(/workers/);
    expect(() => projectLlmRun({ ...ok, conversations: Number.POSITIVE_INFINITY })).toThrow(/conversations/);
  });

  it('writes the arithmetic out, one line per figure', () => {
    const lines = projectionLines({
      conversations: 4_500_000,
      callsPerConversation: 1,
      callsPerSecondPerWorker: 100,
      workers: 2,
    });
    expect(lines).toEqual([
      '4,500,000 conversations × 1 call(s) = 4,500,000 calls',
      '4,500,000 calls / (100 calls/s per worker × 2 worker(s)) = 22,500 s = 6.25 h',
      "anthropic batches: ⌈4,500,000 / 100,000⌉ = 45 at the provider's limit; ⌈4,500,000 / 10,000⌉ = 450 as this code submits them",
      "openai batches: ⌈4,500,000 / 50,000⌉ = 90 at the provider's limit; ⌈4,500,000 / 20,000⌉ = 225 as this code submits them",
    ]);
    expect(BATCH_LIMITS.map((l) => l.provider)).toEqual(['anthropic', 'openai']);
  });
});

describe('jsonDiffPaths', () => {
  it('names the differing leaves, missing keys and array lengths; nothing for equal values', () => {
    const a = { x: 1, p: { usage: { in: 5, out: 2 }, cost: 0.1 }, list: [1, 2], only: true };
    const b = { x: 1, p: { usage: { in: 6, out: 2 }, cost: 0.2 }, list: [1, 2, 3] };
    expect(jsonDiffPaths(a, b)).toEqual([
      'p.usage.in',
      'p.cost',
      'list (length 2 vs 3)',
      'only (only in the first)',
    ]);
    expect(jsonDiffPaths(a, structuredClone(a))).toEqual([]);
    expect(jsonDiffPaths([{ k: 'a' }], [{ k: 'b' }])).toEqual(['[0].k']);
    expect(jsonDiffPaths(1, 2)).toEqual(['(root)']);
    expect(jsonDiffPaths({ a: 1, b: 1, c: 1 }, { a: 2, b: 2, c: 2 }, 2)).toEqual(['a', 'b']);
  });
});
