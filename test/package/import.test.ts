/**
 * The package as users get it: `npm pack`, unpacked into a folder's node_modules, imported by name
 * from a script outside the checkout, and used for a whole (small) run. Catches a missing `files`
 * entry, a broken `exports` map, and a stage that reads something the tarball does not ship.
 * No network: the unpacked package finds its dependencies through a link to this checkout's.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'affectlens-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the packed package', () => {
  it('imports by name and runs the study on a synthetic log', () => {
    const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(pack.status, pack.stderr).toBe(0);
    const [{ filename }] = JSON.parse(pack.stdout) as { filename: string }[];
    const pkg = join(work, 'node_modules', 'affectlens');
    mkdirSync(pkg, { recursive: true });
    const tar = spawnSync('tar', ['-xzf', join(work, filename), '-C', pkg, '--strip-components=1']);
    expect(tar.status, String(tar.stderr)).toBe(0);
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');

    writeFileSync(
      join(work, 'run.mjs'),
      `import { writeFileSync } from 'node:fs';
import * as al from 'affectlens';
const lines = [];
for (const r of al.generateConversations({ n: 300, seed: 5, affectiveShare: 0.3 })) {
  lines.push(JSON.stringify({ id: r.conversation.id, user: r.conversation.userId, messages: r.conversation.messages }));
}
writeFileSync('log.jsonl', lines.join('\\n') + '\\n');
const engine = await al.createEngine('offline');
const out = await al.analyzeLogs(
  { inputs: ['log.jsonl'], outDir: 'report', seed: 1, thresholds: { minUsers: 2, minConversations: 2 } },
  { ...al.defaultDeps(1), log: () => {}, engine },
);
console.log(JSON.stringify({ version: al.VERSION, read: out.read, analysed: out.analysed, names: Object.keys(al).sort() }));
`,
    );
    const run = spawnSync(process.execPath, ['run.mjs'], { cwd: work, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!);
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string })
      .version;
    expect(result).toMatchObject({ version, read: 300, analysed: 300 });
    for (const name of [
      'analyzeLogs',
      'readConversations',
      'createEngine',
      'validateFacets',
      'buildReport',
      'writeReport',
    ])
      expect(result.names).toContain(name);
    const report = JSON.parse(readFileSync(join(work, 'report', 'report.json'), 'utf8'));
    expect(report.funnel.read).toBe(300);
  });
});
