import { describe, expect, it } from 'vitest';
import {
  ConversationSchema,
  firstHumanMessages,
  humanMessageCount,
  lastHumanMessages,
  transcriptForModel,
} from '../../src/conversation/model.js';

const conv = ConversationSchema.parse({
  id: 'c1',
  messages: [
    { role: 'system', content: 'be kind' },
    { role: 'user', content: 'one' },
    { role: 'assistant', content: 'a' },
    { role: 'user', content: 'two' },
    { role: 'user', content: 'three' },
    { role: 'assistant', content: 'b' },
    { role: 'user', content: 'four' },
  ],
  source: { file: 'x.jsonl', position: 1 },
});

describe('Conversation helpers', () => {
  it('counts and slices human messages', () => {
    expect(humanMessageCount(conv)).toBe(4);
    expect(firstHumanMessages(conv, 3).map((m) => m.content)).toEqual(['one', 'two', 'three']);
    expect(lastHumanMessages(conv, 3).map((m) => m.content)).toEqual(['two', 'three', 'four']);
    expect(lastHumanMessages(conv, 0)).toEqual([]);
    expect(firstHumanMessages(conv, 10)).toHaveLength(4);
  });

  it('defaults metadata and source unit', () => {
    expect(conv.metadata).toEqual({});
    expect(conv.source.unit).toBe('line');
  });

  it('keeps the whole transcript when it fits, numbering user messages', () => {
    const t = transcriptForModel(conv, { maxChars: 10_000 });
    expect(t).toContain('<<User U1>>\none');
    expect(t).toContain('<<User U4>>\nfour');
    expect(t).not.toContain('cut');
  });

  it('keeps the start and the end and marks the cut', () => {
    const long = ConversationSchema.parse({
      id: 'c2',
      messages: [
        { role: 'user', content: `START ${'x'.repeat(5000)}` },
        { role: 'assistant', content: 'y'.repeat(5000) },
        { role: 'user', content: `${'z'.repeat(5000)} END` },
      ],
      source: { file: 'x.jsonl', position: 2 },
    });
    const t = transcriptForModel(long, { maxChars: 1000 });
    expect(t.length).toBeLessThanOrEqual(1100);
    expect(t.startsWith('<<User U1>>\nSTART')).toBe(true);
    expect(t.endsWith('END\n<</User U2>>')).toBe(true);
    expect(t).toMatch(/\[\.\.\. \d+ characters cut, touching 3 message\(s\) \.\.\.\]/);
  });
});
