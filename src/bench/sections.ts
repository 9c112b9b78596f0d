import type { BenchSection } from './benchSection.js';
import { cascadeBench } from './cascade.js';
import { facetsBench } from './facets.js';
import { kmeansBench } from './kmeans.js';
import { llmBench } from './llm.js';
import { pipelineBench } from './pipeline.js';
import { queueLlmBench } from './queueLlm.js';
import { readersBench } from './readers.js';
import { reportBench } from './report.js';
import { shardsBench } from './shards.js';

/** Sections register here, one file each under src/bench/. */
export const SECTIONS: BenchSection[] = [
  readersBench,
  facetsBench,
  kmeansBench,
  reportBench,
  llmBench,
  cascadeBench,
  pipelineBench,
  shardsBench,
  queueLlmBench,
];

/** `npm run bench -- --help`: what can be run, one line per section. */
export function benchUsage(
  sections: readonly Pick<BenchSection, 'name' | 'description'>[] = SECTIONS,
): string {
  const width = Math.max(...sections.map((s) => s.name.length));
  return [
    'Usage: npm run bench [section...]   (all sections when none is named; results in bench/results/)',
    '',
    'Sections:',
    ...sections.map((s) => `  ${s.name.padEnd(width)}  ${s.description}`),
    '',
  ].join('\n');
}

/** The sections named on the command line (all when none), or the names that are not sections. */
export function pickSections(
  wanted: readonly string[],
  sections: readonly BenchSection[] = SECTIONS,
): { run: BenchSection[] } | { unknown: string[] } {
  const unknown = wanted.filter((w) => !sections.some((s) => s.name === w));
  if (unknown.length > 0) return { unknown };
  return { run: wanted.length > 0 ? sections.filter((s) => wanted.includes(s.name)) : [...sections] };
}
