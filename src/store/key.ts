import { createHash } from 'node:crypto';
import type { Conversation } from '../conversation/model.js';

export interface CacheKeyParts {
  engine: string;
  model: string;
  promptVersion: string;
  parameters: Readonly<Record<string, unknown>>;
}

/**
 * The cache key of one result: a hash of the conversation's content (roles and text, not its id or
 * file position), the prompt version, the model and the parameters. API keys never go in.
 */
export function resultKey(conv: Pick<Conversation, 'messages'>, parts: CacheKeyParts): string {
  const h = createHash('sha256');
  h.update(`${parts.engine}\u0000${parts.model}\u0000${parts.promptVersion}\u0000`);
  h.update(stableStringify(parts.parameters));
  for (const m of conv.messages) {
    h.update(`\u0001${m.role}\u0002`);
    h.update(m.content);
  }
  return h.digest('hex');
}

/** JSON with sorted object keys, so equal parameters hash equally. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}
