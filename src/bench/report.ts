/**
 * Bench section `report`: buildReport on one million analysed records (the pipeline's stated upper
 * scale) and the HTML render of the result. Records are generated in memory, seeded, with a
 * study-like mix: ~3 % affective, a few with long conversations, user ids on all.
 */
import type { AnalysisRecord } from '../analysis/record.js';
import type { Category, SentimentValue } from '../facets/schema.js';
import { emptyGateCounts } from '../privacy/gateCounts.js';
import { DEFAULT_THRESHOLDS } from '../privacy/thresholds.js';
import { buildReport } from '../report/build.js';
import { renderHtml } from '../report/html.js';
import { createRng, pick, randInt } from '../util/random.js';
import { VERSION } from '../version.js';
import type { BenchSection } from './benchSection.js';
import { measure } from './harness.js';

const N = Math.round(1_000_000 * (Number(process.env.AFFECTLENS_BENCH_REPORT_SCALE ?? 1) || 1));
const CATS: Category[] = [
  'interpersonal_advice',
  'coaching',
  'counseling',
  'companionship',
  'romantic_roleplay',
];
const SENT: SentimentValue[] = [-1, -0.5, 0, 0.5, 1];

function records(n: number): AnalysisRecord[] {
  const rng = createRng(2025);
  const out: AnalysisRecord[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const affective = rng() < 0.03;
    const human = rng() < 0.02 ? 50 + randInt(rng, 100) : 1 + randInt(rng, 12);
    const categories = affective ? [pick(rng, CATS)] : [];
    out[i] = {
      conversationId: `c${i}`,
      userId: `u${randInt(rng, n / 4)}`,
      humanMessages: human,
      facets: {
        contentCreation: !affective && rng() < 0.1,
        categories,
        pushback: affective && rng() < 0.1,
        pushbackReason: null,
        sentiment: affective ? Array.from({ length: human }, () => pick(rng, SENT)) : [],
        concern: '',
        language: 'en',
        humanMessages: human,
        status: { kind: 'ok' },
      },
    };
  }
  return out;
}

export const reportBench: BenchSection = {
  name: 'report',
  description: `buildReport (all analyses, 1,000-resample bootstraps) and renderHtml on ${N.toLocaleString('en-US')} records`,
  async run(ctx) {
    const recs = records(N);
    const built = await measure('buildReport', 'conv', async () => {
      const value = buildReport({
        records: recs,
        counts: { read: N, quarantined: 0, quarantineReasons: {} },
        topics: [],
        longTopics: null,
        reasonTopics: [],
        gates: emptyGateCounts(),
        thresholds: DEFAULT_THRESHOLDS,
        seed: 1,
        provenance: {
          affectlensVersion: VERSION,
          engine: 'bench',
          model: null,
          promptVersion: 'bench',
          parameters: {},
          inputs: [],
          tokenUsage: { inputTokens: 0, outputTokens: 0 },
          costUSD: null,
          gatesRun: [],
        },
      });
      return { items: N, value, extra: { affective: value.funnel.affective } };
    });
    ctx.report(built);
    const report = built.value!;
    const html = await measure('renderHtml', 'report', async () => {
      const page = await renderHtml(report);
      return { items: 1, extra: { bytes: Buffer.byteLength(page) } };
    });
    ctx.report(html);
    ctx.note(
      `buildReport: ${built.seconds.toFixed(2)} s for ${N} records; renderHtml ${html.seconds.toFixed(2)} s, ${html.extra?.bytes} bytes`,
    );
  },
};
