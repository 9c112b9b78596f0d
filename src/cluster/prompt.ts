/**
 * Loads a versioned prompt from prompts/ (front matter `version:`): a wording change is a new
 * file and a new version, recorded with the names it produced.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface LoadedPrompt {
  version: string;
  text: string;
}

/** prompts/ at the package root: two levels up from src/cluster and from dist/cluster. */
export function promptsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'prompts');
}

export function loadPrompt(fileName: string, dir = promptsDir()): LoadedPrompt {
  const path = join(dir, fileName);
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read prompt ${path}: ${(err as Error).message}`);
  }
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(raw);
  const version = (m ? /^version:\s*(\S+)\s*$/m.exec(m[1])?.[1] : undefined) ?? fileName.replace(/\.md$/, '');
  return { version, text: (m ? m[2] : raw).trim() };
}
