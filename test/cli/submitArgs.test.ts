/**
 * What `affectlens submit` hands the jobs and the merge: every analyze flag given goes to the shards,
 * and the flags the merge needs (engine, model, the report's language …) go to the merge too.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubmitOptions } from '../../src/shard/queue.js';

const submitted: SubmitOptions[] = [];
vi.mock('../../src/shard/queue.js', async (original) => ({
  ...(await original<typeof import('../../src/shard/queue.js')>()),
  submitShards: async (o: SubmitOptions) => {
    submitted.push(o);
    return { run: 'r1', jobs: o.shards, partsDir: '/tmp/parts' };
  },
}));

const { main } = await import('../../src/cli/main.js');
const { captureOutput } = await import('../helpers/io.js');

afterEach(() => vi.restoreAllMocks());

describe('affectlens submit: flags for the shards and for the merge', () => {
  it('passes --report-lang to the merge, so a queued run writes its report in that language', async () => {
    captureOutput();
    const code = await main([
      'node',
      'affectlens',
      'submit',
      '/logs/a.jsonl',
      '--redis',
      'redis://127.0.0.1:6379',
      '--shards',
      '2',
      '--report-lang',
      'zh',
      '--seed',
      '7',
    ]);
    expect(code).toBe(0);
    const o = submitted.at(-1)!;
    expect(o.args).toEqual(expect.arrayContaining(['--report-lang', 'zh', '--seed', '7']));
    expect(o.mergeArgs).toEqual(expect.arrayContaining(['--report-lang', 'zh']));
    expect(o.mergeArgs).not.toContain('--seed');
  });
});
