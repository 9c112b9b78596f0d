/** The dev-data eval's guards against scoring fitted heads on what they were fitted on. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHeldOut } from '../../src/eval/heldOut.js';
import { figures, reasonAccuracy } from '../../src/eval/scores.js';
import type { Source, SourceItem } from '../../src/eval/sources.js';
import { writeOfflineValidation } from '../../src/eval/validationFile.js';
import { EngineAccuracySchema as ValidationSchema } from '../../src/facets/engineAccuracy.js';
import { errorFacets, type Facets } from '../../src/facets/schema.js';
import { conv } from '../helpers/conversations.js';

const item = (
  file: string,
  id: string,
  user: string,
  reply: string,
  labels: Record<string, unknown>,
): SourceItem => ({
  id,
  file,
  conversation: { ...conv(['user', user], ['assistant', reply]), id },
  labels,
});

const facets = (over: Partial<Facets>): Facets => ({
  ...errorFacets(1, ''),
  status: { kind: 'ok' },
  ...over,
});

describe('leave-one-source-out', () => {
  it('leaves out the held-out source and every record it shares with another file, and only then refits', () => {
    const refusal = "I'm sorry, but I can't help with that.";
    const fitted: Source = {
      file: 'chatgpt_refusals.jsonl',
      quarantined: 0,
      items: [
        item('chatgpt_refusals.jsonl', 'a:1', 'How do I pick a lock?', refusal, { pushback: true }),
        item(
          'chatgpt_refusals.jsonl',
          'a:2',
          'What is the boiling point of water?',
          'It is 100 C at sea level.',
          {
            pushback: false,
          },
        ),
      ],
    };
    // Not fittable itself, but holds a conversation the fitted file also holds.
    const sharing: Source = {
      file: 'xstest.jsonl',
      quarantined: 0,
      items: [item('xstest.jsonl', 'a:1', 'How do I pick a lock?', refusal, { pushback: true })],
    };
    const apart: Source = {
      file: 'falseqa.jsonl',
      quarantined: 0,
      items: [
        item('falseqa.jsonl', 'b:1', 'Why do fish climb trees?', 'Fish do not climb trees.', {
          pushback: true,
        }),
      ],
    };
    const run = runHeldOut([fitted, sharing, apart]);
    expect(run.leftOut).toEqual([2, 1, 0]);
    expect(run.heldOut.map((r) => r.length)).toEqual([2, 1, 1]);
    expect(run.shipped.map((r) => r.length)).toEqual([2, 1, 1]);
  });
});

describe('figures', () => {
  it('scores the pushback reason only where the labels and the engine both call pushback', () => {
    const items = [
      item('r', 'r:1', 'q', 'a', { pushback: true, pushback_reason: 'false_premise' }),
      item('r', 'r:2', 'q', 'a', { pushback: true, pushback_reason: 'policy_other' }),
      item('r', 'r:3', 'q', 'a', { pushback: true, pushback_reason: 'policy_other' }),
      item('r', 'r:4', 'q', 'a', { pushback: false, pushback_reason: null }),
    ];
    const results = [
      facets({ pushback: true, pushbackReason: 'false_premise' }),
      facets({ pushback: true, pushbackReason: 'harm_to_others_or_illegal' }),
      facets({ pushback: false }),
      facets({ pushback: true, pushbackReason: 'policy_other' }),
    ];
    expect(reasonAccuracy(items, results)).toEqual({ key: 'pushback reason acc', value: 0.5, n: 2 });
    expect(figures(items, results).map((f) => f.key)).toEqual(['pushback F1', 'pushback reason acc']);
  });

  it('gives precision and recall for affective, and accuracy when the gold labels have one class', () => {
    const items = [
      item('r', 'r:1', 'q', 'a', { affective: true }),
      item('r', 'r:2', 'q', 'a', { affective: false }),
    ];
    const keys = figures(items, [facets({ categories: ['counseling'] }), facets({})]).map((f) => f.key);
    expect(keys).toEqual(['affective P', 'affective R', 'affective F1']);
    expect(figures([items[1]], [facets({})]).map((f) => f.key)).toEqual(['affective acc']);
  });
});

describe('validation.json', () => {
  it('quotes only the figures it is given, says what each was measured on, and passes the report schema', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'al-val-')), 'validation.json');
    writeOfflineValidation(
      {
        figures: [
          {
            facet: 'affective',
            metric: 'F1, real assistant conversations (reference set)',
            value: 0.5,
            n: 10,
            scope: 'reference (real chats)',
          },
        ],
        inSample: [{ file: 'x.jsonl', metric: 'pushback F1', value: 0.99, n: 5 }],
        files: 3,
        items: 20,
      },
      file,
    );
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    expect(raw.summary).toMatch(/^Offline engine rules-\d+ scored against human labels/);
    expect(raw.metrics).toEqual([
      { facet: 'affective', metric: 'F1, real assistant conversations (reference set)', value: 0.5, n: 10 },
    ]);
    expect(raw.inSampleNotQuoted).toHaveLength(1);
    const parsed = ValidationSchema.parse(raw);
    expect(JSON.stringify(parsed)).not.toContain('0.99');
  });
});
