/**
 * The kinds of traffic the shipped calibration measures the offline engine on, from dev files whose
 * licences permit shipping numbers derived from them (MIT, Apache-2.0). Error rates differ between
 * them (see src/estimate/calibrated.ts), so each is kept as a domain of its own.
 */
import type { CalibrationDomain } from '../estimate/calibrated.js';
import type { Facets } from '../facets/schema.js';
import { calibrationCounts } from '../pipeline/calibration.js';
import { REFERENCE_FILE, type Source, type SourceItem } from './sources.js';

export interface DomainSpec {
  name: string;
  files: string[];
  /** Only the items whose id matches (the reference set mixes sources of several licences). */
  ids?: RegExp;
}

/** Reference conversations from hh-rlhf (MIT) and Arena-Hard (Apache-2.0); AlpacaEval's data is CC BY-NC. */
export const PERMISSIVE_REFERENCE = /^(hh_rlhf_harmless|arena_hard):/;

export const SHIPPED_DOMAINS: readonly DomainSpec[] = [
  {
    name: 'assistant traffic: hh-rlhf red-team chats and Arena-Hard prompts (reference set)',
    files: [REFERENCE_FILE],
    ids: PERMISSIVE_REFERENCE,
  },
  {
    name: 'support and coaching written by people: CounselChat, physical-activity coaching dialogues',
    files: ['counsel_chat.jsonl', 'pa_coaching.jsonl'],
  },
  {
    name: 'task prompts: Self-Instruct, MT-Bench and Vicuna-Bench, HumanEval',
    files: ['self_instruct.jsonl', 'mtbench_vicuna.jsonl', 'humaneval.jsonl'],
  },
];

/** A domain's items with the engine's results on them (results[i] belongs to sources[i]). */
export function domainItems(
  spec: DomainSpec,
  sources: readonly Source[],
  results: readonly (readonly Facets[])[],
): { items: SourceItem[]; facets: Facets[] } {
  const items: SourceItem[] = [];
  const facets: Facets[] = [];
  sources.forEach((s, i) => {
    if (!spec.files.includes(s.file)) return;
    s.items.forEach((it, j) => {
      if (spec.ids && !spec.ids.test(it.id)) return;
      items.push(it);
      facets.push(results[i][j]);
    });
  });
  return { items, facets };
}

/** Confusion counts per domain, in SHIPPED_DOMAINS order (a domain with no items is left out). */
export function calibrationDomains(
  specs: readonly DomainSpec[],
  sources: readonly Source[],
  results: readonly (readonly Facets[])[],
): (CalibrationDomain & { conversations: number })[] {
  return specs
    .map((spec) => {
      const { items, facets } = domainItems(spec, sources, results);
      return {
        name: spec.name,
        conversations: items.length,
        facets: sortedCounts(calibrationCounts(items, facets)),
      };
    })
    .filter((d) => d.conversations > 0);
}

function sortedCounts<T>(r: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
