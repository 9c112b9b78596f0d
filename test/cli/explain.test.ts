import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type FakeLlmServer, startFakeLlmServer } from '../helpers/fakeLlmServer.js';
import { captureOutput } from '../helpers/io.js';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'formats', 'openai.jsonl');

let server: FakeLlmServer;
beforeAll(async () => {
  server = await startFakeLlmServer();
});
afterAll(async () => {
  await server?.close();
});
afterEach(() => vi.restoreAllMocks());

const run = (...args: string[]) => main(['node', 'affectlens', ...args]);

describe('affectlens explain', () => {
  it('--help documents --id and the engines', async () => {
    const io = captureOutput();
    expect(await run('explain', '--help')).toBe(0);
    expect(io.out()).toContain('Usage: affectlens explain');
    expect(io.out()).toMatch(/--id <id>/);
  });

  it('offline: recomputes one conversation and prints the same decision the export holds, with its evidence', async () => {
    const root = mkdtempSync(join(tmpdir(), 'al-explain-'));
    const decisions = join(root, 'decisions.jsonl');
    captureOutput();
    expect(
      await run(
        'analyze',
        fixture,
        '--out',
        join(root, 'r'),
        '--workers',
        '0',
        '--export-decisions',
        decisions,
      ),
    ).toBe(0);
    const row = readFileSync(decisions, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((r) => r.id === 'conv-b');
    vi.restoreAllMocks();

    let io = captureOutput();
    expect(await run('explain', fixture, '--id', 'conv-b', '--json')).toBe(0);
    const x = JSON.parse(io.out());
    expect(x.conversation).toMatchObject({ id: 'conv-b', userId: 'user-2', source: { position: 2 } });
    expect(x.answeredFrom).toBe('engine');
    expect(x.facets.categories).toEqual(row.categories);
    expect(x.facets.pushback).toBe(row.pushback);
    expect(x.facets.sentiment).toEqual(row.sentiment);
    expect(x.evidence).toMatchObject({ promptVersion: row.prompt_version });
    // The cues are the rules' own names and numbers, ending with the categories they decided.
    expect(x.evidence.cues).toContain(
      `categories: ${row.categories.length > 0 ? row.categories.join(', ') : 'none'}`,
    );
    expect(x.evidence.cues.some((c: string) => c.startsWith('content head: '))).toBe(true);
    expect(x.evidence.note).toBeUndefined();
    vi.restoreAllMocks();

    io = captureOutput();
    expect(await run('explain', fixture, '--id', 'conv-b')).toBe(0);
    expect(io.out()).toMatch(/^conversation conv-b \(.*openai\.jsonl line 2\), user user-2/);
    expect(io.out()).toMatch(/engine: offline .*recomputed now/);
    expect(io.out()).toMatch(/cues that fired:\n {4}\S/);
    expect(io.out()).toMatch(/\n {4}content rule: /);
    expect(io.out()).not.toMatch(/note:/);
  });

  it('an LLM engine reads the answer back from the run store: explaining does not pay again', async () => {
    const root = mkdtempSync(join(tmpdir(), 'al-explain-llm-'));
    const llm = ['--engine', 'openai', '--base-url', `${server.url}/v1`, '--model', 'gpt-4.1-mini'];
    const store = join(root, 'store');
    captureOutput();
    expect(await run('analyze', fixture, ...llm, '--store', store, '--out', join(root, 'r'))).toBe(0);
    vi.restoreAllMocks();
    const paid = server.paidCalls();

    let io = captureOutput();
    expect(await run('explain', fixture, '--id', 'conv-a', ...llm, '--store', store, '--json')).toBe(0);
    const x = JSON.parse(io.out());
    expect(server.paidCalls()).toBe(paid);
    expect(x.answeredFrom).toBe('store');
    expect(x.engine).toMatchObject({ name: 'openai', model: 'gpt-4.1-mini' });
    expect(x.evidence.promptVersion).toBe(x.engine.promptVersion);
    expect(x.evidence.answer).toMatchObject({ categories: x.facets.categories, concern: x.facets.concern });
    expect(x.evidence.note).toMatch(/prompt set .* \(hash [0-9a-f]{12}\)/);
    vi.restoreAllMocks();

    // Another store: the answer is not there, so it is asked once (and kept).
    const other = join(root, 'other-store');
    io = captureOutput();
    expect(await run('explain', fixture, '--id', 'conv-a', ...llm, '--store', other)).toBe(0);
    expect(server.paidCalls()).toBe(paid + 1);
    expect(io.out()).toMatch(/answered now by the engine \(stored in .*other-store/);
    expect(io.out()).toMatch(/answer as parsed: \{"contentCreation":/);
    vi.restoreAllMocks();
    io = captureOutput();
    expect(await run('explain', fixture, '--id', 'conv-a', ...llm, '--store', other)).toBe(0);
    expect(server.paidCalls()).toBe(paid + 1);
    expect(io.out()).toMatch(/read back from the run store/);
  });

  it('an unknown id fails (exit 1) with one line naming it; no --id is a usage error (exit 2)', async () => {
    const io = captureOutput();
    expect(await run('explain', fixture, '--id', 'conv-zz')).toBe(1);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toMatch(/openai\.jsonl: no conversation with id "conv-zz"/);
    expect(await run('explain', fixture)).toBe(2);
    expect(io.err()).toMatch(/--id <id>/);
    expect(await run('explain', 'no-such-file.jsonl', '--id', 'x')).toBe(1);
    expect(io.err()).toContain('no-such-file.jsonl');
  });
});
