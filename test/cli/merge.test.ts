import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
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
});
