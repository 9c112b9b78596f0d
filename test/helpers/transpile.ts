/**
 * Runs the sources in a child process without a full build: `transpileGraph` transpiles entry files
 * and every relative import they reach (type-only transpile: well under a few seconds) into a
 * folder that keeps src's layout, with node_modules linked beside it. Tests that must kill -9 a
 * real process, or run one in its own mount namespace, start their runner on that folder.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** Transpiles `entries` and every relative import they reach into `out/`, keeping src's layout. */
export function transpileGraph(entries: string[], out: string): void {
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

/**
 * A work folder laid out like the package: the transpiled graph of `entries` in `dist/`, links to
 * node_modules (bare imports), prompts/ and data/ (read relative to the code), and a package.json
 * that makes the files ES modules and carries the version. Returns the dist folder.
 */
export function transpiledDist(workDir: string, entries: string[]): string {
  const distDir = join(workDir, 'dist');
  transpileGraph(entries, distDir);
  for (const linked of ['node_modules', 'prompts', 'data'])
    symlinkSync(join(ROOT, linked), join(workDir, linked), 'dir');
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  writeFileSync(join(workDir, 'package.json'), `${JSON.stringify({ type: 'module', version })}\n`);
  return distDir;
}
