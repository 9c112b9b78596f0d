import { readFileSync } from 'node:fs';

/** The package version, read once from package.json (one level above dist/ or src/). */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** Root of the installed package (prompts/, schema/, data/ live here). */
export const PACKAGE_ROOT = new URL('..', import.meta.url);
