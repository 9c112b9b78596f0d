/**
 * The OpenAI-compatible provider (OpenAI, vLLM, Ollama, llama.cpp server, LM Studio): the typed call
 * over chat completions, round-robin over several base URLs, and OpenAI's Batch API.
 *
 * Structured output: `response_format: json_schema` (strict) where the server supports it; a 400
 * saying it does not makes that server fall back to `json_object`, then to a plain prompt, with
 * the schema spelled out in the instructions. The answer is validated by the facet engine either way.
 */
import OpenAI, { toFile } from 'openai';
import {
  type BatchItem,
  type BatchPoll,
  type BatchProvider,
  CLOCK_SKEW_MS,
  SUBMISSION_TAG_KEY,
  type SubmissionQuery,
} from '../batch.js';
import { InvalidAnswerError, type JsonRequest, type JsonResponse, type LlmClient } from '../client.js';

export const DEFAULT_OPENAI_MODEL = 'gpt-4.1-mini';

export interface OpenAiClientOptions {
  apiKey: string;
  model: string;
  /** One or more base URLs ending in /v1; calls go round-robin. Default: the SDK's (OpenAI). */
  baseUrls?: string[];
  /** Per-request timeout (default 120 s). */
  timeoutMs?: number;
}

type Mode = 'json_schema' | 'json_object' | 'plain';

interface Server {
  sdk: OpenAI;
  mode: Mode;
  /** Adapted after a 400 naming the parameter (reasoning models reject these). */
  tokenParam: 'max_tokens' | 'max_completion_tokens';
  sendTemperature: boolean;
}

function makeSdk(opts: OpenAiClientOptions, baseURL: string | undefined): OpenAI {
  // One retry policy for the whole tool (ours), so the SDK's own retries are off.
  return new OpenAI({ apiKey: opts.apiKey, baseURL, maxRetries: 0, timeout: opts.timeoutMs ?? 120_000 });
}

export class OpenAiClient implements LlmClient {
  readonly provider = 'openai' as const;
  readonly model: string;
  private readonly servers: Server[];
  private next = 0;

  constructor(opts: OpenAiClientOptions) {
    this.model = opts.model;
    const urls = opts.baseUrls && opts.baseUrls.length > 0 ? opts.baseUrls : [undefined];
    this.servers = urls.map((u) => ({
      sdk: makeSdk(opts, u),
      mode: 'json_schema',
      tokenParam: 'max_tokens',
      sendTemperature: true,
    }));
  }

  /** The SDK of the first base URL (batches and files live on one server). */
  get primary(): OpenAI {
    return this.servers[0].sdk;
  }

  async completeJson(req: JsonRequest): Promise<JsonResponse> {
    const server = this.servers[this.next++ % this.servers.length];
    for (;;) {
      const used = {
        mode: server.mode,
        tokenParam: server.tokenParam,
        sendTemperature: server.sendTemperature,
      };
      try {
        const resp = await server.sdk.chat.completions.create(
          chatBody(req, this.model, used) as unknown as OpenAI.ChatCompletionCreateParamsNonStreaming,
        );
        return parseChatCompletion(resp);
      } catch (err) {
        if (!adaptToRejection(server, used, err)) throw err;
      }
    }
  }
}

/** On a 400 about response_format or a parameter, changes how this server is asked; false if nothing to change. */
function adaptToRejection(server: Server, used: Omit<Server, 'sdk'>, err: unknown): boolean {
  const e = err as { status?: number; message?: string; param?: string };
  if (e?.status !== 400) return false;
  const msg = `${e.param ?? ''} ${e.message ?? ''}`;
  // Another call in flight may already have adapted the server: then just ask again.
  if (/response_format|json_schema|json_object|structured output/i.test(msg) && used.mode !== 'plain') {
    if (server.mode === used.mode) server.mode = used.mode === 'json_schema' ? 'json_object' : 'plain';
    return true;
  }
  if (/max_tokens/.test(msg) && used.tokenParam === 'max_tokens') {
    server.tokenParam = 'max_completion_tokens';
    return true;
  }
  if (/temperature/.test(msg) && used.sendTemperature) {
    server.sendTemperature = false;
    return true;
  }
  return false;
}

function chatBody(
  req: JsonRequest,
  model: string,
  server: Pick<Server, 'mode' | 'tokenParam' | 'sendTemperature'>,
): Record<string, unknown> {
  const system =
    server.mode === 'json_schema'
      ? req.system
      : `${req.system}\n\nReply with one JSON object and nothing else, matching this JSON Schema:\n${JSON.stringify(req.jsonSchema)}`;
  const body: Record<string, unknown> = {
    model,
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: req.user },
    ],
    [server.tokenParam]: req.maxOutputTokens,
  };
  if (server.sendTemperature) body.temperature = 0;
  if (server.mode === 'json_schema')
    body.response_format = {
      type: 'json_schema',
      json_schema: { name: req.schemaName, schema: req.jsonSchema, strict: true },
    };
  else if (server.mode === 'json_object') body.response_format = { type: 'json_object' };
  return body;
}

