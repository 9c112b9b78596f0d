/**
 * House rules the dependency graph cannot see, checked on the sources (dependency-cruiser checks the
 * imports: see .dependency-cruiser.cjs). A broken rule fails the suite with the offending places.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const sources = walk(join(ROOT, 'src')).filter((f) => f.endsWith('.ts'));
const rel = (f: string) => relative(ROOT, f);

describe('house rules', () => {
  it('only privacy/ decides what is suppressed', () => {
    const offenders: string[] = [];
    for (const f of sources) {
      if (rel(f).startsWith('src/privacy/')) continue;
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/\/\/.*$/, '');
          if (
            (/suppressed:\s*true\b(?!\))/.test(code) && !/z\.literal\(true\)/.test(code)) ||
            /\bpassesThresholds\b/.test(code) ||
            /[<>]=?\s*\w+(\.\w+)*\.min(Users|Conversations)\b/.test(code)
          )
            offenders.push(`${rel(f)}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(offenders).toEqual([]);
  });

  it('gives every source file a distinct name, outside folders named after commands, sections, formats and providers', () => {
    // Folders whose files are named after what they hold: commands, sections, formats, providers, categories.
    const exempt =
      /^src\/(cli|eval|bench|llm\/providers|conversation\/readers|report\/sections|facets\/offline\/cues|synth\/topics)\//;
    const pending = new Set<string>();
    const seen = new Map<string, string[]>();
    for (const f of sources) {
      if (exempt.test(rel(f)) || pending.has(rel(f))) continue;
      seen.set(basename(f), [...(seen.get(basename(f)) ?? []), rel(f)]);
    }
    expect([...seen.values()].filter((files) => files.length > 1)).toEqual([]);
  });

  it('mirrors src/ in test/: every test folder is named after a source folder', () => {
    const helpers = new Set(['fixtures', 'helpers', 'package']);
    const folders = readdirSync(join(ROOT, 'test')).filter(
      (d) => statSync(join(ROOT, 'test', d)).isDirectory() && !helpers.has(d),
    );
    const missing = folders.filter((d) => {
      try {
        return !statSync(join(ROOT, 'src', d)).isDirectory();
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it("keeps the README's architecture section true: every path it names exists, every source folder is in it", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Architecture'),
      readme.indexOf('\n## ', readme.indexOf('## Architecture') + 5),
    );
    const paths = [...section.matchAll(/`((?:src|prompts|test)\/[^`*<>]*?)`/g)].map((m) =>
      m[1].replace(/\/$/, ''),
    );
    expect(paths.length).toBeGreaterThan(20);
    const missing = paths.filter((p) => {
      try {
        statSync(join(ROOT, p.replace(/\*\.md$/, '')));
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
    const folders = readdirSync(join(ROOT, 'src')).filter((d) =>
      statSync(join(ROOT, 'src', d)).isDirectory(),
    );
    expect(folders.filter((d) => !section.includes(`src/${d}/`))).toEqual([]);
  });
});
