import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../helpers/io.js';

afterEach(() => vi.restoreAllMocks());

describe('every command documents itself', () => {
  for (const command of [
    'analyze',
    'inspect',
    'validate',
    'synth',
    'estimate',
    'serve',
    'explain',
    'label',
    'merge',
    'submit',
    'worker',
  ]) {
    it(`affectlens ${command} --help exits 0 with its usage`, async () => {
      const io = captureOutput();
      expect(await main(['node', 'affectlens', command, '--help'])).toBe(0);
      expect(io.out()).toContain(`Usage: affectlens ${command}`);
    });
  }

  it('an unknown command or flag is a usage error (exit 2)', async () => {
    const io = captureOutput();
    expect(await main(['node', 'affectlens', 'frobnicate'])).toBe(2);
    expect(await main(['node', 'affectlens', 'inspect', 'x.jsonl', '--no-such-flag'])).toBe(2);
    expect(io.err()).toMatch(/unknown/);
  });

  it('--threads is documented for the local engine and refuses a bad count (exit 2)', async () => {
    const io = captureOutput();
    expect(await main(['node', 'affectlens', 'analyze', '--help'])).toBe(0);
    expect(io.out()).toMatch(/--threads <n>\s+CPU threads for --engine local/);
    const args = ['analyze', 'x.jsonl', '--engine', 'local', '--model', 'm.gguf', '--threads', '0'];
    expect(await main(['node', 'affectlens', ...args])).toBe(2);
    expect(io.err()).toContain('--threads takes a whole number >= 1');
  });
});
