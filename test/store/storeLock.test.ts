/**
 * The run store's lock: a second run waits for the first (and says so once), a lock left by a run
 * that died is taken over, a lock from another host is waited for with the file to delete named.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFileOf, lockStore } from '../../src/store/storeLock.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'al-lock-'));

describe('lockStore', () => {
  it('a second taker waits until the first releases, and is told once why', async () => {
    const dir = fresh();
    const first = await lockStore(dir);
    const told: string[] = [];
    let second: Awaited<ReturnType<typeof lockStore>> | undefined;
    const waiting = lockStore(dir, { pollMs: 10, onWait: (m) => told.push(m) }).then((l) => {
      second = l;
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(second).toBeUndefined();
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(
      new RegExp(
        `run store .* is in use by run ${process.pid} on ${hostname()}, since .*; waiting for it to finish`,
      ),
    );
    first.release();
    await waiting;
    expect(second).toBeDefined();
    expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8')).pid).toBe(process.pid);
    second!.release();
    expect(existsSync(lockFileOf(dir))).toBe(false);
  });

  it('takes over the lock of a run that is no longer running', async () => {
    const dir = fresh();
    // A real process id that has just ended.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    const pid = Number(gone.stdout.toString());
    writeFileSync(
      lockFileOf(dir),
      JSON.stringify({ pid, host: hostname(), since: '2026-01-01T00:00:00.000Z', token: 'dead-run' }),
    );
    const taken: string[] = [];
    const lock = await lockStore(dir, { pollMs: 10, onTakeOver: (m) => taken.push(m) });
    expect(taken).toEqual([
      `run store ${dir}: took over the lock of run ${pid} (since 2026-01-01T00:00:00.000Z), which is no longer running`,
    ]);
    lock.release();
  });

  it.runIf(existsSync('/proc/self/stat'))(
    'a lock whose process id now belongs to a later process is taken over too',
    async () => {
      const dir = fresh();
      // This process's id, but another start time: the id was reused after the holder died.
      writeFileSync(
        lockFileOf(dir),
        JSON.stringify({
          pid: process.pid,
          host: hostname(),
          since: 'then',
          processStart: '1',
          token: 'reused',
        }),
      );
      const lock = await lockStore(dir, { pollMs: 10 });
      expect(JSON.parse(readFileSync(lockFileOf(dir), 'utf8')).token).not.toBe('reused');
      lock.release();
    },
  );

  it('a lock held on another host is waited for, naming the file to delete', async () => {
    const dir = fresh();
    writeFileSync(
      lockFileOf(dir),
      JSON.stringify({ pid: 1, host: 'some-other-host', since: 'then', token: 'remote' }),
    );
    const told: string[] = [];
    let got = false;
    const waiting = lockStore(dir, { pollMs: 10, onWait: (m) => told.push(m) }).then((l) => {
      got = true;
      l.release();
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(got).toBe(false);
    expect(told[0]).toContain(`That run is on another host: if it is not running, delete ${lockFileOf(dir)}`);
    // The other host's run ends.
    unlinkSync(lockFileOf(dir));
    await waiting;
    expect(got).toBe(true);
  });

  it('many takers at once: exactly one holds the lock at any time', async () => {
    const dir = fresh();
    let holders = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        const lock = await lockStore(dir, { pollMs: 1 });
        holders++;
        most = Math.max(most, holders);
        await new Promise((r) => setTimeout(r, 5));
        holders--;
        lock.release();
      }),
    );
    expect(most).toBe(1);
  });
});
