/**
 * The engine contract: every engine (offline, anthropic, openai, local) answers the same typed
 * question, so the rest of the pipeline does not know which one ran. What differs between engines
 * is declared here as capabilities (batch size, whether answers are worth storing, a model client,
 * cost, vouched accuracy), so no stage ever branches on an engine's name.
 */
import type { Conversation } from '../conversation/model.js';
import type { LlmClient } from '../llm/client.js';
import type { Usage } from '../llm/usage.js';
import type { EngineAccuracy } from './engineAccuracy.js';
import type { Facets } from './schema.js';

export const ENGINE_NAMES = ['offline', 'anthropic', 'openai', 'local'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];

export interface FacetResult {
  facets: Facets;
  /** Token usage for this conversation; zeros for the offline engine. */
  usage: Usage;
}

export type { EngineAccuracy };

/**
 * Why an engine decided what it did about one conversation, for an analyst auditing a decision
 * (`analyze --export-decisions`, `affectlens explain`). Never message text: cues are names from the
 * engine's own vocabulary, the answer holds the facet values as the model gave them.
 */
export interface Evidence {
  /** Version of the prompt set (LLM engines) or of the rules (offline) that decided. */
  promptVersion: string;
  /**
   * Offline engine: the names of the cues (rules, lexicon entries, model heads) that fired. Names
   * from the rules' own vocabulary, never spans copied from the conversation.
   */
  cues?: string[];
  /**
   * LLM engines: the answer as parsed and checked against the answer schema (sentiment in the
   * model's words). Its `concern` is a free-text summary a model may copy from the conversation: the
   * decisions export leaves it out.
   */
  answer?: Record<string, unknown>;
  /** Anything else an auditor should know (what is not traced, the prompt set's hash...). */
  note?: string;
}

/**
 * Called by an engine whose answers cost money with each conversation's result as soon as it is in
 * (index into the batch), before the rest of the batch is done: the run stores it at once, so a
 * kill re-pays only the calls in flight, never a whole batch. Engines may ignore it (the offline one
 * does: it is done with a batch in milliseconds).
 */
export type OnFacetResult = (index: number, result: FacetResult) => void;

export interface FacetEngine {
  readonly name: EngineName;
  /** Model identifier ('offline-rules-…', 'claude-...', a GGUF file's basename...). */
  readonly model: string;
  /** Version of the prompt set or of the offline rules: part of the cache key. */
  readonly promptVersion: string;
  /** Anything else that changes answers (temperature, split facets...): part of the cache key. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** Conversations per `extractFacets` call that suit this engine. */
  readonly batchSize: number;
  /**
   * Whether answers are worth keeping in a run store: true when each one costs a model call; false
   * when recomputing is cheaper than reading back (then no store is opened unless asked for).
   */
  readonly storesResults: boolean;
  /** The model client, when the engine has one: the topic stage names clusters and audits names with it. */
  readonly llm?: LlmClient;
  /** USD for this usage; null when the price is unknown. */
  costOf(usage: Usage): number | null;
  /** The accuracy this engine vouches for, if it was validated (shown in the report's Methods). */
  accuracy?(): EngineAccuracy | undefined;
  /**
   * The evidence behind `facets` (this engine's answer about `conversation`, fresh or from the run
   * store), for audits. Engines without it are exported with facets only.
   */
  evidence?(conversation: Conversation, facets: Facets): Evidence;
  /**
   * Facets for a batch of conversations, in the same order. Engines manage their own
   * concurrency and retries; a conversation that fails gets `status.kind = 'error'`,
   * never a thrown exception for the whole batch.
   */
  extractFacets(conversations: readonly Conversation[], onResult?: OnFacetResult): Promise<FacetResult[]>;
  close?(): Promise<void>;
}

/** How to build an engine (see createEngine); LLM-only and offline-only settings are ignored by the other kind. */
export interface EngineOptions {
  /** Model name (LLM engines) or GGUF path (local). */
  model?: string;
  /** One or more base URLs (round-robin for self-hosted fleets). */
  baseUrls?: string[];
  /** Use the provider's batch API (half price, slower). */
  batch?: boolean;
  /** Ask one question per call instead of all facets in one call (as Clio does). */
  splitFacets?: boolean;
  concurrency?: number;
  requestsPerMinute?: number;
  tokensPerMinute?: number;
  /** Folder for engine state that must survive a restart (batch ids). */
  stateDir?: string;
  /** Local engine: CPU threads llama.cpp computes with (default: its own choice, all cores). */
  threads?: number;
  /** Offline engine: worker threads to spread facet extraction over (0 = in the main thread). */
  workers?: number;
  /**
   * LLM engines: ISO 639 code of the language concerns are written in, the report's (`--report-lang`;
   * default `en`). The offline engine's topics come from fixed lists in both languages.
   */
  concernLanguage?: string;
  deps?: Deps;
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
