import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../helpers/io.js';

afterEach(() => vi.restoreAllMocks());

// The queue itself runs against a real redis-server in test/shard/queue.test.ts.
describe('affectlens submit / worker (CLI)', () => {
  it('names a missing input before anything is queued (exit 1), and --shards must be >= 1 (exit 2)', async () => {
    const io = captureOutput();
    expect(
      await main([
        'node',
        'affectlens',
        'submit',
        '/nonexistent/logs.jsonl',
        '--redis',
        'redis://127.0.0.1:1',
        '--shards',
        '2',
      ]),
    ).toBe(1);
    expect(io.err()).toContain('/nonexistent/logs.jsonl: no such file');
    expect(
      await main([
        'node',
        'affectlens',
        'submit',
        'x.jsonl',
        '--redis',
        'redis://127.0.0.1:1',
        '--shards',
        '0',
      ]),
    ).toBe(2);
    expect(await main(['node', 'affectlens', 'worker'])).toBe(2);
  });

  it('a URL that is not redis:// is one line naming it (exit 1)', async () => {
    const io = captureOutput();
    expect(await main(['node', 'affectlens', 'worker', '--redis', 'http://127.0.0.1:6379'])).toBe(1);
    expect(io.err().trim()).toBe(
      'affectlens: error: cannot reach Redis at http://127.0.0.1:6379: not a redis:// or rediss:// URL',
    );
  });
});
