/**
 * The provenance of a run, as report.json records it: versions, engine, seed, thresholds, the gates
 * that ran, input files with their SHA-256, token usage and cost, and the accuracy the engine vouches for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { CascadeSummary } from '../estimate/cascadeSummary.js';
import type { FacetEngine } from '../facets/engine.js';
import type { Usage } from '../llm/usage.js';
import type { PrivacyAuditor } from '../privacy/audit.js';
import type { Thresholds } from '../privacy/thresholds.js';
import type { Provenance } from '../report/reportInput.js';
import { VERSION } from '../version.js';
import type { IngestTally } from './ingest.js';

export interface RunDescription {
  engine: FacetEngine;
  /** The input files as read (describeInputs): a merge of shards takes them from the partial states. */
  inputs: Provenance['inputs'];
  usage: Usage;
  thresholds: Thresholds;
  auditor: Pick<PrivacyAuditor, 'description'>;
  /** Settings that changed what was analysed. */
  limit?: number;
  sample?: number;
  /** Accuracy figures to quote instead of the engine's own (from `affectlens validate`). */
  validation?: Provenance['validation'];
  /** What a cascade did: its screen and sampling are recorded with the run's parameters. */
  cascade?: CascadeSummary;
}

export async function describeRun(run: RunDescription): Promise<Provenance> {
  const { engine, thresholds } = run;
  return {
    affectlensVersion: VERSION,
    engine: engine.name,
    model: engine.model,
    promptVersion: engine.promptVersion,
    parameters: {
      ...engine.parameters,
      limit: run.limit ?? null,
      sample: run.sample ?? null,
      ...(run.cascade
        ? {
            cascade: {
              screen: `${run.cascade.screen.engine} ${run.cascade.screen.model}`,
              rates: Object.fromEntries(run.cascade.strata.map((s) => [s.name, s.rate])),
              rateChosen: run.cascade.rateChosen,
            },
          }
        : {}),
    },
    inputs: run.inputs,
    tokenUsage: run.usage,
    costUSD: engine.costOf(run.usage),
    gatesRun: [
      'pii-free summaries (layer 1)',
      `aggregation thresholds: ${thresholds.minUsers} users and ${thresholds.minConversations} conversations (layer 2)`,
      'group-describing cluster names (layer 3)',
      `privacy audit: ${run.auditor.description} and PII detector (layer 4)`,
    ],
    validation: run.validation ?? engine.accuracy?.(),
  };
}

/** Each input file with its SHA-256, size, format and note, as the provenance names it. */
export async function describeInputs(tally: IngestTally): Promise<Provenance['inputs']> {
  return Promise.all(
    tally.files.map(async (f) => ({
      // The basename only: a full path can name the person or machine that ran the export.
      file: basename(f),
      ...(await tally.digests.of(f)),
      format: tally.formats.get(f) ?? 'unknown',
      ...aboutNote(f),
    })),
  );
}

/** Longest note quoted from an input's `.about.txt` (a sentence or two, not a document). */
export const ABOUT_MAX_CHARS = 600;

/** The file a log may carry beside it to say what it is (e.g. `sample.jsonl.about.txt`). */
export function aboutFileFor(input: string): string {
  return `${input}.about.txt`;
}

/**
 * The note an input carries about itself, if a `<file>.about.txt` sits beside it: its text with
 * whitespace collapsed, cut at ABOUT_MAX_CHARS. It is the data owner's own description of the data
 * (for example that a sample is synthetic and how it was mixed), quoted in the report's headline so
 * the figures are read in its light.
 */
export function aboutNote(input: string): { about?: string } {
  const file = aboutFileFor(input);
  if (!existsSync(file)) return {};
  const text = readFileSync(file, 'utf8').replace(/\s+/g, ' ').trim();
  if (text === '') return {};
  return { about: text.length > ABOUT_MAX_CHARS ? `${text.slice(0, ABOUT_MAX_CHARS - 1)}…` : text };
}
