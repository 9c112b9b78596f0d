import { appendFileSync, mkdtempSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterTopics } from '../../src/cluster/clusterTopics.js';
import { withEmbeddingCache } from '../../src/cluster/embedder.js';
import { createOfflineClusterDeps } from '../../src/cluster/offlineDeps.js';
import { createOfflineEmbedder } from '../../src/cluster/offlineEmbedder.js';
import { createOpenAiEmbedder } from '../../src/cluster/openaiEmbedder.js';
import { EmbeddingCache } from '../../src/store/embeddingCache.js';
import { startFakeLlmServer } from '../helpers/fakeLlmServer.js';

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, v, i) => s + v * b[i], 0);

describe('offline embedder', () => {
  it('is deterministic, unit length, and puts similar concerns closer', async () => {
    const e = createOfflineEmbedder({ dim: 256, seed: 3 });
    const [a, b, c, empty] = await e.embed([
      'anxiety about work deadlines and sleep',
      'work deadlines causing anxiety and poor sleep',
      'loneliness after moving to a new city',
      '',
    ]);
    const [a2] = await createOfflineEmbedder({ dim: 256, seed: 3 }).embed([
      'anxiety about work deadlines and sleep',
    ]);
    expect(Buffer.from(a.buffer).equals(Buffer.from(a2.buffer))).toBe(true);
    expect(dot(a, a)).toBeCloseTo(1, 5);
    expect(dot(a, b)).toBeGreaterThan(0.5);
    expect(dot(a, b)).toBeGreaterThan(dot(a, c) + 0.3);
    expect(empty.every((v) => v === 0)).toBe(true);
    const [other] = await createOfflineEmbedder({ dim: 256, seed: 4 }).embed([
      'anxiety about work deadlines and sleep',
    ]);
    expect(Buffer.from(a.buffer).equals(Buffer.from(other.buffer))).toBe(false);
  });
});

describe('embedding cache', () => {
  it('embeds each distinct text once, persists, and survives a torn tail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-emb-'));
    const file = join(dir, 'embeddings.bin');
    const inner = createOfflineEmbedder({ dim: 16, seed: 1 });
    const calls: string[][] = [];
    const counting = {
      id: inner.id,
      dim: inner.dim,
      embed: (t: string[]) => {
        calls.push(t);
        return inner.embed(t);
      },
    };
    const cache = EmbeddingCache.open(file);
    const e = withEmbeddingCache(counting, cache);
    const out = await e.embed(['sleep worries', 'exam stress', 'sleep worries']);
    expect(calls).toEqual([['sleep worries', 'exam stress']]);
    expect(Array.from(out[0])).toEqual(Array.from(out[2]));
    cache.close();
    const size = statSync(file).size;
    expect(size).toBe(2 * (36 + 16 * 4));
    appendFileSync(file, Buffer.alloc(20, 7)); // SIGKILL mid-record
    const cache2 = EmbeddingCache.open(file);
    expect(cache2.stats.loaded).toBe(2);
    expect(cache2.stats.truncatedBytes).toBe(20);
    const e2 = withEmbeddingCache(counting, cache2);
    const again = await e2.embed(['exam stress', 'new topic']);
    expect(calls[1]).toEqual(['new topic']);
    expect(Array.from(again[0])).toEqual(Array.from(out[1]));
    cache2.close();
    expect(statSync(file).size).toBe(3 * (36 + 16 * 4));
    // Another model id never reuses these vectors.
    expect(EmbeddingCache.key('m1', 'x')).not.toBe(EmbeddingCache.key('m2', 'x'));
    EmbeddingCache.open(file).purge();
  });
});

