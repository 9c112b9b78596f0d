import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { startFakeLlmServer } from '../helpers/fakeLlmServer.js';
import { captureOutput } from '../helpers/io.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'formats', 'openai.jsonl');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('affectlens analyze (CLI)', () => {
  it('--help documents the flags and exits 0', async () => {
    const io = captureOutput();
    expect(await main(['node', 'affectlens', 'analyze', '--help'])).toBe(0);
    expect(io.out()).toMatch(/--engine <name>/);
    expect(io.out()).toMatch(/--sample <n>/);
  });

  it('writes the report folder for a small log and exits 0', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'al-cli-')), 'report');
    const io = captureOutput();
    expect(await main(['node', 'affectlens', 'analyze', fixture, '--out', out])).toBe(0);
    expect(io.out()).toMatch(/^read \d+: analysed \d+, excluded 0/m);
    for (const f of ['report.json', 'report.html', 'quarantine.jsonl'])
      expect(existsSync(join(out, f))).toBe(true);
  });

  it('runs an LLM engine from the command line, with its run store outside the report folder', async () => {
    const server = await startFakeLlmServer();
    try {
      const root = mkdtempSync(join(tmpdir(), 'al-cli-llm-'));
      const out = join(root, 'report');
      const store = join(root, 'store');
      const io = captureOutput();
      const code = await main([
        'node',
        'affectlens',
        'analyze',
        fixture,
        '--engine',
        'openai',
        '--base-url',
        `${server.url}/v1`,
        '--model',
        'gpt-4.1-mini',
        '--store',
        store,
        '--out',
        out,
      ]);
      expect(io.err()).not.toContain('affectlens:');
      expect(code).toBe(0);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
      expect(report.provenance.engine).toBe('openai');
      expect(report.provenance.model).toBe('gpt-4.1-mini');
      expect(report.provenance.tokenUsage.inputTokens).toBeGreaterThan(0);
      expect(report.provenance.costUSD).toBeGreaterThan(0); // priced from data/prices.json
      expect(existsSync(join(store, 'results.jsonl'))).toBe(true);
      expect(existsSync(join(out, 'results.jsonl'))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('exits 3 (after writing the report) when the engine fails on more than --max-error-rate', async () => {
    // Every answer is unusable, the repair too: every conversation ends as an engine error.
    const server = await startFakeLlmServer({ faultRate: 1, faultKinds: ['invalid'] });
    try {
      const root = mkdtempSync(join(tmpdir(), 'al-cli-errors-'));
      const args = (out: string, ...more: string[]) => [
        'node',
        'affectlens',
        'analyze',
        fixture,
        '--engine',
        'openai',
        '--base-url',
        `${server.url}/v1`,
        '--model',
        'gpt-4.1-mini',
        '--store',
        join(root, 'store'),
        '--out',
        join(root, out),
        ...more,
      ];
      const io = captureOutput();
      expect(await main(args('failed'))).toBe(3);
      expect(io.out()).toMatch(/^read 3: analysed 0, excluded 3 \(3 engine errors\)/m);
      expect(io.err()).toContain(
        'affectlens: error: the facet engine failed on 3 of 3 conversations (100.0%), more than --max-error-rate 0.5 allows; the report was written',
      );
      expect(existsSync(join(root, 'failed', 'report.json'))).toBe(true);
      // A threshold the run stays within: exit 0.
      expect(await main(args('tolerated', '--max-error-rate', '1'))).toBe(0);
      expect(await main(args('bad-rate', '--max-error-rate', '1.5'))).toBe(2);
    } finally {
      await server.close();
    }
  });

  it('a wrong --format exits 1 with one line naming the file and the format it looks like', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'al-cli-')), 'report');
    const io = captureOutput();
    expect(await main(['node', 'affectlens', 'analyze', fixture, '--format', 'sharegpt', '--out', out])).toBe(
      1,
    );
    const lines = io.err().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^affectlens: .*openai\.jsonl: \d+ of \d+ records look like OpenAI chat JSONL, not ShareGPT; run with --format openai/,
    );
    expect(existsSync(join(out, 'report.json'))).toBe(false);
    // --keep-going writes the (empty) report as before.
    const io2 = captureOutput();
    expect(
      await main([
        'node',
        'affectlens',
        'analyze',
        fixture,
        '--format',
        'sharegpt',
        '--keep-going',
        '--out',
        out,
      ]),
    ).toBe(0);
    expect(io2.out()).toMatch(/analysed 0, .*quarantined \d+/);
  });

  it('a missing input exits 1 with one line naming it', async () => {
    const io = captureOutput();
    expect(await main(['node', 'affectlens', 'analyze', 'no-such-file.jsonl', '--out', tmpdir()])).toBe(1);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toContain('no-such-file.jsonl');
  });

  it('bad flag values are usage errors (exit 2)', async () => {
    captureOutput();
    expect(await main(['node', 'affectlens', 'analyze', fixture, '--engine', 'bogus'])).toBe(2);
    expect(await main(['node', 'affectlens', 'analyze', fixture, '--limit', '0'])).toBe(2);
    expect(await main(['node', 'affectlens', 'analyze'])).toBe(2);
  });
});
