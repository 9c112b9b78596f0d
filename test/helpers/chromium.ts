/**
 * Where the browser tests find Chromium (Debian's /usr/bin/chromium, or AFFECTLENS_CHROMIUM), and what
 * they do without it: skip with the reason printed on a developer's machine, fail in CI (CI installs
 * Chromium, so a missing one there is a broken setup, not a reason to skip). Never downloads a browser.
 */
import { existsSync } from 'node:fs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export type ChromiumLookup = { path: string } | { skip: string } | { fail: string };

export function findChromium(
  env: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync,
): ChromiumLookup {
  const path = env.AFFECTLENS_CHROMIUM || DEFAULT_CHROMIUM;
  if (exists(path)) return { path };
  const why = `${path} not found: install Debian's chromium (apt-get install chromium) or set AFFECTLENS_CHROMIUM to a Chromium binary`;
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return ci ? { fail: `the browser test must run in CI, but ${why}` } : { skip: why };
}

/** The launch flags every browser test uses: headless, no network services, no first-run work. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
