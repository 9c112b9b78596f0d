import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../helpers/io.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'formats', 'openai.jsonl');

afterEach(() => vi.restoreAllMocks());

describe('affectlens analyze --export-decisions (CLI)', () => {
  it('writes one decision per analysed conversation outside the report folder, with a warning on stderr', async () => {
    const root = mkdtempSync(join(tmpdir(), 'al-cli-decisions-'));
    const file = join(root, 'decisions.jsonl');
    const io = captureOutput();
    const code = await main([
      'node',
      'affectlens',
      'analyze',
      fixture,
      '--out',
      join(root, 'report'),
      '--workers',
      '0',
      '--export-decisions',
      file,
    ]);
    expect(code).toBe(0);
    const analysed = Number(/analysed (\d+)/.exec(io.out())?.[1]);
    const rows = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(analysed);
    expect(rows[0]).toHaveProperty('evidence');
    expect(io.err()).toMatch(/warning: .*decisions\.jsonl holds per-conversation data/);
  });

  it('a file inside --out, or not .jsonl/.parquet, is a usage error (exit 2) naming the flag, before any work', async () => {
    const root = mkdtempSync(join(tmpdir(), 'al-cli-decisions-'));
    const out = join(root, 'report');
    const io = captureOutput();
    const inside = ['analyze', fixture, '--out', out, '--export-decisions', join(out, 'd.jsonl')];
    expect(await main(['node', 'affectlens', ...inside])).toBe(2);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toMatch(/--export-decisions .*inside the report folder/);
    expect(existsSync(out)).toBe(false);
    const csv = ['analyze', fixture, '--out', out, '--export-decisions', join(root, 'd.csv')];
    expect(await main(['node', 'affectlens', ...csv])).toBe(2);
    expect(io.err()).toMatch(/--export-decisions .*d\.csv: the file name must end in \.jsonl or \.parquet/);
  });
});
