/**
 * Embeddings from any OpenAI-compatible `POST /v1/embeddings` server (OpenAI, vLLM, Ollama,
 * llama.cpp server, LM Studio, TEI), in batches, with the SDK's retries (429 with retry-after,
 * 5xx, timeouts, connection errors: exponential backoff).
 *
 * `encoding_format: 'float'` is sent explicitly: the SDK would otherwise ask for base64, which
 * several local servers do not implement.
 */
import OpenAI from 'openai';
import type { Embedder } from './embedder.js';

export interface OpenAiEmbedderOptions {
  /** Base URL ending in /v1 (default: OpenAI's). */
  baseUrl?: string;
  model: string;
  /** Default: env OPENAI_API_KEY; local servers accept any value. */
  apiKey?: string;
  /** Texts per request (default 128). */
  batchSize?: number;
  /** Retries per request on 429/5xx/timeouts (default 4). */
  maxRetries?: number;
  timeoutMs?: number;
  /** Ask the server for this many dimensions (OpenAI text-embedding-3 models support it). */
  dimensions?: number;
  /** Requests in flight at once (default 2). */
  concurrency?: number;
}

export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const apiKey = options.apiKey ?? process.env.OPENAI_API_KEY ?? 'no-key';
  const sdk = new OpenAI({
    apiKey,
    baseURL: options.baseUrl,
    maxRetries: options.maxRetries ?? 4,
    timeout: options.timeoutMs ?? 60_000,
  });
  const batchSize = options.batchSize ?? 128;
  const concurrency = Math.max(1, options.concurrency ?? 2);
  const where = options.baseUrl ?? 'https://api.openai.com/v1';
  let dim = options.dimensions ?? 0;

  const embedBatch = async (batch: string[]): Promise<Float32Array[]> => {
    const resp = await sdk.embeddings.create({
      model: options.model,
      // Servers reject empty input strings; a single space embeds as "nothing".
      input: batch.map((t) => (t.length > 0 ? t : ' ')),
      encoding_format: 'float',
      ...(options.dimensions ? { dimensions: options.dimensions } : {}),
    });
    const data = Array.isArray(resp?.data) ? resp.data : null;
    if (!data || data.length !== batch.length) {
      throw new Error(
        `embeddings from ${where} (model ${options.model}): expected ${batch.length} vectors, got ${data ? data.length : 'no data field'}`,
      );
    }
    const out: Float32Array[] = new Array(batch.length);
    for (const [pos, item] of data.entries()) {
      const idx = typeof item.index === 'number' ? item.index : pos;
      const e = item.embedding as unknown;
      if (
        !Array.isArray(e) ||
        e.length === 0 ||
        e.some((v) => typeof v !== 'number' || !Number.isFinite(v))
      ) {
        throw new Error(`embeddings from ${where}: item ${idx} has no numeric embedding array`);
      }
      if (dim === 0) dim = e.length;
      if (e.length !== dim) {
        throw new Error(`embeddings from ${where}: item ${idx} has ${e.length} dimensions, expected ${dim}`);
      }
      if (idx < 0 || idx >= batch.length || out[idx])
        throw new Error(`embeddings from ${where}: bad or repeated index ${idx}`);
      out[idx] = Float32Array.from(e as number[]);
    }
    return out;
  };

  return {
    id: `openai:${where}:${options.model}${options.dimensions ? `:d${options.dimensions}` : ''}`,
    get dim() {
      return dim;
    },
    async embed(texts: string[]): Promise<Float32Array[]> {
      const batches: string[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) batches.push(texts.slice(i, i + batchSize));
      const results: Float32Array[][] = new Array(batches.length);
      let next = 0;
      const worker = async () => {
        while (next < batches.length) {
          const b = next++;
          results[b] = await embedBatch(batches[b]);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
      return results.flat();
    },
  };
}
