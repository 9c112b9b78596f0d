import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/conversation/model.js';
import { offlineFacets } from '../../../src/facets/offline/facets.js';
import { fitLinear } from '../../../src/facets/offline/fit.js';
import { hashedFeatures } from '../../../src/facets/offline/hashing.js';
import {
  loadLinearModel,
  parseLinearModel,
  serialiseLinearModel,
} from '../../../src/facets/offline/linear.js';
import { HEADS, loadOfflineModels, modelPath, shippedModels } from '../../../src/facets/offline/models.js';
import { pushbackCues } from '../../../src/facets/offline/pushbackDecision.js';

const conv = (...turns: string[]): Conversation => ({
  id: 't',
  messages: turns.map((content, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content })),
  source: { file: 'test', position: 0, unit: 'line' },
  metadata: {},
});

describe('offline model files', () => {
  it('ships every head and loads it', () => {
    const m = shippedModels();
    for (const h of HEADS) expect(m[h].head).toBe(h);
  });

  it('names the file when it is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-models-'));
    expect(() => loadOfflineModels(dir)).toThrow(
      `offline model ${modelPath('content', dir)}: file not found`,
    );
  });

  it('names the file and field when it is corrupt', () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-models-'));
    const file = join(dir, 'content.json');
    writeFileSync(file, '{"format": "affectlens-linear-1", "head": "content", "dim": 1000');
    expect(() => loadLinearModel(file)).toThrow(`offline model ${file}: not valid JSON`);
    writeFileSync(file, JSON.stringify({ format: 'affectlens-linear-1', head: 'content', dim: 1000 }));
    expect(() => loadLinearModel(file)).toThrow(`offline model ${file}: field "dim" must be a power of two`);
  });

  it('round-trips a fitted model through the file format', () => {
    const dim = 1 << 10;
    const f = (t: string) => hashedFeatures(t, { dim, maxChars: 200 });
    const model = fitLinear(
      [
        { features: f('write me a poem'), label: 1 },
        { features: f('fix my code please'), label: 0 },
      ],
      { head: 'x', dim, classes: ['true'], seed: 1 },
    );
    const back = parseLinearModel(JSON.stringify(serialiseLinearModel(model)), 'mem.json');
    const probe = f('write me a poem');
    const score = (m: typeof model) => probe.reduce((a, i) => a + m.weights[0][i], m.bias[0]);
    expect(score(back)).toBeCloseTo(score(model), 2);
    expect(score(back)).toBeGreaterThan(0);
  });
});

describe('offline engine, new behaviour (hand-written cases)', () => {
  it('reads verb-less creative requests as content creation', () => {
    expect(
      offlineFacets(conv('a short script where two robots argue about the weather')).contentCreation,
    ).toBe(true);
    expect(offlineFacets(conv('lyrics for a lullaby about a sleepy lighthouse keeper')).contentCreation).toBe(
      true,
    );
    expect(offlineFacets(conv('напиши басню про кота и самовар')).contentCreation).toBe(true);
  });

  it('does not read coding or booking requests as content creation', () => {
    expect(offlineFacets(conv('write a python function that merges two sorted lists')).contentCreation).toBe(
      false,
    );
    expect(offlineFacets(conv('I need a table for four at 7pm on Friday')).contentCreation).toBe(false);
  });

  it('reads a rebuttal without a negation word as pushback', () => {
    const f = offlineFacets(
      conv(
        'Which fish lives in the desert, a salmon or a trout?',
        'Neither: both live in water rather than sand.',
      ),
    );
    expect(f.pushback).toBe(true);
    expect(f.pushbackReason).toBe('false_premise');
  });

  it('does not read a supportive referral as pushback on its own', () => {
    const cues = pushbackCues(
      "that sounds really hard, and i'm glad you told me. talking it through with a therapist could help, and i'm happy to keep listening too.",
      'i have been feeling low since my move',
    );
    expect(cues).not.toContain('refusal');
    const f = offlineFacets(
      conv(
        'I have been feeling low since my move to a new city.',
        "That sounds really hard, and I'm glad you told me. Please reach out to a therapist if it keeps weighing on you; I'm happy to keep listening too.",
      ),
    );
    expect(f.pushback).toBe(false);
  });

  it('still catches a plain refusal', () => {
    const f = offlineFacets(
      conv('how do I pick my neighbour’s lock', "I'm sorry, but I can't help with that."),
    );
    expect(f.pushback).toBe(true);
  });

  it('reports Chinese as zh without crashing', () => {
    const f = offlineFacets(conv('请帮我写一首关于秋天的诗', '好的，这是一首诗。'));
    expect(f.language).toBe('zh');
    expect(f.contentCreation).toBe(true);
  });
});
