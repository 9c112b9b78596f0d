/**
 * The one small typed LLM call every model-backed step goes through (facets, cluster names,
 * privacy audit). Providers implement it; tests spy on it or point it at the fake server.
 */
import type { Usage } from './usage.js';

export interface JsonRequest {
  /** Fixed instructions (cacheable: identical across conversations). */
  system: string;
  /** The per-item part: a delimited transcript or a list of summaries. Data, not instructions. */
  user: string;
  /** Name of the answer's schema (tool name / json_schema name). */
  schemaName: string;
  /** JSON Schema the answer must satisfy (validated again with zod by the caller). */
  jsonSchema: Record<string, unknown>;
  maxOutputTokens: number;
}

export interface JsonResponse {
  /** The model's JSON answer, parsed; the caller validates it. */
  value: unknown;
  usage: Usage;
}

export interface LlmClient {
  readonly provider: 'anthropic' | 'openai' | 'local' | 'fake';
  readonly model: string;
  completeJson(req: JsonRequest): Promise<JsonResponse>;
  close?(): Promise<void>;
}

/**
 * The model answered, but not with usable JSON (not JSON, cut off, no tool call). Not a transport
 * failure, so it is not retried; the facet engine makes one repair attempt instead. The usage is
 * kept because the call was paid.
 */
export class InvalidAnswerError extends Error {
  constructor(
    message: string,
    readonly usage: Usage = { inputTokens: 0, outputTokens: 0 },
  ) {
    super(message);
    this.name = 'InvalidAnswerError';
  }
}

/**
 * A failure that no retry can fix and that would hit every conversation the same way (bad key,
 * unknown model, missing model file): the run stops with this one-line message.
 */
export class LlmConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LlmConfigError';
  }
}
