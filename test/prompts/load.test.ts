import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillSlots, loadPrompt, promptSetIdentity } from '../../src/prompts/load.js';

const dir = mkdtempSync(join(tmpdir(), 'affectlens-prompts-'));
mkdirSync(join(dir, 'partials'));
writeFileSync(join(dir, 'partials', 'lang.md'), '---\nversion: lang.x\n---\nwrite in {{reportLanguage}}.\n');
writeFileSync(join(dir, 'p.v1.md'), '---\nversion: p.v1\n---\nLabel it; {{> lang}}\n');

describe('prompt slots', () => {
  it('fills a slot inside a partial, and the filled text is what the identity hashes', () => {
    const en = loadPrompt('p.v1.md', dir, { reportLanguage: 'English' });
    const zh = loadPrompt('p.v1.md', dir, { reportLanguage: 'Chinese' });
    expect(en.text).toBe('Label it; write in English.');
    expect(zh.text).toBe('Label it; write in Chinese.');
    expect(promptSetIdentity([en]).hash).not.toBe(promptSetIdentity([zh]).hash);
    expect(promptSetIdentity([en]).version).toBe('p.v1');
  });

  it('a slot without a value is an error naming the file, never sent as it is', () => {
    expect(() => loadPrompt('p.v1.md', dir)).toThrow(/p\.v1\.md has a slot \{\{reportLanguage\}\}/);
    expect(fillSlots('no slots, {{> not-a-slot}} untouched', {}, 'f')).toBe(
      'no slots, {{> not-a-slot}} untouched',
    );
  });
});
