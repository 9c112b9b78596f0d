/**
 * A throwaway redis-server on a free 127.0.0.1 port, for the queue tests and `npm run bench queue`
 * (never used by a real run: a real run is given its Redis with --redis). Nothing is persisted
 * (`--save ''`, no append-only file).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { checkRedis } from './queue.js';

/** Whether `redis-server` is on the PATH. */
export function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version']).status === 0;
}

/** A TCP port nothing listens on at this moment, on 127.0.0.1. */
export async function freeLoopbackPort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export interface LocalRedis {
  url: string;
  process: ChildProcess;
  /** Stops the server (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts redis-server on a free loopback port and waits until it answers PING (up to `timeoutMs`). */
export async function startLocalRedis(timeoutMs = 5000): Promise<LocalRedis> {
  const port = await freeLoopbackPort();
  const url = `redis://127.0.0.1:${port}`;
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  // 'error' without 'exit' when the binary cannot be started.
  const exited = new Promise<void>((done) => {
    child.once('exit', () => done());
    child.once('error', () => done());
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  };
  let spawnError: Error | undefined;
  child.once('error', (err) => {
    spawnError = err;
  });
  const t0 = Date.now();
  for (;;) {
    if (spawnError) throw new Error(`cannot start redis-server: ${spawnError.message}`);
    try {
      await checkRedis(url, 500);
      return { url, process: child, stop };
    } catch (err) {
      if (Date.now() - t0 > timeoutMs) {
        await stop();
        throw err;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
