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
