import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDir, PathError } from '../../src/util/makeDir.js';

describe('makeDir', () => {
  it('makes missing parents, and is fine when the folder exists', () => {
    const base = mkdtempSync(join(tmpdir(), 'al-makedir-'));
    makeDir(join(base, 'a', 'b', 'c'));
    makeDir(join(base, 'a', 'b', 'c'));
  });

  it('says a part of the path is a file', () => {
    const base = mkdtempSync(join(tmpdir(), 'al-makedir-'));
    writeFileSync(join(base, 'file'), '');
    expect(() => makeDir(join(base, 'file', 'x', 'y'))).toThrow(PathError);
    expect(() => makeDir(join(base, 'file', 'x', 'y'))).toThrow(
      /a part of the path is a file, not a folder \(ENOTDIR\)/,
    );
  });

  it("reports what Node's recursive mkdir hides behind ENOENT (a read-only file system)", () => {
    // Node's recursive mkdir on a read-only mount fails with ENOENT; making the missing folder on
    // its own gives EROFS (the mount-namespace test in test/pipeline/childRuns.test.ts does it for real).
    const made: string[] = [];
    const fs = {
      existsSync: (p: string) => p === '/ro' || p === '/',
      mkdirSync: (p: string, o?: { recursive?: boolean }) => {
        made.push(`${p}${o?.recursive ? ' -p' : ''}`);
        throw Object.assign(new Error('x'), { code: o?.recursive ? 'ENOENT' : 'EROFS' });
      },
    };
    expect(() => makeDir('/ro/a/b', fs)).toThrow('cannot create /ro/a/b: read-only file system (EROFS)');
    expect(made).toEqual(['/ro/a/b -p', '/ro/a']);
  });
});
