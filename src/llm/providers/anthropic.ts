/**
 * The Anthropic provider: the typed call over the Messages API, with the answer forced through a
 * tool whose input_schema is the answer schema, the fixed instructions cached (`cache_control`), and
 * Message Batches for `--batch` (half price).
 */
import Anthropic from '@anthropic-ai/sdk';
import {
  type BatchItem,
  type BatchPoll,
  type BatchProvider,
  CLOCK_SKEW_MS,
  type SubmissionQuery,
} from '../batch.js';
import { InvalidAnswerError, type JsonRequest, type JsonResponse, type LlmClient } from '../client.js';

export const DEFAULT_ANTHROPIC_MODEL = 'claude-haiku-4-5';

export interface AnthropicClientOptions {
  apiKey: string;
  model: string;
  /** Default: the SDK's (ANTHROPIC_BASE_URL or the public API). */
  baseUrl?: string;
  timeoutMs?: number;
}

/** The Messages API parameters for one request (shared by the direct call and the batch). */
export function messageParams(req: JsonRequest, model: string): Anthropic.MessageCreateParamsNonStreaming {
  return {
    model,
    max_tokens: req.maxOutputTokens,
    // No temperature: API version 2026-10-21 (SDK 1.x) dropped it; the forced tool keeps answers terse.
    // Identical for every conversation: cached after the first call (tools and system form the prefix).
    system: [{ type: 'text', text: req.system, cache_control: { type: 'ephemeral' } }],
    tools: [
      {
        name: req.schemaName,
        description: 'Record the answer for the conversation.',
        input_schema: req.jsonSchema as Anthropic.Tool.InputSchema,
      },
    ],
    tool_choice: { type: 'tool', name: req.schemaName },
    messages: [{ role: 'user', content: req.user }],
  };
}

interface MessageLike {
  content: { type: string; name?: string; input?: unknown }[];
  stop_reason?: string | null;
  usage?: {
    input_tokens?: number;
    output_tokens?: number;
    cache_read_input_tokens?: number | null;
    cache_creation_input_tokens?: number | null;
  };
}

export function parseMessage(msg: MessageLike, schemaName: string): JsonResponse {
  const usage = {
    inputTokens: msg.usage?.input_tokens ?? 0,
    outputTokens: msg.usage?.output_tokens ?? 0,
    cacheReadTokens: msg.usage?.cache_read_input_tokens ?? 0,
    cacheWriteTokens: msg.usage?.cache_creation_input_tokens ?? 0,
  };
  if (msg.stop_reason === 'max_tokens')
    throw new InvalidAnswerError('answer cut off at the output limit', usage);
  const block = msg.content.find((b) => b.type === 'tool_use' && b.name === schemaName);
  if (!block) throw new InvalidAnswerError('no tool call in the answer', usage);
  return { value: block.input, usage };
}

export class AnthropicClient implements LlmClient {
  readonly provider = 'anthropic' as const;
  readonly model: string;
  readonly sdk: Anthropic;

  constructor(opts: AnthropicClientOptions) {
    this.model = opts.model;
    this.sdk = new Anthropic({
      apiKey: opts.apiKey,
      baseURL: opts.baseUrl,
      // One retry policy for the whole tool (ours), so the SDK's own retries are off.
      maxRetries: 0,
      timeout: opts.timeoutMs ?? 120_000,
    });
  }

  async completeJson(req: JsonRequest): Promise<JsonResponse> {
    const msg = await this.sdk.messages.create(messageParams(req, this.model));
    return parseMessage(msg as MessageLike, req.schemaName);
  }
}

export class AnthropicBatchProvider implements BatchProvider {
  readonly provider = 'anthropic' as const;
  readonly maxItemsPerBatch = 10_000;
  readonly model: string;

  constructor(private readonly client: AnthropicClient) {
    this.model = client.model;
  }

  async submit(items: readonly BatchItem[], _tag: string): Promise<string> {
    const batch = await this.client.sdk.messages.batches.create({
      requests: items.map((it) => ({
        custom_id: it.customId,
        params: messageParams(it.request, this.model),
      })),
    });
    return batch.id;
  }

  /**
   * Message batches carry no metadata to tag them with, so a lost submission is matched by what is
   * known of it: created no earlier than it started (less clock skew) with the same number of
   * requests, and not already accounted for. Of several such, the earliest is the one.
   */
  async findSubmitted(intent: SubmissionQuery, known: ReadonlySet<string>): Promise<string | null> {
    let found: string | null = null;
    // Newest first: stop once past the submission's start.
    for await (const b of this.client.sdk.messages.batches.list({ limit: 100 })) {
      if (Date.parse(b.created_at) < intent.since - CLOCK_SKEW_MS) break;
      const c = b.request_counts;
      const count = c.processing + c.succeeded + c.errored + c.canceled + c.expired;
      if (count === intent.count && !known.has(b.id)) found = b.id;
    }
    return found;
  }

  async poll(batchId: string): Promise<BatchPoll> {
    const b = await this.client.sdk.messages.batches.retrieve(batchId);
    return b.processing_status === 'ended' ? { state: 'ended' } : { state: 'running' };
  }

  async results(batchId: string): Promise<Map<string, JsonResponse | Error>> {
    const out = new Map<string, JsonResponse | Error>();
    // The schema name is not in the result line; every request of one question shares it, and the
    // tool_use block is the only one the forced tool_choice allows, so take the first tool_use.
    for await (const line of await this.client.sdk.messages.batches.results(batchId)) {
      const r = line.result;
      if (r.type === 'succeeded') {
        const msg = r.message as unknown as MessageLike;
        const name = msg.content.find((b) => b.type === 'tool_use')?.name ?? '';
        try {
          out.set(line.custom_id, parseMessage(msg, name));
        } catch (err) {
          out.set(line.custom_id, err as Error);
        }
      } else if (r.type === 'errored') {
        out.set(line.custom_id, new Error(`batch request errored: ${r.error?.error?.type ?? 'unknown'}`));
      } else out.set(line.custom_id, new Error(`batch request ${r.type}`));
    }
    return out;
  }
}
