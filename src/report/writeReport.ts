/**
 * Writes the report folder: report.json, report.html and one CSV per figure.
 *
 * A run never leaves a half-written or mixed folder: it writes everything (quarantine.jsonl
 * included) into a staging folder next to the report folder and moves it into place only once all
 * of it is written (`stageReportFolder`). A run that fails, a full disk or a kill leaves the previous
 * report exactly as it was; each file on its own is also written to a temporary name and renamed.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { makeDir, PathError } from '../util/makeDir.js';
import { type HtmlOptions, renderHtml } from './html.js';
import { PAGE_SECTIONS } from './pageSections.js';
import type { Report } from './reportSchema.js';

/** Every section's CSV tables: file name → table. */
export function csvTables(): Record<string, (r: Report) => string> {
  return Object.assign({}, ...PAGE_SECTIONS.map((s) => s.csv ?? {}));
}

/** The names of the files a report folder holds: what a new run may replace or remove there. */
export function reportFileNames(): string[] {
  return ['report.json', 'report.html', 'quarantine.jsonl', ...Object.keys(csvTables())];
}

export interface WriteReportOptions extends HtmlOptions {
  /** Default true. */
  html?: boolean;
  /** Default true. */
  csv?: boolean;
}

/** report.json exactly as written: 2-space JSON with a trailing newline, keys in schema order. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export async function writeReport(
  outDir: string,
  report: Report,
  options: WriteReportOptions = {},
): Promise<string[]> {
  makeDir(outDir);
  const files: [string, string][] = [['report.json', reportJson(report)]];
  if (options.html !== false) files.push(['report.html', await renderHtml(report, options)]);
  if (options.csv !== false)
    for (const [name, make] of Object.entries(csvTables())) files.push([name, make(report)]);
  const paths: string[] = [];
  for (const [name, text] of files) {
    const path = join(outDir, name);
    const tmp = `${path}.partial-${process.pid}`;
    try {
      await writeFile(tmp, text, 'utf8');
      await rename(tmp, path);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw new PathError(path, (err as NodeJS.ErrnoException).code, 'cannot write');
    }
    paths.push(path);
  }
  return paths;
}

/** A folder to write a whole report into before it replaces the report folder. */
export interface ReportStaging {
  /** Where to write. */
  readonly dir: string;
  /** Moves what was written into the report folder (replacing the previous report). */
  commit(): void;
  /** Deletes the staging folder; the report folder is left as it was. */
  discard(): void;
}

const PARTIAL = '.partial-';

/**
 * Starts a report folder for `outDir`. The staging folder sits next to it (same file system, so
 * moving it in is a rename), or inside it when its parent is not writable.
 */
export function stageReportFolder(outDir: string): ReportStaging {
  const target = resolve(outDir);
  const parent = dirname(target);
  makeDir(parent);
  if (existsSync(target) && !statSync(target).isDirectory())
    throw new PathError(target, 'ENOTDIR', 'cannot write the report folder');
  removeAbandonedStaging(parent, `.${basename(target)}${PARTIAL}`);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  let dir = join(parent, `.${basename(target)}${PARTIAL}${suffix}`);
  let inside = false;
  try {
    mkdirSync(dir);
  } catch {
    makeDir(target);
    removeAbandonedStaging(target, `.affectlens${PARTIAL}`);
    dir = join(target, `.affectlens${PARTIAL}${suffix}`);
    inside = true;
    try {
      mkdirSync(dir);
    } catch (err) {
      throw new PathError(dir, (err as NodeJS.ErrnoException).code, 'cannot create');
    }
  }
  return {
    dir,
    commit() {
      if (!inside && replaceable(target)) {
        const aside = `${dir}-previous`;
        const had = existsSync(target);
        if (had) renameSync(target, aside);
        try {
          renameSync(dir, target);
        } catch (err) {
          if (had) renameSync(aside, target);
          throw err;
        }
        if (had) rmSync(aside, { recursive: true, force: true });
        return;
      }
      moveFilesInto(dir, target);
      rmSync(dir, { recursive: true, force: true });
    },
    discard() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Absent, empty, or holding only report files: the whole folder can be swapped for the new one
 * (never the working folder or one that holds it: the process would be left in a deleted folder).
 */
function replaceable(target: string): boolean {
  if (!existsSync(target)) return true;
  const cwd = process.cwd();
  if (cwd === target || cwd.startsWith(`${target}${sep}`)) return false;
  const ours = new Set(reportFileNames());
  return readdirSync(target).every((name) => ours.has(name));
}

/**
 * Moves the staged files into a folder that also holds other files (the user's own): file by file,
 * report.json last, and report files of an earlier run that this run did not write are removed.
 */
function moveFilesInto(staged: string, target: string): void {
  makeDir(target);
  const names = readdirSync(staged).sort((a, b) => Number(a === 'report.json') - Number(b === 'report.json'));
  const written = new Set(names);
  for (const name of reportFileNames()) if (!written.has(name)) rmSync(join(target, name), { force: true });
  for (const name of names) renameSync(join(staged, name), join(target, name));
}

/** Staging folders of runs that were killed (their process is gone). */
function removeAbandonedStaging(dir: string, prefix: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isInteger(pid) || pid === process.pid || processRuns(pid)) continue;
    rmSync(join(dir, name), { recursive: true, force: true });
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
