/**
 * The engine contract: every engine (offline, anthropic, openai, local) answers the same typed
 * question, so the rest of the pipeline does not know which one ran.
 */
import type { Conversation } from '../conversation/model.js';
import type { Facets, Usage } from './schema.js';

export const ENGINE_NAMES = ['offline', 'anthropic', 'openai', 'local'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface FacetResult {
  facets: Facets;
  /** Token usage for this conversation; zeros for the offline engine. */
  usage: Usage;
}

export interface FacetEngine {
  readonly name: EngineName;
  /** Model identifier ('offline-v1', 'claude-...', a GGUF file's basename...). */
  readonly model: string;
  /** Version of the prompt set or of the offline rules: part of the cache key. */
  readonly promptVersion: string;
  /** Anything else that changes answers (temperature, split facets...): part of the cache key. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /**
   * Facets for a batch of conversations, in the same order. Engines manage their own
   * concurrency and retries; a conversation that fails gets `status.kind = 'error'`,
   * never a thrown exception for the whole batch.
   */
  extractFacets(conversations: readonly Conversation[]): Promise<FacetResult[]>;
  close?(): Promise<void>;
}

/** Injected into stages so tests use fakes and runs are reproducible. */
export interface Deps {
  /** Milliseconds since epoch. */
  now: () => number;
  /** Seed for every random choice in the run. */
  seed: number;
  /** Where progress and warnings go (never conversation text). */
  log: (line: string) => void;
}

export function defaultDeps(seed = 1): Deps {
  return { now: () => Date.now(), seed, log: (line) => process.stderr.write(`${line}\n`) };
}
