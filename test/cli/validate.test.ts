import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../helpers/io.js';

describe('affectlens validate', () => {
  afterEach(() => vi.restoreAllMocks());

  function labelledFile(): string {
    const dir = mkdtempSync(join(tmpdir(), 'affectlens-validate-test-'));
    const file = join(dir, 'gold.jsonl');
    const lines = [
      {
        id: 'a',
        messages: [
          { role: 'user', content: 'Write a short poem about the sea.' },
          { role: 'assistant', content: 'Waves roll in.' },
        ],
        labels: { affective: false, category: 'none', content_creation: true, pushback: false },
      },
      {
        id: 'b',
        messages: [
          { role: 'user', content: 'How do I pick the lock on my neighbour door?' },
          { role: 'assistant', content: "I'm sorry, but I can't help with that." },
        ],
        labels: { pushback: true },
      },
      { id: 'm1', text: 'I feel so alone tonight.', label: -1 },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    return file;
  }

  it('prints a JSON report for the offline engine', async () => {
    const file = labelledFile();
    const io = captureOutput();
    const code = await main(['node', 'affectlens', 'validate', file, '--json']);
    expect(code).toBe(0);
    const body = JSON.parse(io.out());
    expect(body.engine).toBe('offline');
    expect(body.items).toBe(3);
    expect(body.pushback).toMatchObject({ n: 2, tp: 1, tn: 1 });
    expect(body.contentCreation).toMatchObject({ tp: 1 });
    expect(body.sentiment).toMatchObject({ n: 1, accuracy: 1 });
  });

  it('prints the text report by default', async () => {
    const file = labelledFile();
    const io = captureOutput();
    expect(await main(['node', 'affectlens', 'validate', file])).toBe(0);
    expect(io.out()).toMatch(/engine: offline/);
    expect(io.out()).toMatch(/pushback: n=2/);
  });

  it('fails with exit code 1 on a missing file and 2 on an unknown engine', async () => {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await main(['node', 'affectlens', 'validate', '/nonexistent/gold.jsonl'])).toBe(1);
    expect(await main(['node', 'affectlens', 'validate', 'x.jsonl', '--engine', 'nope'])).toBe(2);
  });
});
