/** The offline engine as the pipeline sees it. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/facets/engines.js';
import { createOfflineEngine } from '../../../src/facets/offline/engine.js';
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

describe('layering', () => {
  it('keeps the synthetic corpus and the training tool out of src/facets', () => {
    const dir = fileURLToPath(new URL('../../../src/facets/', import.meta.url));
    const offenders = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .filter((f) => /from '[./]*(?:synth|tools)\//.test(readFileSync(`${dir}/${f}`, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
