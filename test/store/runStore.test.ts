import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FacetEngine } from '../../src/facets/engine.js';
import { resultKey } from '../../src/facets/resultKey.js';
import { errorFacets, type Facets } from '../../src/facets/schema.js';
import { AskedKeys, extractFacetsWithStore, openResultStore } from '../../src/pipeline/extract.js';

const okFacets: Facets = { ...errorFacets(1, ''), status: { kind: 'ok' }, language: 'en' };
const rec = (f: Facets) => ({
  facets: f,
  usage: { inputTokens: 1, outputTokens: 2 },
  engine: 'offline',
  model: 'm',
  promptVersion: 'v1',
});

describe('RunStore', () => {
  it('persists results once each and survives a torn last line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-store-'));
    const file = join(dir, 'results.jsonl');
    const s = openResultStore(file);
    s.put('a', rec(okFacets));
    s.put('a', rec(okFacets));
    s.close();
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    appendFileSync(file, '{"k":"c","r":{"fac'); // SIGKILL mid-write
    const s2 = openResultStore(file);
    expect(s2.has('a')).toBe(true);
    expect(s2.has('b')).toBe(false);
    expect(s2.has('c')).toBe(false);
    expect(s2.stats.skippedLines).toBe(1);
    s2.put('d', rec(okFacets));
    s2.close();
    const s3 = openResultStore(file);
    expect(s3.size).toBe(2);
    expect(s3.stats.skippedLines).toBe(0);
    s3.purge();
  });

  it('skips a stored line that parses but has the wrong shape, counts it, and asks that conversation again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-store-shape-'));
    const file = join(dir, 'results.jsonl');
    const engine = countingEngine();
    const conv = {
      id: 'c1',
      messages: [{ role: 'user' as const, content: 'hello' }],
      source: SOURCE,
      metadata: {},
    };
    const key = resultKey(conv, engine);
    appendFileSync(
      file,
      [
        JSON.stringify({ k: key, r: { facets: { categories: 'not a list' } } }),
        JSON.stringify({ k: 'other', r: null }),
        JSON.stringify({ k: 'failed', r: rec(errorFacets(1, 'timeout')) }),
        '',
      ].join('\n'),
    );
    const store = openResultStore(file);
    expect(store.stats).toMatchObject({ loaded: 0, invalidResults: 3, skippedLines: 0 });
    const out = await extractFacetsWithStore([conv], engine, store);
    expect(out).toMatchObject({ reused: 0, computed: 1 });
    expect(engine.calls).toBe(1);
    store.close();
    expect(openResultStore(file).get(key)?.facets.status.kind).toBe('ok');
  });

  it('never stores a failed answer, so a rerun asks again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-store-err-'));
    const file = join(dir, 'results.jsonl');
    const engine = countingEngine('error');
    const conv = {
      id: 'c1',
      messages: [{ role: 'user' as const, content: 'hi' }],
      source: SOURCE,
      metadata: {},
    };
    const store = openResultStore(file);
    await extractFacetsWithStore([conv], engine, store);
    store.close();
    expect(openResultStore(file).size).toBe(0);
  });

  it('loads a store larger than its 4 MB read chunk, lines straddling chunk boundaries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-store-big-'));
    const file = join(dir, 'results.jsonl');
    const s = openResultStore(file);
    const n = 20_000;
    for (let i = 0; i < n; i++)
      s.put(`key-${i}`, rec({ ...okFacets, concern: `concern ${i} ${'x'.repeat(i % 300)}` }));
    s.close();
    const again = openResultStore(file);
    expect(again.size).toBe(n);
    expect(again.stats.skippedLines).toBe(0);
    expect(again.get('key-12345')?.facets.concern).toBe(`concern 12345 ${'x'.repeat(12345 % 300)}`);
    again.close();
  });

  it('stores each answer the moment the engine reports it, not when its batch ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-store-now-'));
    const file = join(dir, 'results.jsonl');
    const convs = ['one', 'two', 'three'].map((content, i) => ({
      id: `c${i}`,
      messages: [{ role: 'user' as const, content }],
      source: SOURCE,
      metadata: {},
    }));
    const seenOnDisk: number[] = [];
    // An engine that answers one by one, and dies (like a kill) before the batch is done.
    const engine: FacetEngine = {
      ...countingEngine(),
      async extractFacets(batch, onResult) {
        for (let i = 0; i < 2; i++) {
          onResult?.(i, { facets: okFacets, usage: { inputTokens: 1, outputTokens: 1 } });
          seenOnDisk.push(readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).length);
        }
        throw new Error(`killed with ${batch.length - 2} answer(s) in flight`);
      },
    };
    const store = openResultStore(file);
    await expect(extractFacetsWithStore(convs, engine, store)).rejects.toThrow('killed');
    // Written before the next answer was awaited (a kill -9 right then keeps it).
    expect(seenOnDisk).toEqual([1, 2]);
    const again = openResultStore(file);
    expect(again.size).toBe(2);
    again.close();
  });

  it('content being asked in another batch in flight is waited for, not paid for again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-store-inflight-'));
    const store = openResultStore(join(dir, 'results.jsonl'));
    const engine = countingEngine();
    const slow = { ...engine, calls: 0 } as FacetEngine & { calls: number };
    slow.extractFacets = async (convs) => {
      slow.calls += convs.length;
      await new Promise((r) => setTimeout(r, 30));
      return convs.map(() => ({ facets: okFacets, usage: { inputTokens: 1, outputTokens: 1 } }));
    };
    const conv = (id: string, content: string) => ({
      id,
      messages: [{ role: 'user' as const, content }],
      source: SOURCE,
      metadata: {},
    });
    const asked = new AskedKeys();
    const [a, b] = await Promise.all([
      extractFacetsWithStore([conv('a1', 'same'), conv('a2', 'only a')], slow, store, asked),
      extractFacetsWithStore([conv('b1', 'same'), conv('b2', 'only b')], slow, store, asked),
    ]);
    expect(slow.calls).toBe(3);
    expect(a.results[0].facets).toEqual(b.results[0].facets);
    expect(b.results[0].usage).toMatchObject({ inputTokens: 0, outputTokens: 0 });
    store.close();
  });

  it('keys on content, prompt version, model and parameters, not on ids', () => {
    const parts = { name: 'openai' as const, model: 'm', promptVersion: 'v1', parameters: { t: 0, a: 1 } };
    const m = [{ role: 'user' as const, content: 'hi' }];
    const k = resultKey({ messages: m }, parts);
    expect(resultKey({ messages: [...m] }, { ...parts, parameters: { a: 1, t: 0 } })).toBe(k);
    expect(resultKey({ messages: m }, { ...parts, promptVersion: 'v2' })).not.toBe(k);
    expect(resultKey({ messages: m }, { ...parts, model: 'n' })).not.toBe(k);
    expect(resultKey({ messages: [{ role: 'user', content: 'hi!' }] }, parts)).not.toBe(k);
  });
});

const SOURCE = { file: 't.jsonl', unit: 'line' as const, position: 1 };

function countingEngine(kind: 'ok' | 'error' = 'ok'): FacetEngine & { calls: number } {
  const engine = {
    name: 'openai' as const,
    model: 'm',
    promptVersion: 'v1',
    parameters: {},
    batchSize: 8,
    storesResults: true,
    costOf: () => null,
    calls: 0,
    async extractFacets(convs: readonly unknown[]) {
      engine.calls += convs.length;
      return convs.map(() => ({
        facets: kind === 'ok' ? okFacets : errorFacets(1, 'timeout'),
        usage: { inputTokens: 0, outputTokens: 0 },
      }));
    },
  };
  return engine;
}
