import { facetsBench } from './facets.js';
import type { Measurement } from './harness.js';
import { kmeansBench } from './kmeans.js';
import { llmBench } from './llm.js';
import { pipelineBench } from './pipeline.js';
import { readersBench } from './readers.js';
import { reportBench } from './report.js';

export interface BenchContext {
  report(m: Measurement): void;
  note(line: string): void;
}

export interface BenchSection {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<void>;
}

/** Sections register here, one file each under src/bench/. */
export const SECTIONS: BenchSection[] = [
  readersBench,
  facetsBench,
  kmeansBench,
  reportBench,
  llmBench,
  pipelineBench,
];
