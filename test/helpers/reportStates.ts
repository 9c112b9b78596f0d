/**
 * Reports that between them reach every section of report.html in each of its states: the fixture as
 * it is (raw offline figures), the longitudinal fixture (over time, segments, support facets), a
 * calibrated run with several kinds of traffic, facets left uncorrected, a validated engine and an
 * input with a note about itself, a cascade, a log too small for most figures, and a log without user
 * ids.
 */
import { accumulateAnalyses } from '../../src/analysis/accumulate.js';
import { type Calibration, calibratedEstimator } from '../../src/estimate/calibrated.js';
import type { Estimator } from '../../src/estimate/estimator.js';
import { buildReport } from '../../src/report/build.js';
import { describeEstimation } from '../../src/report/estimation.js';
import type { Report } from '../../src/report/reportSchema.js';
import { longitudinalInput } from './longitudinalFixture.js';
import { fixtureInput, fixtureRecords } from './reportFixture.js';

const CALIBRATION: Calibration = {
  source: 'my-labels.jsonl',
  engine: 'rules-test',
  facets: {
    affective: { tp: 40, fn: 10, fp: 20, tn: 480 },
    contentCreation: { tp: 30, fn: 20, fp: 10, tn: 490 },
    pushback: { tp: 5, fn: 3, fp: 2, tn: 500 },
    'category:coaching': { tp: 40, fn: 10, fp: 240, tn: 260 },
  },
  domains: [
    { name: 'red-team chats', facets: { affective: { tp: 20, fn: 5, fp: 18, tn: 232 } } },
    { name: 'task prompts', facets: { affective: { tp: 20, fn: 5, fp: 2, tn: 248 } } },
  ],
};

function calibrated(): Report {
  const records = fixtureRecords();
  const base = fixtureInput();
  return buildReport(
    fixtureInput({
      records,
      estimator: calibratedEstimator(CALIBRATION, { seed: 7 }),
      calibration: CALIBRATION,
      screening: accumulateAnalyses(records),
      counts: { ...base.counts, quarantineReasons: { malformed_json: 6, missing_field: 4 } },
      provenance: {
        ...base.provenance,
        parameters: { sample: 500, strict: true, calibration: 'my-labels.jsonl', segmentBy: null },
        inputs: [{ ...base.provenance.inputs[0], about: 'A synthetic sample written for the tests.' }],
        tokenUsage: { inputTokens: 1200, outputTokens: 300, cacheReadTokens: 40, cacheWriteTokens: 8 },
        costUSD: null,
        validation: {
          summary: 'Scored against 200 hand-labelled conversations of our own.',
          source: 'labels-2025.jsonl',
          metrics: [
            { facet: 'affective', metric: 'F1', value: 0.8, n: 200 },
            { facet: 'pushback', metric: 'precision, real assistant conversations', value: 0.7 },
          ],
        },
      },
    }),
  );
}

function cascade(): Report {
  const base = fixtureInput();
  const r = buildReport(
    fixtureInput({
      provenance: { ...base.provenance, engine: 'anthropic', model: 'claude-test', costUSD: 1.5 },
    }),
  );
  const interval = { low: 0.6, high: 0.9 };
  const rate = { rate: 0.75, interval, count: 30, n: 40, method: 'cascade' as const };
  r.estimation = describeEstimation({
    estimator: { method: 'cascade' } as Estimator,
    engine: 'anthropic',
    cascade: {
      screen: { engine: 'offline', model: 'rules-7', version: 'rules-7+abc' },
      verifier: { engine: 'anthropic', model: 'claude-test', promptVersion: 'facets-v1' },
      strata: [
        { name: 'candidates', conversations: 120, rate: 1, selected: 120, verified: 118, failed: 2 },
        { name: 'near_misses', conversations: 80, rate: 0.5, selected: 40, verified: 40, failed: 0 },
        { name: 'rest', conversations: 400, rate: 0.05, selected: 20, verified: 20, failed: 0 },
      ],
      rateChosen: true,
      verifiedConversations: 178,
      fullRunConversations: 600,
      costUSD: 1.5,
      fullRunCostUSD: 5.06,
      agreement: [
        { facet: 'affective', recall: rate, precision: rate },
        { facet: 'category:companionship', recall: rate, precision: rate },
      ],
    },
  });
  return r;
}

/** A log too small for most figures: the withheld and not-available states. */
function small(): Report {
  const records = fixtureRecords().slice(0, 40);
  return buildReport(
    fixtureInput({
      records,
      topics: [],
      reasonTopics: [],
      counts: { read: 41, quarantined: 1, quarantineReasons: { wrong_shape: 1 } },
    }),
  );
}

function withoutUserIds(): Report {
  const records = fixtureRecords().map((r) => ({ ...r, userId: undefined }));
  return buildReport(fixtureInput({ records }));
}

export function reportStates(): Record<string, Report> {
  return {
    fixture: buildReport(fixtureInput()),
    longitudinal: buildReport(longitudinalInput()),
    calibrated: calibrated(),
    cascade: cascade(),
    small: small(),
    withoutUserIds: withoutUserIds(),
  };
}
