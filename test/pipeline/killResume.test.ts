/**
 * kill -9 mid-run, then run again: no conversation lost, none stored twice, and nothing already
 * stored is paid for again. The run is a separate Node process (so SIGKILL is real) running the
 * sources transpiled on the fly (type-only transpile: well under a second, no full build).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeLlmServer, sampleConversations, startFakeLlmServer } from '../helpers/fakeLlmServer.js';

const ROOT = resolve(__dirname, '..', '..');

/** Transpiles `entries` and every relative import they reach into `out/`, keeping src's layout. */
function transpileGraph(entries: string[], out: string): void {
  const seen = new Set<string>();
  const todo = entries.map((e) => resolve(ROOT, e));
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const target = join(out, relative(join(ROOT, 'src'), file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, js);
    for (const m of source.matchAll(/(?:from|import\()\s*'(\.{1,2}\/[^']+)\.js'/g))
      todo.push(resolve(dirname(file), `${m[1]}.ts`));
  }
}

let workDir: string;
let distDir: string;
beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'affectlens-kill-'));
  distDir = join(workDir, 'dist');
  transpileGraph(
    ['src/facets/llm/createLlmEngine.ts', 'src/pipeline/extract.ts', 'src/store/runStore.ts'],
    distDir,
  );
  // Bare imports (openai, zod...) resolve through a node_modules next to the transpiled files.
  symlinkSync(join(ROOT, 'node_modules'), join(workDir, 'node_modules'), 'dir');
  writeFileSync(join(workDir, 'package.json'), '{"type":"module"}\n');
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
    // Paid twice: only what was in flight when the kill came (at most one batch of 8).
    const perConversation = new Map<string, number>();
    for (const p of server.paidPrompts()) {
      const marker = /\[c\d+\]/.exec(p)![0];
      perConversation.set(marker, (perConversation.get(marker) ?? 0) + 1);
    }
    expect(perConversation.size).toBe(total);
    const paidTwice = [...perConversation.values()].filter((n) => n > 1).length;
    expect(paidTwice).toBeLessThanOrEqual(8);
  });
});
