/** `npm run bench` on the command line: --help and the choice of sections. */
import { describe, expect, it } from 'vitest';
import { benchUsage, pickSections, SECTIONS } from '../../src/bench/sections.js';

describe('bench sections', () => {
  it('--help lists every section with its description', () => {
    const text = benchUsage();
    expect(text).toMatch(/^Usage: npm run bench/);
    for (const s of SECTIONS) expect(text).toContain(`${s.name}`);
    expect(text).toContain('queue');
  });

  it('runs all sections when none is named, the named ones otherwise, and names unknown ones', () => {
    expect(pickSections([])).toEqual({ run: SECTIONS });
    expect(pickSections(['queue', 'facets'])).toEqual({
      run: SECTIONS.filter((s) => s.name === 'facets' || s.name === 'queue'),
    });
    expect(pickSections(['facets', 'nosuch', 'queu'])).toEqual({ unknown: ['nosuch', 'queu'] });
  });
});
