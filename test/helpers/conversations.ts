/** Hand-written conversations for unit tests: `conv(['user', '...'], ['assistant', '...'])`. */
import type { Conversation } from '../../src/conversation/model.js';

export function conv(...turns: [string, string][]): Conversation {
  return {
    id: 'c1',
    messages: turns.map(([role, content]) => ({ role: role as 'user' | 'assistant', content })),
    source: { file: 'test.jsonl', position: 1, unit: 'line' },
    metadata: {},
  };
}

/** A conversation of one user message. */
export const user = (text: string): Conversation => conv(['user', text]);
