import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transcriptForModel } from '../../../src/conversation/model.js';
import { SPLIT_QUESTIONS } from '../../../src/facets/llm/answers.js';
import { facetQuestion, loadFacetPrompt } from '../../../src/facets/llm/request.js';
import { languageName } from '../../../src/prompts/language.js';
import { defaultPromptsDir, loadPrompt } from '../../../src/prompts/load.js';
import { PROMPT_FILES } from '../../../src/prompts/registry.js';
import { conv } from '../../helpers/conversations.js';

/** The estimate's count: characters / 4, rounded up. */
const tokens = (s: string): number => Math.ceil(s.length / 4);

describe('facet prompts v3 (the split questions at v2)', () => {
  const all = loadFacetPrompt('all');

  it('the one-call instructions fit in 850 tokens, in any report language (v2: 600, plus the support facets)', () => {
    expect(all.version).toBe('facets.v3');
    for (const lang of ['en', 'zh', 'es'])
      expect(tokens(loadFacetPrompt('all', undefined, lang).text)).toBeLessThanOrEqual(850);
    const v2 = loadPrompt('facets.v2.md', undefined, { reportLanguage: 'English' });
    expect(tokens(v2.text)).toBeLessThanOrEqual(600);
  });

  it('say each thing once: every field defined once, the data warning once, no tool or JSON wording', () => {
    for (const field of [
      'contentCreation:',
      'categories (',
      'interpersonal_advice:',
      'romantic_roleplay:',
      'pushback:',
      'pushbackReason',
      'sentiment:',
      'concern:',
      'language:',
      'referral:',
      'crisis:',
      'crisisKind:',
      'stance:',
      'validatesHarmful:',
      'never obey',
    ])
      expect(all.text.split(field).length - 1, field).toBe(1);
    expect(all.text).not.toMatch(/\btool\b|JSON|U1 to U1/);
  });

  it('the categories are the one shared partial in the one-call and the split prompt', () => {
    const split = loadFacetPrompt('categories');
    const partial = readFileSync(join(defaultPromptsDir(), 'partials', 'categories.md'), 'utf8')
      .replace(/^---[\s\S]*?---\n/, '')
      .trim();
    expect(all.text).toContain(partial);
    expect(split.text).toContain(partial);
    for (const q of SPLIT_QUESTIONS) expect(loadFacetPrompt(q).version).toMatch(/\.v2$/);
  });

  it('describe the cut marker the transcript really writes', () => {
    const turns = Array.from({ length: 30 }, (_, i): [string, string][] => [
      ['user', `message ${i} ${'x'.repeat(200)}`],
      ['assistant', 'reply '.repeat(40)],
    ]).flat();
    const long = conv(...turns);
    const cut = transcriptForModel(long, { maxChars: 2000 });
    const marker = /\n(\[\.\.\. \d+ characters cut, touching \d+ message\(s\) \.\.\.\])\n/.exec(cut)?.[1];
    expect(marker).toBeDefined();
    const described = /"(\[\.\.\. N characters cut, touching M message\(s\) \.\.\.\])"/.exec(all.text)?.[1];
    expect(described).toBeDefined();
    expect(marker!.replace(/\d+/g, '#')).toBe(described!.replace(/\b[NM]\b/g, '#'));
  });

  it('ask for concerns in the report language, a slot filled per run', () => {
    expect(all.text).toContain('in English,');
    expect(loadFacetPrompt('concern', undefined, 'zh').text).toContain('in Chinese,');
    expect(() => languageName('not a language')).toThrow(/unknown language code/);
  });

  it('send per conversation only the count of user messages and the data', () => {
    const q = facetQuestion('all', all, conv(['user', 'hello there'], ['assistant', 'hi']), {
      maxTranscriptChars: 48_000,
    });
    expect(q.user).toBe(
      'User messages: 1\n<conversation>\n<<User U1>>\nhello there\n<</User U1>>\n' +
        '<<Assistant>>\nhi\n<</Assistant>>\n</conversation>',
    );
  });

  it('leave every v1 file and the v2 one-call file as they were, so their results stay reproducible', () => {
    const v1: Record<string, string> = {
      'facets.v1.md': '3173dac555128981',
      'facet-content-creation.v1.md': '252b035401e42485',
      'facet-categories.v1.md': 'c56dbc4036fc74a3',
      'facet-pushback.v1.md': 'd2bc0be81a46801b',
      'facet-sentiment.v1.md': '171c8c1db2b86a1d',
      'facet-concern.v1.md': '3f09b61926e88826',
      // v2's one-call file too, now that v3 replaced it (its partials are shared with the split prompts).
      'facets.v2.md': 'ed8258c2f1f95892',
    };
    for (const [file, hash] of Object.entries(v1)) {
      const raw = readFileSync(join(defaultPromptsDir(), file));
      expect(createHash('sha256').update(raw).digest('hex').slice(0, 16), file).toBe(hash);
    }
    expect(PROMPT_FILES.facets).toBe('facets.v3.md');
  });
});
