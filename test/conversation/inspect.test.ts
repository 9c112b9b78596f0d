import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { inspectInputs } from '../../src/conversation/inspect.js';
import { captureOutput } from '../helpers/io.js';

const DIR = 'test/fixtures/formats';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'affectlens-inspect-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureOutput();
  const code = await main(['node', 'affectlens', 'inspect', ...args]);
  vi.restoreAllMocks();
  return { code, out: io.out(), err: io.err() };
}

// The three fixture conversations: 2 + 1 + 3 human messages, 4 + 2 + 6 turns, plus a system
// message each where the format keeps one; users differ where the format has no user id.
const EXPECTED = [
  ['openai.jsonl', 'openai', 2, 15],
  ['sharegpt.json', 'sharegpt', 3, 15],
  ['wildchat.jsonl', 'wildchat', 2, 15],
  ['claude.json', 'claude', 2, 12],
  ['chatgpt.json', 'chatgpt', 3, 12],
  ['labelled.jsonl', 'labelled', 2, 15],
] as const;

describe('affectlens inspect', () => {
  it.each(EXPECTED)('%s: --json has the right counts', async (name, format, users, messages) => {
    const { code, out } = await run(`${DIR}/${name}`, '--json');
    expect(code).toBe(0);
    const summary = JSON.parse(out);
    expect(summary).toMatchObject({
      format,
      conversations: 3,
      users,
      messages,
      humanMessages: 6,
      quarantined: 0,
      humanMessageHistogram: { '1': 1, '2': 1, '3-5': 1, '6-9': 0, '10-19': 0, '20-49': 0, '50+': 0 },
      files: [{ file: `${DIR}/${name}`, format, conversations: 3, quarantined: 0 }],
    });
  });

  it.each(EXPECTED)('%s: the table shows the same counts', async (name, format, users, messages) => {
    const { code, out } = await run(`${DIR}/${name}`);
    expect(code).toBe(0);
    expect(out).toMatch(new RegExp(`^Format +${format}$`, 'm'));
    expect(out).toMatch(/^Conversations +3$/m);
    expect(out).toMatch(new RegExp(`^Users +${users}\\b`, 'm'));
    expect(out).toMatch(new RegExp(`^Messages +${messages} \\(6 from the user\\)$`, 'm'));
    expect(out).toMatch(/^Quarantined +0$/m);
    expect(out).not.toContain('freezing up');
  });

  it('sums several files and globs, reports mixed formats and quarantine reasons', async () => {
    const bad = join(tmp, 'bad.jsonl');
    writeFileSync(
      bad,
      `${JSON.stringify({ messages: [{ role: 'user', content: 'hello' }], user: 'user-9' })}\nnot json\n{"messages": []}\n`,
    );
    const { code, out } = await run(`${DIR}/*.json`, bad, '--json');
    expect(code).toBe(0);
    const s = JSON.parse(out);
    expect(s.format).toBe('mixed');
    expect(s.files.map((f: { file: string }) => f.file)).toEqual([
      bad,
      `${DIR}/chatgpt.json`,
      `${DIR}/claude.json`,
      `${DIR}/sharegpt.json`,
    ]);
    expect(s.conversations).toBe(10);
    expect(s.quarantined).toBe(2);
    expect(s.quarantineReasons).toEqual({ malformed_json: 1, empty_conversation: 1 });
    // user-9, Claude's user-1 and user-2, and 3 + 3 conversations without a user id.
    expect(s.users).toBe(9);
    const table = await run(`${DIR}/*.json`, bad);
    expect(table.out).toContain(`${bad} line 2: malformed_json (not valid JSON)`);
    expect(table.out).toMatch(/^ {2}empty_conversation +1$/m);
  });

  it('counts a conversation without a user id as its own user', async () => {
    const s = await inspectInputs([`${DIR}/labelled-sentences.jsonl`], {});
    expect(s).toMatchObject({ conversations: 2, users: 2, conversationsWithUserId: 0, format: 'labelled' });
  });

  it('fails with one line and exit 1 on a missing file or an unknown format', async () => {
    const missing = await run(join(tmp, 'missing.jsonl'));
    expect(missing.code).toBe(1);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toContain('missing.jsonl: no such file');

    const other = join(tmp, 'other.jsonl');
    writeFileSync(other, '{"foo": 1}\n');
    const unknown = await run(other, '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toBe('');
    expect(unknown.err).toContain(`${other}: unknown format: its one line is not`);
    expect(unknown.err).toContain('(expected one of: OpenAI chat JSONL,');
  });

  it('--strict exits 1 at the first bad record', async () => {
    const bad = join(tmp, 'strict.jsonl');
    writeFileSync(
      bad,
      `${JSON.stringify({ messages: [{ role: 'user', content: 'hi' }] })}\n{"messages": 3}\n`,
    );
    const { code, err } = await run(bad, '--strict');
    expect(code).toBe(1);
    expect(err).toContain('line 2: wrong_shape');
  });

  it('bad flags exit 2', async () => {
    expect((await run(`${DIR}/openai.jsonl`, '--format', 'csv')).code).toBe(2);
    expect((await run(`${DIR}/openai.jsonl`, '--no-such-flag')).code).toBe(2);
    expect((await run()).code).toBe(2);
  });

  it('--format forces the reader', async () => {
    const { code, out } = await run(`${DIR}/openai.jsonl`, '--format', 'sharegpt', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ format: 'sharegpt', conversations: 0, quarantined: 3 });
  });
});
