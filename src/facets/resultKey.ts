/**
 * The identity of one engine answer: a hash of the conversation's content (roles and text, not its id
 * or file position) and of the engine's identity (name, model, prompt or rules version, parameters).
 * The run store keys results by it and the LLM engine names batch items after it, so the same
 * question is never paid for twice. API keys never go in.
 */
import { createHash } from 'node:crypto';
import type { Conversation } from '../conversation/model.js';
import type { FacetEngine } from './engine.js';

export type EngineIdentity = Pick<FacetEngine, 'name' | 'model' | 'promptVersion' | 'parameters'>;

export function resultKey(conv: Pick<Conversation, 'messages'>, engine: EngineIdentity): string {
  const h = createHash('sha256');
  h.update(`${engine.name}\u0000${engine.model}\u0000${engine.promptVersion}\u0000`);
  h.update(stableStringify(engine.parameters));
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