describe('OpenAI-compatible embedder', () => {
  let server: Server;
  let baseUrl = '';
  const seen: { inputs: string[]; format: unknown; auth: string | undefined }[] = [];
  let failNext = 0;

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let body = '';
      req.on('data', (c) => {
        body += c;
      });
      req.on('end', () => {
        if (req.method !== 'POST' || req.url !== '/v1/embeddings') {
          res.writeHead(404).end();
          return;
        }
        if (failNext > 0) {
          failNext--;
          res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0' });
          res.end(JSON.stringify({ error: { message: 'slow down', type: 'rate_limit' } }));
          return;
        }
        const parsed = JSON.parse(body) as { input: string[]; model: string; encoding_format?: string };
        seen.push({ inputs: parsed.input, format: parsed.encoding_format, auth: req.headers.authorization });
        // Answer out of order, to check the client sorts by index.
        const data = parsed.input
          .map((t, index) => ({ object: 'embedding', index, embedding: [t.length, index, 1] }))
          .reverse();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            object: 'list',
            data,
            model: parsed.model,
            usage: { prompt_tokens: 1, total_tokens: 1 },
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('batches, keeps order, asks for floats, and retries a 429', async () => {
    const e = createOpenAiEmbedder({
      baseUrl,
      model: 'tiny-embed',
      apiKey: 'k-test',
      batchSize: 2,
      concurrency: 1,
    });
    expect(e.id).toBe(`openai:${baseUrl}:tiny-embed`);
    failNext = 1;
    const out = await e.embed(['a', 'bb', 'ccc', 'dddd', 'eeeee']);
    expect(out.map((v) => Array.from(v))).toEqual([
      [1, 0, 1],
      [2, 1, 1],
      [3, 0, 1],
      [4, 1, 1],
      [5, 0, 1],
    ]);
    expect(seen.map((s) => s.inputs)).toEqual([['a', 'bb'], ['ccc', 'dddd'], ['eeeee']]);
    expect(seen.every((s) => s.format === 'float' && s.auth === 'Bearer k-test')).toBe(true);
    expect(e.dim).toBe(3);
  });

  it('fails with a clear message when the server keeps refusing', async () => {
    const e = createOpenAiEmbedder({ baseUrl, model: 'tiny-embed', apiKey: 'k', maxRetries: 1 });
    failNext = 5;
    await expect(e.embed(['x'])).rejects.toThrow(/429/);
    failNext = 0;
  });
});

describe('OpenAI-compatible embedder against the shared fake LLM server', () => {
  it('embeds in batches with the requested dimensions and feeds clusterTopics end to end', async () => {
    const server = await startFakeLlmServer({ apiKey: 'k-fake' });
    try {
      const embedder = createOpenAiEmbedder({
        baseUrl: `${server.url}/v1`,
        model: 'fake-embed',
        apiKey: 'k-fake',
        dimensions: 32,
        batchSize: 50,
      });
      const themes = ['anxiety about work deadlines', 'loneliness after moving', 'exam stress and grades'];
      const items = Array.from({ length: 120 }, (_, i) => ({
        conversationId: `c${i}`,
        userId: `u${i % 40}`,
        text: `${themes[i % 3]} ${i}`,
      }));
      const out = await clusterTopics(
        'counseling',
        items,
        { ...createOfflineClusterDeps(1), embedder },
        { thresholds: { minUsers: 5, minConversations: 10 } },
      );
      const embedCalls = server.calls.filter((c) => c.path === '/v1/embeddings');
      expect(embedCalls).toHaveLength(3);
      expect((embedCalls[0].body as { dimensions: number }).dimensions).toBe(32);
      expect(embedder.dim).toBe(32);
      expect(out.tree.total).toBe(120);
      expect(
        out.tree.topics.reduce((s, t) => s + t.conversations, 0) + out.tree.belowThreshold.conversations,
      ).toBe(120);
      // Identical concerns are embedded once (and clustered as one weighted point).
      const before = server.calls.length;
      const same = await clusterTopics(
        'counseling',
        items.map((it, i) => ({ ...it, text: themes[i % 3] })),
        { ...createOfflineClusterDeps(1), embedder },
        { thresholds: { minUsers: 5, minConversations: 10 } },
      );
      const again = server.calls.slice(before).filter((c) => c.path === '/v1/embeddings');
      expect(again).toHaveLength(1);
      expect((again[0].body as { input: string[] }).input).toHaveLength(3);
      expect(same.tree.topics.reduce((s, t) => s + t.conversations, 0)).toBe(120);
    } finally {
      await server.close();
    }
  });
});
