/**
 * The accuracy the offline engine vouches for: the figures `npm run eval dev-data` measured for its
 * current rules version (data/offline/validation.json). Figures measured on other rules say nothing
 * about these, so they are not quoted then.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../../version.js';
import { type EngineAccuracy, EngineAccuracySchema } from '../engineAccuracy.js';

export function shippedAccuracy(rulesVersion: string): EngineAccuracy | undefined {
  const file = fileURLToPath(new URL('data/offline/validation.json', PACKAGE_ROOT));
  if (!existsSync(file)) return undefined;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { rulesVersion?: string };
  if (raw.rulesVersion !== rulesVersion) return undefined;
  const parsed = EngineAccuracySchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
