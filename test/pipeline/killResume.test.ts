/**
 * kill -9 mid-run, then run again: no conversation lost, none stored twice, and nothing already
 * stored is paid for again. The run is a separate Node process (so SIGKILL is real) running the
 * sources transpiled on the fly (type-only transpile: well under a second, no full build).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLlmServer, sampleConversations, startFakeLlmServer } from '../helpers/fakeLlmServer.js';
import { ROOT, transpiledDist } from '../helpers/transpile.js';

let workDir: string;
let distDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'affectlens-kill-'));
  distDir = transpiledDist(workDir, [
    'src/facets/llm/createLlmEngine.ts',
    'src/pipeline/extract.ts',
    'src/store/runStore.ts',
  ]);
});

let server: FakeLlmServer;
afterAll(async () => {
  await server?.close();
});

function runChild(convFile: string, storeFile: string): { child: ChildProcess; done: Promise<string> } {
  const child = spawn(
    process.execPath,
    [
      join(ROOT, 'test/helpers/extractRunner.mjs'),
      server.url,
      convFile,
      storeFile,
      '8',
      join(ROOT, 'prompts'),
    ],
    { env: { ...process.env, AFFECTLENS_DIST: distDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const done = new Promise<string>((resolveDone, reject) => {
    child.on('exit', (code, signal) => {
      if (code === 0) resolveDone(stdout);
      else reject(new Error(`runner exited with ${code ?? signal}: ${stderr.slice(0, 500)}`));
    });
  });
  return { child, done };
}

function storedKeys(storeFile: string): string[] {
  return readFileSync(storeFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [(JSON.parse(l) as { k: string }).k];
      } catch {
        return []; // a torn last line from the kill; the store drops it on open
      }
    });
}

describe('SIGKILL mid-run, then resume', () => {
  it('loses nothing, stores nothing twice, and never pays again for what was stored', async () => {
    server = await startFakeLlmServer({ latencyMs: 25 });
    const total = 48;
    const convFile = join(workDir, 'convs.json');
    writeFileSync(convFile, JSON.stringify(sampleConversations(total)));
    const storeFile = join(workDir, 'run', 'results.jsonl');

    const first = runChild(convFile, storeFile);
    const exited = first.done.catch(() => 'killed');
    // Kill once a good part of the run is paid for but before it can finish.
    while (server.paidCalls() < 20) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    expect(await exited).toBe('killed');
    // Requests in flight at the kill are still answered (and counted) by the server after its
    // latency: let them land before reading the first run's bill.
    await new Promise((r) => setTimeout(r, 300));
    const paidFirst = server.paidCalls();
    const storedAfterKill = new Set(storedKeys(storeFile));
    expect(storedAfterKill.size).toBeGreaterThan(0);
    expect(storedAfterKill.size).toBeLessThan(total);

    const second = runChild(convFile, storeFile);
    const summary = JSON.parse(await second.done) as { ok: number; reused: number; total: number };
    expect(summary).toEqual({ ok: total, reused: storedAfterKill.size, total });

    const keys = storedKeys(storeFile);
    expect(keys).toHaveLength(total);
    expect(new Set(keys).size).toBe(total);
    // The second run paid exactly for the conversations the store did not hold.
    expect(server.paidCalls() - paidFirst).toBe(total - storedAfterKill.size);
    // Paid twice: only what was in flight when the kill came (each answer is stored as it arrives:
    // at most the runner's 4 concurrent calls, not its batch of 8).
    const perConversation = new Map<string, number>();
    for (const p of server.paidPrompts()) {
      const marker = /\[c\d+\]/.exec(p)![0];
      perConversation.set(marker, (perConversation.get(marker) ?? 0) + 1);
    }
    expect(perConversation.size).toBe(total);
    const paidTwice = [...perConversation.values()].filter((n) => n > 1).length;
    expect(paidTwice).toBeLessThanOrEqual(4);
  });
});
