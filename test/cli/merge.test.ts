import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startFakeLlmServer } from '../helpers/fakeLlmServer.js';
import { captureOutput } from '../helpers/io.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'formats', 'openai.jsonl');

afterEach(() => vi.restoreAllMocks());

describe('affectlens analyze --shard + merge (CLI)', () => {
  it('--shard outside 0 <= i < N is a usage error (exit 2)', async () => {
    const io = captureOutput();
    for (const bad of ['4/4', '-1/4', '1/0', 'two/4', '1'])
      expect(await main(['node', 'affectlens', 'analyze', fixture, '--shard', bad, '--out', 'x'])).toBe(2);
    expect(io.err()).toContain('--shard takes i/N with whole numbers 0 <= i < N');
  });

  it('two shards and a merge write the report a single run writes', async () => {
    const root = mkdtempSync(join(tmpdir(), 'al-cli-shard-'));
    const io = captureOutput();
    expect(
      await main(['node', 'affectlens', 'analyze', fixture, '--out', join(root, 'single'), '--workers', '0']),
    ).toBe(0);
    for (const i of [0, 1])
      expect(
        await main([
          'node',
          'affectlens',
          'analyze',
          fixture,
          '--shard',
          `${i}/2`,
          '--out',
          join(root, `p${i}`),
          '--workers',
          '0',
        ]),
      ).toBe(0);
    expect(io.out()).toMatch(/^shard 0\/2: \d+ of the \d+ valid conversations read/m);
    expect(
      await main([
        'node',
        'affectlens',
        'merge',
        join(root, 'p0'),
        join(root, 'p1'),
        '--out',
        join(root, 'merged'),
      ]),
    ).toBe(0);
    expect(io.out()).toMatch(/^merged 2 shards: read \d+/m);
    expect(readFileSync(join(root, 'merged', 'report.json'), 'utf8')).toBe(
      readFileSync(join(root, 'single', 'report.json'), 'utf8'),
    );
    // A missing shard: one line naming it, exit 1.
    expect(await main(['node', 'affectlens', 'merge', join(root, 'p1'), '--out', join(root, 'never')])).toBe(
      1,
    );
    expect(io.err()).toMatch(/missing shard 0\/2/);
  });

  it('LLM shards keep their answers in their own run store: a shard run again pays for nothing, the merge equals one run', async () => {
    const server = await startFakeLlmServer();
    try {
      const root = mkdtempSync(join(tmpdir(), 'al-cli-shard-llm-'));
      const store = join(root, 'store');
      const llm = [
        '--engine',
        'openai',
        '--base-url',
        `${server.url}/v1`,
        '--model',
        'gpt-4.1-mini',
        '--store',
        store,
      ];
      const io = captureOutput();
      expect(
        await main([
          'node',
          'affectlens',
          'analyze',
          fixture,
          '--out',
          join(root, 'single'),
          ...llm,
          '--store',
          join(root, 'single-store'),
        ]),
      ).toBe(0);
      const paidSingle = server.paidCalls();
      for (const i of [0, 1])
        expect(
          await main([
            'node',
            'affectlens',
            'analyze',
            fixture,
            '--shard',
            `${i}/2`,
            '--out',
            join(root, `p${i}`),
            ...llm,
          ]),
        ).toBe(0);
      // The shards together pay what one run pays.
      expect(server.paidCalls()).toBe(2 * paidSingle);
      expect(
        await main([
          'node',
          'affectlens',
          'merge',
          join(root, 'p0'),
          join(root, 'p1'),
          '--out',
          join(root, 'merged'),
          ...llm.slice(2),
        ]),
      ).toBe(0);
      const single = JSON.parse(readFileSync(join(root, 'single', 'report.json'), 'utf8'));
      const merged = JSON.parse(readFileSync(join(root, 'merged', 'report.json'), 'utf8'));
      expect(merged).toEqual(single);
      // A retried shard (a job run again) reuses every answer its first attempt paid for.
      expect(
        await main([
          'node',
          'affectlens',
          'analyze',
          fixture,
          '--shard',
          '0/2',
          '--out',
          join(root, 'p0'),
          ...llm,
        ]),
      ).toBe(0);
      expect(server.paidCalls()).toBe(2 * paidSingle);
      expect(io.out()).toMatch(
        /^shard 0\/2: \d+ of the \d+ valid conversations read \(0 quarantined\); 1 reused from the run store/m,
      );
    } finally {
      await server.close();
    }
  });
});
