/**
 * data/offline/validation.json: the offline engine's measured accuracy, which `analyze` puts in a
 * report's Methods when the file's rules version is the engine's. `metrics` (what reports quote)
 * holds only figures the engine could not have been fitted to: the real human–AI reference set and
 * the leave-one-source-out pools, each saying what it was measured on, plus the dev floors. The
 * shipped heads' in-sample figures are kept beside them, never quoted. Figures only, no data.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Calibration, ConfusionCounts } from '../estimate/calibrated.js';
import { offlineRulesVersion, RULES_NAME } from '../facets/offline/rulesVersion.js';
import type { Facets } from '../facets/schema.js';
import { PACKAGE_ROOT } from '../version.js';
import { calibrationDomains, SHIPPED_DOMAINS } from './calibrationDomains.js';
import type { Source } from './sources.js';

export interface RecordedFigure {
  facet: string;
  metric: string;
  value: number;
  n: number;
  scope: string;
}

export interface ValidationInput {
  figures: RecordedFigure[];
  /** The shipped heads scored on files they were fitted on: recorded, not quoted. */
  inSample: { file: string; metric: string; value: number; n: number }[];
  files: number;
  items: number;
}

const round = (v: number) => Number(v.toFixed(4));

function summaryOf(input: ValidationInput): string {
  const get = (scope: string, facet: string, start: string) =>
    input.figures.find((f) => f.scope === scope && f.facet === facet && f.metric.startsWith(start));
  const v = (f?: RecordedFigure) => (f === undefined ? 'n/a' : f.value.toFixed(2));
  const ref = 'reference (real chats)';
  const loso = 'leave-one-source-out';
  const n = get(ref, 'sentiment', '5-class accuracy');
  const conversations = input.figures.find(
    (f) => f.scope === ref && f.facet === 'affective' && f.metric.startsWith('F1'),
  );
  return (
    `Offline engine ${RULES_NAME} scored against human labels. On ${conversations?.n ?? 'n/a'} real human–AI conversations ` +
    '(red-team chats from hh-rlhf, AlpacaEval and Arena-Hard prompts, labelled by careful LLM annotators following the ' +
    `project's codebook): affective F1 ${v(get(ref, 'affective', 'F1'))} (precision ${v(get(ref, 'affective', 'precision'))}, ` +
    `recall ${v(get(ref, 'affective', 'recall'))}), content-creation F1 ${v(get(ref, 'content creation', 'F1'))}, ` +
    `pushback F1 ${v(get(ref, 'pushback', 'F1'))}, sentiment accuracy ${v(n)} (5 classes, ${n?.n ?? 'n/a'} user messages). ` +
    `Over ${input.files} labelled dev sources, with the fitted heads scored only on sources they were not fitted on: ` +
    `category macro-F1 ${v(get(loso, 'categories', 'macro-F1'))}, pushback F1 ${v(get(loso, 'pushback', 'F1'))}. ` +
    'The rules were written while reading errors on these dev sets, so a held-out split is scored separately and may ' +
    'come out lower; an LLM engine validated on your own labels is more accurate.'
  );
}

export const VALIDATION_FILE = join(fileURLToPath(PACKAGE_ROOT), 'data', 'offline', 'validation.json');

export function writeOfflineValidation(input: ValidationInput, file = VALIDATION_FILE): string {
  const body = {
    rulesVersion: offlineRulesVersion(),
    summary: summaryOf(input),
    source:
      'npm run eval dev-data: ../shared/data/dev (see its README for sources, licences and label mappings); ' +
      'reference = reference_labelled.jsonl; leave-one-source-out = every labelled dev file pooled, each scored by heads ' +
      'fitted without it',
    metrics: input.figures.map((f) => ({ facet: f.facet, metric: f.metric, value: round(f.value), n: f.n })),
    inSampleNotQuoted: input.inSample.map((f) => ({ ...f, value: round(f.value) })),
  };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  return file;
}

export const CALIBRATION_FILE = join(fileURLToPath(PACKAGE_ROOT), 'data', 'offline', 'calibration.json');

/**
 * data/offline/calibration.json: the offline engine's confusion counts, per facet, on the permissively
 * licensed labelled dev data (heads fitted without each scored source), for this rules version: per
 * kind of traffic (calibrationDomains.ts) and pooled. Offline runs correct their shares with them unless
 * told otherwise (--calibration). Counts only.
 */
export function writeShippedCalibration(
  sources: readonly Source[],
  results: readonly (readonly Facets[])[],
  file = CALIBRATION_FILE,
): { file: string; conversations: number; positives: number; domains: number } {
  const domains = calibrationDomains(SHIPPED_DOMAINS, sources, results);
  const pooled: Record<string, ConfusionCounts> = {};
  for (const d of domains)
    for (const [facet, c] of Object.entries(d.facets)) {
      pooled[facet] ??= { tp: 0, fn: 0, fp: 0, tn: 0 };
      const p = pooled[facet];
      p.tp += c.tp;
      p.fn += c.fn;
      p.fp += c.fp;
      p.tn += c.tn;
    }
  const conversations = domains.reduce((n, d) => n + d.conversations, 0);
  const calibration: Calibration = {
    source: `${conversations} labelled conversations of ${domains.length} kinds (${domains.map((d) => `${d.name.split(':')[0]}: ${d.conversations}`).join('; ')}), measured by npm run eval`,
    engine: offlineRulesVersion(),
    facets: Object.fromEntries(Object.entries(pooled).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    domains: domains.map((d) => ({ name: d.name, facets: d.facets })),
  };
  writeFileSync(file, `${JSON.stringify(calibration, null, 2)}\n`);
  const a = pooled.affective;
  return { file, conversations, positives: a ? a.tp + a.fn : 0, domains: domains.length };
}
