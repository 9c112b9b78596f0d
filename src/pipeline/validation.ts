/**
 * What the report says about the engine's accuracy: the offline engine's figures as measured by
 * `npm run eval dev-data` for its current rules version (data/offline/validation.json). LLM engines
 * depend on the model and prompt, so they are reported as not validated unless the caller passes
 * figures from `affectlens validate`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FacetEngine } from '../facets/engine.js';
import { ValidationSchema } from '../report/schema.js';
import type { Provenance } from '../report/types.js';
import { PACKAGE_ROOT } from '../version.js';

export function shippedValidation(engine: FacetEngine): Provenance['validation'] {
  if (engine.name !== 'offline') return undefined;
  const file = fileURLToPath(new URL('data/offline/validation.json', PACKAGE_ROOT));
  if (!existsSync(file)) return undefined;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { rulesVersion?: string };
  // Figures measured on other rules say nothing about these.
  if (raw.rulesVersion !== engine.promptVersion) return undefined;
  const parsed = ValidationSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
