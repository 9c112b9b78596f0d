/**
 * One run at a time per run store. Two runs on one store each read what was stored when they
 * started and each paid for everything else: every conversation twice. So a run holds an exclusive
 * lock on its store (a `lock` file created with O_EXCL) from before it reads the store until its
 * report is written, and a second run waits for it.
 *
 * Why wait rather than stop: the second run then starts once the first is done, finds every answer
 * the first paid for and pays nothing again; two overlapping scheduled runs, or a run started twice
 * by mistake, both finish without anyone rerunning by hand. It says once that it is waiting, for
 * whom, and how to stop.
 *
 * A lock left by a run that died (kill -9, a crash, a power cut) is taken over: the lock names its
 * process, and a process that no longer runs on this host (or whose id now belongs to a process
 * started later) holds nothing. A lock held from another host (a store on a network share) cannot
 * be checked and is waited for; the message names the file to delete if no run is using the store.
 */
import { closeSync, fsyncSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { makeDir } from '../util/makeDir.js';

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock. */
  since: string;
  /** The holder's process start time (Linux /proc), so a reused process id is not mistaken for it. */
  processStart?: string;
  /** Random: tells this lock from a later one by the same process id. */
  token: string;
}

export interface StoreLockOptions {
  /** How often a waiting run looks again (default 500 ms). */
  pollMs?: number;
  /** Called once when the store is busy and this run starts waiting, with a line to show. */
  onWait?: (message: string, holder: LockHolder | undefined) => void;
  /** Called when a dead run's lock is taken over. */
  onTakeOver?: (message: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface StoreLock {
  readonly file: string;
  /** Deletes the lock (if it is still this run's). Also done when the process exits. */
  release(): void;
}

/** The lock file of a store folder. */
export function lockFileOf(storeDir: string): string {
  return join(storeDir, 'lock');
}

/** A lock this old that holds no readable holder is a run that died between creating and writing it. */
const UNWRITTEN_LOCK_MS = 10_000;
/** The takeover guard is held for microseconds; one this old was left by a run killed right then. */
const STALE_BREAKER_MS = 10_000;

/** Takes the store's lock, waiting for a live holder to finish; resolves once this run holds it. */
export async function lockStore(storeDir: string, options: StoreLockOptions = {}): Promise<StoreLock> {
  makeDir(storeDir);
  const file = lockFileOf(storeDir);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    processStart: processStartOf(process.pid),
    token: `${process.pid}-${Math.random().toString(36).slice(2)}`,
  };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let told = false;
  for (;;) {
    if (tryCreate(file, me)) break;
    const seen = readHolder(file);
    if (seen === 'gone') continue;
    if (isStale(seen, file)) {
      if (takeOver(file, seen)) {
        options.onTakeOver?.(
          seen
            ? `run store ${storeDir}: took over the lock of run ${seen.pid} (since ${seen.since}), which is no longer running`
            : `run store ${storeDir}: took over a lock left unwritten by a run that died`,
        );
        continue;
      }
      // Another waiting run is taking it over right now.
      await sleep(50);
      continue;
    }
    // (A lock without a readable holder is being written this instant: look again before telling.)
    if (!told && seen !== undefined) {
      told = true;
      options.onWait?.(waitMessage(storeDir, file, seen), seen);
    }
    await sleep(options.pollMs ?? 500);
  }
  const release = () => {
    const now = readHolder(file);
    if (now !== 'gone' && now?.token === me.token) unlinkSync(file);
  };
  const onExit = () => {
    try {
      release();
    } catch {
      // Exiting anyway; a lock left behind is taken over by the next run (its process is gone).
    }
  };
  process.once('exit', onExit);
  return {
    file,
    release() {
      process.off('exit', onExit);
      release();
    },
  };
}

function waitMessage(storeDir: string, file: string, holder: LockHolder | undefined): string {
  const who = holder ? `run ${holder.pid} on ${holder.host}, since ${holder.since}` : 'another run';
  const remote = holder && holder.host !== hostname();
  return (
    `run store ${storeDir} is in use by ${who}; waiting for it to finish, then this run reuses every answer it paid for (Ctrl+C to stop)` +
    (remote ? `. That run is on another host: if it is not running, delete ${file}` : '')
  );
}

/** Creates the lock file with this run's holder record; false when it exists. */
function tryCreate(file: string, me: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, `${JSON.stringify(me)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The holder written in the lock; undefined when unreadable (being written, or torn); 'gone' if no lock. */
function readHolder(file: string): LockHolder | undefined | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
  try {
    const v = JSON.parse(text) as LockHolder;
    return typeof v?.pid === 'number' && typeof v.token === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

function isStale(holder: LockHolder | undefined, file: string): boolean {
  if (holder === undefined) return ageMs(file) > UNWRITTEN_LOCK_MS;
  if (holder.host !== hostname()) return false;
  return !processRuns(holder);
}

function processRuns(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    // EPERM: it runs, as another user.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // The id may since have been given to another process: then its start time differs.
  const start = processStartOf(holder.pid);
  return holder.processStart === undefined || start === undefined || start === holder.processStart;
}

/** Start time of a process in clock ticks since boot (Linux); undefined elsewhere. */
function processStartOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): starttime is the 22nd field.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Deletes a dead run's lock, unless another waiting run already did and took the lock itself: the
 * deletion happens under a short-lived guard file, and only if the lock still names the dead run.
 */
function takeOver(file: string, dead: LockHolder | undefined): boolean {
  const breaker = `${file}.takeover`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    if (ageMs(breaker) > STALE_BREAKER_MS) {
      try {
        unlinkSync(breaker);
      } catch {
        // Another run removed it first.
      }
    }
    return false;
  }
  closeSync(fd);
  try {
    const now = readHolder(file);
    if (now === 'gone') return false;
    const same = dead === undefined ? now === undefined : now?.token === dead.token;
    if (!same) return false;
    unlinkSync(file);
    return true;
  } finally {
    unlinkSync(breaker);
  }
}
