/**
 * The labelled dev files (../shared/data/dev) as sources: one source per file, each item keeping
 * its id, so a conversation that two files share (the reference set re-labels conversations of
 * hh-rlhf, AlpacaEval and Arena-Hard) can be kept out of a fit that scores the other file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readConversations } from '../conversation/read.js';
import type { LabelledItem } from '../facets/validate.js';

export function devDataDir(): string {
  return process.env.AFFECTLENS_DEV_DATA ?? join(process.cwd(), '..', 'shared', 'data', 'dev');
}

export interface SourceItem extends LabelledItem {
  id: string;
  file: string;
}

export interface Source {
  file: string;
  items: SourceItem[];
  quarantined: number;
}

/** The real human–AI reference set: a source of its own in every table. */
export const REFERENCE_FILE = 'reference_labelled.jsonl';

export async function loadSource(dir: string, file: string): Promise<Source> {
  const items: SourceItem[] = [];
  let quarantined = 0;
  for await (const it of readConversations([join(dir, file)], { format: 'labelled' })) {
    if (it.kind === 'quarantined') {
      quarantined++;
      continue;
    }
    const labels = it.conversation.metadata.labels;
    items.push({
      id: it.conversation.id,
      file,
      conversation: it.conversation,
      labels: typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : {},
    });
  }
  return { file, items, quarantined };
}

/** Every .jsonl file of the folder, in name order; undefined when the folder is absent. */
export async function loadSources(dir = devDataDir()): Promise<Source[] | undefined> {
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  const out: Source[] = [];
  for (const f of files) out.push(await loadSource(dir, f));
  return out;
}
