/** `affectlens serve` refuses a folder it could only answer 404s for. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../helpers/io.js';

afterEach(() => vi.restoreAllMocks());

describe('affectlens serve (a folder without a report)', () => {
  it('refuses with one line naming the folder, before listening', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'al-serve-cli-')), 'empty');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'not a report');
    const io = captureOutput();
    expect(await main(['node', 'affectlens', 'serve', dir, '--port', '0'])).toBe(1);
    expect(io.err()).toBe(
      `affectlens: ${dir}: no report.html in this folder; serve the folder that \`affectlens analyze --out\` wrote\n`,
    );
    expect(io.out()).toBe('');
  });
});
