/** The offline engine as the pipeline sees it. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/facets/createEngine.js';
import { createOfflineEngine } from '../../../src/facets/offline/offlineEngine.js';
import {
  type HashedPart,
  offlineRulesVersion,
  RULES_NAME,
  rulesParts,
  rulesVersionOf,
} from '../../../src/facets/offline/rulesVersion.js';
import { user } from '../../helpers/conversations.js';

describe('offline engine', () => {
  it('answers in order with zero usage and a versioned model name', async () => {
    const engine = createOfflineEngine();
    expect(engine.name).toBe('offline');
    expect(engine.model).toBe(`offline-${engine.promptVersion}`);
    const out = await engine.extractFacets([user('I feel so alone'), user('Write a haiku about rain')]);
    expect(out).toHaveLength(2);
    expect(out[0].usage).toEqual({ inputTokens: 0, outputTokens: 0 });
    expect(out[1].facets.contentCreation).toBe(true);
  });

  it('is what createEngine("offline") returns', async () => {
    const engine = await createEngine('offline');
    expect(engine.name).toBe('offline');
  });
});

describe('rules version', () => {
  const sources = fileURLToPath(new URL('../../../src/facets/offline/', import.meta.url));
  const parts = () => rulesParts(sources, '.ts');
  const edit = (all: HashedPart[], name: string, change: (text: string) => string) =>
    all.map((p) => (p.name === name ? { ...p, text: change(p.text) } : p));

  it('is a readable name plus eight hex digits of a hash, and is what the engine reports', () => {
    expect(offlineRulesVersion()).toMatch(/^rules-\d+\+[0-9a-f]{8}$/);
    expect(createOfflineEngine().promptVersion).toBe(offlineRulesVersion());
  });

  it('changes when one lexicon entry changes', () => {
    const before = rulesVersionOf(parts());
    const after = rulesVersionOf(edit(parts(), 'cues/romance.ts', (t) => t.replace('|marry|', '|wed|')));
    expect(after).not.toBe(before);
    expect(after.startsWith(`${RULES_NAME}+`)).toBe(true);
  });

  it('changes when a weight of the category table or a weights file changes', () => {
    const before = rulesVersionOf(parts());
    expect(
      rulesVersionOf(edit(parts(), 'categories.ts', (t) => t.replace('pairShare: 0.7', 'pairShare: 0.8'))),
    ).not.toBe(before);
    expect(
      rulesVersionOf(edit(parts(), 'weights/pushback.json', (t) => t.replace('"bias":[', '"bias":[1+'))),
    ).not.toBe(before);
  });

  it('does not change for comment lines, blank lines, indentation or the order files are read in', () => {
    const before = rulesVersionOf(parts());
    const reworded = edit(parts(), 'categories.ts', (t) =>
      t.replace('/** Categories from topic scores', '\n  /** Categories, from the topic scores'),
    );
    expect(reworded).not.toEqual(parts());
    expect(rulesVersionOf(reworded)).toBe(before);
    expect(rulesVersionOf([...parts()].reverse())).toBe(before);
  });

  it('covers what facets.ts is made of, and nothing the engine does not load', () => {
    const names = parts().map((p) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['facets.ts', 'categories.ts', 'features.ts', 'cues/topics.ts', '../schema.ts']),
    );
    expect(names).toEqual(expect.arrayContaining(['weights/content.json', 'weights/pushback.json']));
    expect(names.filter((n) => /pool|worker|training|fit\.ts/.test(n))).toEqual([]);
  });
});

describe('layering', () => {
  it('keeps the synthetic corpus and the training tool out of src/facets', () => {
    const dir = fileURLToPath(new URL('../../../src/facets/', import.meta.url));
    const offenders = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from '[./]*(?:synth|tools)\//.test(readFileSync(`${dir}/${f}`, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
