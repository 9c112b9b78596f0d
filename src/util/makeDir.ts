/**
 * `mkdir -p` that reports the real cause. Node's recursive mkdir answers ENOENT ("no such file or
 * directory") when the folder cannot be made because the file system is read-only or not
 * writable; a run on a read-only mount was told a folder was missing. On that error the nearest
 * missing folder is made on its own, which fails with the true code (EROFS, EACCES, ENOTDIR...).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** What an errno code means, in words, for a one-line message. */
export function describeErrorCode(code: string | undefined): string {
  switch (code) {
    case 'EROFS':
      return 'read-only file system';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'ENOENT':
      return 'no such file or folder';
    case 'EEXIST':
      return 'already exists';
    default:
      return code ?? 'unknown error';
  }
}

/** An error about a path that says what went wrong in words, keeping the code. */
export class PathError extends Error {
  constructor(
    readonly path: string,
    readonly code: string | undefined,
    what: string,
  ) {
    super(`${what} ${path}: ${describeErrorCode(code)}${code ? ` (${code})` : ''}`);
    this.name = 'PathError';
  }
}

export interface MakeDirFs {
  mkdirSync: (path: string, options?: { recursive?: boolean }) => unknown;
  existsSync: (path: string) => boolean;
}

const realFs: MakeDirFs = { mkdirSync, existsSync };

/** Makes `dir` and its missing parents; a failure is a PathError with the true cause. */
export function makeDir(dir: string, fs: MakeDirFs = realFs): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') throw new PathError(dir, code, 'cannot create');
  }
  // Find the nearest missing folder (its parent exists) and make it alone: that error is the real one.
  let missing = resolve(dir);
  while (!fs.existsSync(dirname(missing)) && dirname(missing) !== missing) missing = dirname(missing);
  try {
    fs.mkdirSync(missing);
  } catch (err) {
    throw new PathError(dir, (err as NodeJS.ErrnoException).code, 'cannot create');
  }
  // It worked this time (a race with another process): make the rest.
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new PathError(dir, (err as NodeJS.ErrnoException).code, 'cannot create');
  }
}
