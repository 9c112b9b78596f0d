/**
 * The offline rules version: a readable name plus a hash of what decides the answers, so it can
 * never lag behind a change (it is part of the result cache key and of every report's provenance,
 * and data/offline/validation.json is quoted only for the version it was measured on).
 *
 * What is hashed: the compiled modules the offline facets are made of (facets.js and everything it
 * imports inside dist/facets/, the facet schema included, whose category order is the output
 * order) with blank and comment-only lines dropped, plus the fitted heads' weights files. Hashing
 * the code rather than a list of tables means a change in how features combine bumps the version
 * as surely as a lexicon entry does; dropping comment lines means a reworded comment does not. The
 * compiled files are the same on every machine for one checkout (TypeScript is pinned by the
 * lockfile, line ends are normalised, names are relative and sorted). Run from the TypeScript
 * sources (tests), the built files are hashed when they exist, so tests see the version that
 * `npm run eval` measured; without a build the sources themselves are hashed.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEADS, modelPath } from './models.js';

/** The readable part, renamed by people when the rules change in kind; the hash follows every change. */
export const RULES_NAME = 'rules-7';

export interface HashedPart {
  /** Relative path with '/' separators: part of the hash, so a moved rule counts as a change. */
  name: string;
  text: string;
}

/** Lines that carry code: blank lines and lines that are only a comment are left out. */
function codeLines(text: string): string {
  const out: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('//') || line.startsWith('/*') || line.startsWith('*')) continue;
    out.push(line);
  }
  return out.join('\n');
}

/** The version for these parts: `${name}+` and the first 8 hex digits of a SHA-256 over them. */
export function rulesVersionOf(parts: readonly HashedPart[], name = RULES_NAME): string {
  const h = createHash('sha256');
  for (const p of [...parts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    h.update(`${p.name}\n`);
    h.update(p.name.endsWith('.json') ? p.text.replace(/\r\n?/g, '\n') : codeLines(p.text));
    h.update('\n\u0000\n');
  }
  return `${name}+${h.digest('hex').slice(0, 8)}`;
}

const RELATIVE_IMPORT = /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * What decides the offline engine's answers: `facets` in `moduleDir` (the offline folder, compiled
 * or source) and every module it imports inside the facets folder, found by following the import
 * statements (so a stale file left in dist/ by an old build counts for nothing), plus the weights.
 */
export function rulesParts(moduleDir: string, ext: '.js' | '.ts', weightsDir?: string): HashedPart[] {
  const facetsDir = resolve(moduleDir, '..');
  const parts: HashedPart[] = [];
  const seen = new Set<string>();
  const queue = [resolve(moduleDir, `facets${ext}`)];
  while (queue.length > 0) {
    const path = queue.pop() as string;
    if (seen.has(path)) continue;
    seen.add(path);
    const text = readFileSync(path, 'utf8');
    parts.push({ name: relative(moduleDir, path).split(sep).join('/'), text });
    for (const m of text.matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(path), m[1].replace(/\.js$/, ext));
      if (target.startsWith(facetsDir + sep)) queue.push(target);
    }
  }
  for (const h of HEADS)
    parts.push({ name: `weights/${h}.json`, text: readFileSync(modelPath(h, weightsDir), 'utf8') });
  return parts;
}

/** Where the code that runs is: this folder when compiled, the built copy when run from sources. */
function runningModules(): { dir: string; ext: '.js' | '.ts' } {
  const here = fileURLToPath(new URL('.', import.meta.url));
  if (import.meta.url.endsWith('.js')) return { dir: here, ext: '.js' };
  const built = fileURLToPath(new URL('../../../dist/facets/offline/', import.meta.url));
  return existsSync(built) ? { dir: built, ext: '.js' } : { dir: here, ext: '.ts' };
}

let cached: string | undefined;

/** The running engine's rules version, computed once per process. */
export function offlineRulesVersion(): string {
  if (cached === undefined) {
    const { dir, ext } = runningModules();
    cached = rulesVersionOf(rulesParts(dir, ext));
  }
  return cached;
}