interface ChatCompletionLike {
  choices?: {
    message?: { content?: string | null; refusal?: string | null };
    finish_reason?: string | null;
  }[];
  usage?: {
    prompt_tokens?: number;
    completion_tokens?: number;
    prompt_tokens_details?: { cached_tokens?: number };
  };
}

/** A chat completion → the parsed JSON answer and the usage (input counts uncached tokens only). */
export function parseChatCompletion(resp: ChatCompletionLike): JsonResponse {
  const cached = resp.usage?.prompt_tokens_details?.cached_tokens ?? 0;
  const usage = {
    inputTokens: Math.max(0, (resp.usage?.prompt_tokens ?? 0) - cached),
    outputTokens: resp.usage?.completion_tokens ?? 0,
    cacheReadTokens: cached,
    cacheWriteTokens: 0,
  };
  const choice = resp.choices?.[0];
  if (choice?.finish_reason === 'length')
    throw new InvalidAnswerError('answer cut off at the output limit', usage);
  if (choice?.message?.refusal) throw new InvalidAnswerError('the model refused to answer', usage);
  const content = choice?.message?.content ?? '';
  return { value: parseJsonText(content, usage), usage };
}

/** Parses a JSON answer, tolerating a ```json fence some servers add in plain mode. */
export function parseJsonText(text: string, usage: JsonResponse['usage']): unknown {
  const fenced = /^\s*```(?:json)?\s*([\s\S]*?)\s*```\s*$/.exec(text);
  try {
    return JSON.parse(fenced ? fenced[1] : text);
  } catch {
    throw new InvalidAnswerError('answer is not JSON', usage);
  }
}

/** OpenAI's Batch API: upload a JSONL of chat-completion requests, poll, download the output file. */
export class OpenAiBatchProvider implements BatchProvider {
  readonly provider = 'openai' as const;
  readonly maxItemsPerBatch = 20_000;
  readonly model: string;

  constructor(private readonly client: OpenAiClient) {
    this.model = client.model;
  }

  async submit(items: readonly BatchItem[], tag: string): Promise<string> {
    const server = {
      mode: 'json_schema',
      tokenParam: 'max_completion_tokens',
      sendTemperature: true,
    } as const;
    const lines = items.map((it) =>
      JSON.stringify({
        custom_id: it.customId,
        method: 'POST',
        url: '/v1/chat/completions',
        body: chatBody(it.request, this.model, server),
      }),
    );
    const sdk = this.client.primary;
    const file = await sdk.files.create({
      file: await toFile(Buffer.from(`${lines.join('\n')}\n`), 'affectlens-batch.jsonl'),
      purpose: 'batch',
    });
    const batch = await sdk.batches.create({
      input_file_id: file.id,
      endpoint: '/v1/chat/completions',
      completion_window: '24h',
      metadata: { [SUBMISSION_TAG_KEY]: tag },
    });
    return batch.id;
  }

  /** Batches carry the submission's tag in their metadata: an exact match. */
  async findSubmitted(intent: SubmissionQuery, known: ReadonlySet<string>): Promise<string | null> {
    // Newest first: stop once past the submission's start.
    for await (const b of this.client.primary.batches.list({ limit: 100 })) {
      if (b.created_at * 1000 < intent.since - CLOCK_SKEW_MS) break;
      if (b.metadata?.[SUBMISSION_TAG_KEY] === intent.tag && !known.has(b.id)) return b.id;
    }
    return null;
  }

  async poll(batchId: string): Promise<BatchPoll> {
    const b = await this.client.primary.batches.retrieve(batchId);
    if (b.status === 'completed') return { state: 'ended' };
    // An expired or cancelled batch may still hold answers for part of its requests.
    if ((b.status === 'expired' || b.status === 'cancelled') && b.output_file_id) return { state: 'ended' };
    if (b.status === 'failed' || b.status === 'expired' || b.status === 'cancelled')
      return { state: 'failed', reason: `status ${b.status}` };
    return { state: 'running' };
  }

  async results(batchId: string): Promise<Map<string, JsonResponse | Error>> {
    const sdk = this.client.primary;
    const b = await sdk.batches.retrieve(batchId);
    const out = new Map<string, JsonResponse | Error>();
    for (const fileId of [b.error_file_id, b.output_file_id]) {
      if (!fileId) continue;
      const text = await (await sdk.files.content(fileId)).text();
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        const rec = JSON.parse(line) as {
          custom_id: string;
          response?: { status_code: number; body: ChatCompletionLike } | null;
          error?: { message?: string } | null;
        };
        if (rec.response && rec.response.status_code === 200) {
          try {
            out.set(rec.custom_id, parseChatCompletion(rec.response.body));
          } catch (err) {
            out.set(rec.custom_id, err as Error);
          }
        } else {
          const why = rec.error?.message ?? `HTTP ${rec.response?.status_code ?? '?'}`;
          out.set(rec.custom_id, new Error(`batch request failed: ${why.split('\n')[0]}`));
        }
      }
    }
    return out;
  }
}
