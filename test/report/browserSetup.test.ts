/** The browser test never skips silently, and never skips in CI. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM, findChromium } from '../helpers/chromium.js';

describe('finding Chromium for the browser test', () => {
  const nowhere = () => false;

  it("uses Debian's chromium, or the binary AFFECTLENS_CHROMIUM names", () => {
    expect(findChromium({}, (p) => p === DEFAULT_CHROMIUM)).toEqual({ path: DEFAULT_CHROMIUM });
    expect(findChromium({ AFFECTLENS_CHROMIUM: '/opt/chrome' }, (p) => p === '/opt/chrome')).toEqual({
      path: '/opt/chrome',
    });
  });

  it('says why it skips when Chromium is missing on a developer machine', () => {
    const found = findChromium({}, nowhere);
    expect(found).toEqual({
      skip: "/usr/bin/chromium not found: install Debian's chromium (apt-get install chromium) or set AFFECTLENS_CHROMIUM to a Chromium binary",
    });
  });

  it('fails instead of skipping in CI', () => {
    for (const CI of ['true', '1']) {
      const found = findChromium({ CI }, nowhere);
      expect('fail' in found && found.fail).toMatch(
        /^the browser test must run in CI, but \/usr\/bin\/chromium not found/,
      );
    }
    expect(findChromium({ CI: 'false' }, nowhere)).toHaveProperty('skip');
  });
});
