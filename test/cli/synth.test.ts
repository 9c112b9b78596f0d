import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../helpers/io.js';

const dir = mkdtempSync(join(tmpdir(), 'affectlens-synth-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const run = (...args: string[]) => main(['node', 'affectlens', 'synth', ...args]);

describe('affectlens synth', () => {
  it('writes the corpus and its truth sidecar, reproducibly', async () => {
    const { out } = captureOutput();
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    expect(
      await run('--n', '40', '--seed', '3', '--out', a, '--affective-share', '0.5', '--canary-share', '0.3'),
    ).toBe(0);
    expect(
      await run('--n', '40', '--seed', '3', '--out', b, '--affective-share', '0.5', '--canary-share', '0.3'),
    ).toBe(0);
    expect(out()).toMatch(/wrote 40 conversations .* to .*a\.jsonl; ground truth in .*a\.truth\.jsonl/);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const lines = readFileSync(a, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(40);
    const truth = readFileSync(join(dir, 'a.truth.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(truth.filter((t) => t.categories.length > 0).length).toBeGreaterThan(10);
    expect(truth.some((t) => t.canaries.length > 0)).toBe(true);
  });

  it('writes a note beside the corpus saying it is synthetic and how it was mixed', async () => {
    const { out } = captureOutput();
    const file = join(dir, 'mixed.jsonl');
    expect(await run('--n', '20', '--seed', '5', '--out', file, '--affective-share', '0.3')).toBe(0);
    expect(out()).toContain(`about it: ${file}.about.txt`);
    const note = readFileSync(`${file}.about.txt`, 'utf8');
    expect(note).toMatch(
      /^Synthetic: 20 invented conversations written by affectlens synth \(seed 5\), not real traffic\./,
    );
    expect(note).toContain("30% are affective by design (about 3% in the study's real traffic)");
    // The default mix is the study's, and says so.
    const plain = join(dir, 'plain.jsonl');
    expect(await run('--n', '10', '--out', plain)).toBe(0);
    expect(readFileSync(`${plain}.about.txt`, 'utf8')).toContain(
      '3% of its conversations are affective, about the share the study found in real traffic',
    );
  });

  it('takes --format, --users, --chinese-share and --start-date', async () => {
    captureOutput();
    const file = join(dir, 'c.json');
    const code = await run(
      '--n',
      '30',
      '--out',
      file,
      '--format',
      'claude',
      '--users',
      '3',
      '--chinese-share',
      '1',
      '--start-date',
      '2024-06-01',
    );
    expect(code).toBe(0);
    const rows = JSON.parse(readFileSync(file, 'utf8')) as {
      account: { uuid: string };
      created_at: string;
    }[];
    expect(new Set(rows.map((r) => r.account.uuid)).size).toBeLessThanOrEqual(3);
    expect(rows.every((r) => r.created_at.startsWith('2024-'))).toBe(true);
    const truth = readFileSync(join(dir, 'c.truth.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(truth.filter((t) => t.language === 'zh').length).toBeGreaterThan(20);
  });

  it.each([
    [['--n', '5', '--out', 'x.jsonl', '--affective-share', '2']],
    [['--n', 'many', '--out', 'x.jsonl']],
    [['--n', '5', '--out', 'x.jsonl', '--format', 'xml']],
    [['--n', '5']],
    [['--n', '5', '--out', 'x.jsonl', '--affective-share', '0.9', '--content-share', '0.2']],
    [['--n', '5', '--out', 'x.jsonl', '--start-date', 'tomorrow']],
    [['--n', '5', '--out', 'x.jsonl', '--users', '0']],
  ])('rejects bad usage %j with exit code 2', async (args) => {
    const { err } = captureOutput();
    expect(await run(...args)).toBe(2);
    expect(err()).not.toBe('');
    expect(existsSync('x.jsonl')).toBe(false);
  });

  it('prints help', async () => {
    const { out } = captureOutput();
    expect(await run('--help')).toBe(0);
    expect(out()).toContain('--canary-share');
  });
});
