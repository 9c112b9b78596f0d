/**
 * The one prompt loader. Prompts are versioned data files in the package's prompts/ folder:
 * front matter (`version: …`), then the text. A wording change is a new file and a new version, so
 * old results stay reproducible and cached answers are never silently reused for new wording.
 *
 * Templates: `{{> name}}` includes `prompts/partials/name.md` (the shared category definitions, for
 * instance, written once and used by the one-call and the split prompts). Partials may include
 * partials; a loop or a missing partial is an error naming the file. The version and the hash of a
 * loaded prompt cover the rendered text, so editing a partial changes every prompt that uses it.
 *
 * Slots: `{{name}}` is filled from the values the caller passes (the language concerns are written
 * in, for instance). A slot left without a value is an error naming the file, never sent as is. The
 * filled text is what the hash covers, so answers asked for in one language are never reused for
 * another.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Prompt {
  /** From the front matter, else the file name without `.md`. */
  version: string;
  /** The rendered instructions (front matter removed, partials included). */
  text: string;
  /** The file it came from, relative to the prompts folder. */
  file: string;
}

/** prompts/ at the package root: two levels up from src/prompts and from dist/prompts. */
export function defaultPromptsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'prompts');
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/;
const PARTIAL = /\{\{>\s*([a-z0-9-]+)\s*\}\}/g;
const SLOT = /\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g;

/** Splits front matter from text; the version falls back to the file name. Pure. */
export function parsePrompt(raw: string, file: string): { version: string; text: string } {
  const m = FRONT_MATTER.exec(raw);
  const front = m ? m[1] : '';
  const text = (m ? m[2] : raw).trim();
  const v = /^version:\s*(\S+)\s*$/m.exec(front);
  return { version: v ? v[1] : (file.split('/').pop() ?? file).replace(/\.md$/, ''), text };
}

function readPromptFile(dir: string, file: string): string {
  const path = join(dir, file);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new Error(`prompt file ${path} is missing (the package's prompts/ folder must ship with it)`);
  }
}

/** Replaces every `{{> name}}` with prompts/partials/name.md, recursively. */
export function renderPartials(text: string, dir: string, seen: readonly string[] = []): string {
  return text.replace(PARTIAL, (_, name: string) => {
    if (seen.includes(name))
      throw new Error(`prompt partial ${name} includes itself (${[...seen, name].join(' → ')})`);
    const file = `partials/${name}.md`;
    return renderPartials(parsePrompt(readPromptFile(dir, file), file).text, dir, [...seen, name]);
  });
}

/** Fills every `{{name}}` slot from `values`; a slot without a value is an error naming the file. */
export function fillSlots(text: string, values: Readonly<Record<string, string>>, file: string): string {
  return text.replace(SLOT, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`prompt ${file} has a slot {{${name}}} that was given no value`);
    return v;
  });
}

/** Loads and renders one prompt file (`facets.v2.md`, `cluster-name.v1.md`, …), its slots filled. */
export function loadPrompt(
  file: string,
  dir = defaultPromptsDir(),
  slots: Readonly<Record<string, string>> = {},
): Prompt {
  const { version, text } = parsePrompt(readPromptFile(dir, file), file);
  return { version, text: fillSlots(renderPartials(text, dir), slots, file), file };
}

/**
 * A prompt set's identity for cache keys: the versions joined, and a short hash of the rendered texts
 * (an edit without a version bump still misses the cache).
 */
export function promptSetIdentity(prompts: readonly Pick<Prompt, 'version' | 'text'>[]): {
  version: string;
  hash: string;
} {
  const h = createHash('sha256');
  for (const p of prompts) h.update(`${p.version}\u0000${p.text}\u0000`);
  return { version: prompts.map((p) => p.version).join('+'), hash: h.digest('hex').slice(0, 12) };
}
