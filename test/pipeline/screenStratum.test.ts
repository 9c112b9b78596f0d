/**
 * Which stratum the cascade's screen puts a conversation in: every candidate of any figure (affective,
 * pushback, 50+ human messages, a crisis signal) is verified; weak signals are near misses.
 */
import { describe, expect, it } from 'vitest';
import { errorFacets, type Facets } from '../../src/facets/schema.js';
import { screenStratum } from '../../src/pipeline/cascade.js';

const plain: Facets = {
  contentCreation: false,
  categories: [],
  pushback: false,
  pushbackReason: null,
  sentiment: [0, 0],
  concern: '',
  language: 'en',
  humanMessages: 2,
  status: { kind: 'ok' },
};

describe('screenStratum', () => {
  it('makes a candidate of every figure the screen flags, a crisis signal included', () => {
    expect(screenStratum(plain, 2)).toBe(2);
    expect(screenStratum({ ...plain, categories: ['coaching'] }, 2)).toBe(0);
    expect(screenStratum({ ...plain, categories: ['coaching'], contentCreation: true }, 2)).toBe(2);
    expect(screenStratum({ ...plain, pushback: true, pushbackReason: 'policy_other' }, 2)).toBe(0);
    expect(screenStratum(plain, 50)).toBe(0);
    const support = {
      referral: 'none',
      crisis: true,
      crisisKind: 'suicidal',
      stance: 'neutral',
      validatesHarmful: false,
    } as const;
    expect(screenStratum({ ...plain, support }, 2)).toBe(0);
    expect(screenStratum({ ...plain, support: { ...support, crisis: false, crisisKind: null } }, 2)).toBe(2);
  });

  it('sends weak signals and engine errors to the near misses', () => {
    expect(screenStratum({ ...plain, sentiment: [0, -0.5] }, 2)).toBe(1);
    expect(screenStratum({ ...plain, language: 'fr' }, 2)).toBe(1);
    expect(screenStratum(errorFacets(2, 'boom'), 2)).toBe(1);
  });
});
