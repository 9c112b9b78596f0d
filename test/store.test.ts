import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resultKey } from '../src/facets/resultKey.js';
import { errorFacets, type Facets } from '../src/facets/schema.js';
import { RunStore } from '../src/store/runStore.js';

const okFacets: Facets = { ...errorFacets(1, ''), status: { kind: 'ok' }, language: 'en' };
const rec = (f: Facets) => ({
  facets: f,
  usage: { inputTokens: 1, outputTokens: 2 },
  engine: 'offline',
  model: 'm',
  promptVersion: 'v1',
});

describe('RunStore', () => {
  it('persists results, never errors, and survives a torn last line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-store-'));
    const file = join(dir, 'results.jsonl');
    const s = RunStore.open(file);
    s.put('a', rec(okFacets));
    s.put('b', rec(errorFacets(1, 'timeout')));
    s.put('a', rec(okFacets));
    s.close();
    expect(readFileSync(file, 'utf8').trim().split('\n')).toHaveLength(1);
    appendFileSync(file, '{"k":"c","r":{"fac'); // SIGKILL mid-write
    const s2 = RunStore.open(file);
    expect(s2.has('a')).toBe(true);
    expect(s2.has('b')).toBe(false);
    expect(s2.has('c')).toBe(false);
    expect(s2.stats.skippedLines).toBe(1);
    s2.put('d', rec(okFacets));
    s2.close();
    const s3 = RunStore.open(file);
    expect(s3.size).toBe(2);
    expect(s3.stats.skippedLines).toBe(0);
    s3.purge();
  });

  it('loads a store larger than its 4 MB read chunk, lines straddling chunk boundaries', () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-store-big-'));
    const file = join(dir, 'results.jsonl');
    const s = RunStore.open(file);
    const n = 20_000;
    for (let i = 0; i < n; i++)
      s.put(`key-${i}`, rec({ ...okFacets, concern: `concern ${i} ${'x'.repeat(i % 300)}` }));
    s.close();
    const again = RunStore.open(file);
    expect(again.size).toBe(n);
    expect(again.stats.skippedLines).toBe(0);
    expect(again.get('key-12345')?.facets.concern).toBe(`concern 12345 ${'x'.repeat(12345 % 300)}`);
    again.close();
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
