/**
 * `npm run bench cascade`: what the cascade costs and how far its intervals hold when the verifier errs.
 *
 * Cost: the synthetic default mix (3% affective) screened by the offline engine exactly as analyze
 * --cascade screens it (cascadePlan.ts); the calls it would make against a full run's, and both priced
 * at the price table's claude-haiku-4-5 batch prices (tokens counted as `estimate` counts them). The
 * baseline is the full run: the ratio is cascade / full.
 *
 * Verifier error: the same strata and the cascade's seeded samples, with a verifier that answers the
 * synthetic truth flipped at known rates. A two-phase estimate is an estimate of what the verifier
 * would say about every conversation, so its interval covers that figure; it covers the truth only as
 * far as the verifier is right. The section prints both coverages over seeded repetitions.
 */
import { effectiveCategories } from '../analysis/groups.js';
import type { Conversation } from '../conversation/model.js';
import type { ShareEstimate, StratumShare } from '../estimate/estimator.js';
import { twoPhaseEstimator } from '../estimate/twoPhase.js';
import { createEstimator } from '../facets/llm/estimate.js';
import { createOfflineEngine } from '../facets/offline/offlineEngine.js';
import { errorFacets } from '../facets/schema.js';
import { loadPriceTable } from '../llm/prices.js';
import { planCascade } from '../pipeline/cascadePlan.js';
import { generateConversations, type SynthRecord } from '../synth/generate.js';
import { createRng, uniformHash } from '../util/random.js';
import type { BenchSection } from './benchSection.js';
import { measure } from './harness.js';

const N = 20_000;
const MODEL = 'claude-haiku-4-5';
const REPETITIONS = 200;
/** Verifier error settings: a careful model (the issue's measured ~2.6% FPR) and a better one. */
const VERIFIER_ERRORS = [
  { fnr: 0.05, fpr: 0.005 },
  { fnr: 0.09, fpr: 0.026 },
];

function trulyAffective(r: SynthRecord): boolean {
  return (
    effectiveCategories({
      conversationId: r.conversation.id,
      humanMessages: r.truth.sentiment.length,
      facets: {
        ...errorFacets(0, ''),
        status: { kind: 'ok' },
        contentCreation: r.truth.contentCreation,
        categories: r.truth.categories,
      },
    }).length > 0
  );
}

async function* each(records: readonly SynthRecord[]): AsyncGenerator<Conversation> {
  for (const r of records) yield r.conversation;
}

export const cascadeBench: BenchSection = {
  name: 'cascade',
  description: `the cascade on the synthetic default mix (${N.toLocaleString('en-US')} conversations, 3% affective): calls and cost against a full run, and coverage with a verifier that errs`,
  async run(ctx) {
    const records = [...generateConversations({ n: N, seed: 7 })];
    const truth = records.map(trulyAffective);
    const prices = loadPriceTable();
    const priced = () => createEstimator({ engine: 'anthropic', model: MODEL, batch: true, prices });
    const full = priced();
    const bare = await measure(
      'full run: every conversation to the LLM (pricing only)',
      'convs',
      async () => {
        for (const r of records) full.add(r.conversation);
        return { items: records.length };
      },
    );
    ctx.report(bare);
    const verified = priced();
    const strata = new Uint8Array(N);
    let plan: Awaited<ReturnType<typeof planCascade>> | undefined;
    const m = await measure('cascade plan: offline screen + seeded samples', 'convs', async () => {
      plan = await planCascade(
        () => each(records),
        createOfflineEngine(),
        { seed: 1, onScreened: (i, h) => (strata[i] = h) },
        (c) => verified.add(c),
      );
      return { items: records.length };
    });
    if (!plan) throw new Error('the cascade plan did not run');
    const f = full.result();
    const v = verified.result();
    const per100k = (x: number) => (x / N) * 100_000;
    m.extra = { callsVsFull: v.calls / f.calls };
    ctx.report(m);
    ctx.note(
      `strata: ${plan.strata.map((s) => `${s.name} ${s.conversations} at rate ${s.rate.toPrecision(3)} → ${s.selected}`).join('; ')}`,
    );
    ctx.note(
      `LLM calls: cascade ${v.calls} vs full ${f.calls} = ${((100 * v.calls) / f.calls).toFixed(1)}% (goal ≤ 15%)`,
    );
    const usd = (e: typeof f) => e.cost?.batch ?? Number.NaN;
    ctx.note(
      `USD per 100k conversations at ${MODEL} batch prices: cascade $${per100k(usd(v)).toFixed(2)} vs full $${per100k(usd(f)).toFixed(2)} (goal ≤ $10; synthetic conversations are shorter than real ones: scale by your mean transcript length, or run estimate --cascade on your log)`,
    );

    // The verifier errs: coverage of the truth and of what the verifier would say about everyone.
    const population = [0, 1, 2].map((h) => strata.filter((s) => s === h).length);
    const rates = plan.strata.map((s) => s.rate);
    const trueShare = truth.filter(Boolean).length / N;
    for (const err of VERIFIER_ERRORS) {
      let coverTruth = 0;
      let coverVerifier = 0;
      let relErr = 0;
      for (let rep = 1; rep <= REPETITIONS; rep++) {
        const rng = createRng(10_000 + rep);
        // What this verifier says about every conversation (its errors fixed per repetition).
        const says = truth.map((t) => (t ? rng() >= err.fnr : rng() < err.fpr));
        const verifierShare = says.filter(Boolean).length / N;
        const counts: StratumShare[] = [0, 1, 2].map(() => ({ n: 0, x: 0 }));
        for (let i = 0; i < N; i++) {
          const h = strata[i];
          if (uniformHash(rep, i) < rates[h]) {
            counts[h].n++;
            if (says[i]) counts[h].x++;
          }
        }
        const e: ShareEstimate = twoPhaseEstimator({ population }, { seed: rep, draws: 1000 }).share(
          counts,
          'affective',
        );
        if (e.interval.low <= trueShare && trueShare <= e.interval.high) coverTruth++;
        if (e.interval.low <= verifierShare && verifierShare <= e.interval.high) coverVerifier++;
        relErr += Math.abs(e.share - trueShare) / trueShare;
      }
      ctx.note(
        `verifier FNR ${err.fnr}, FPR ${err.fpr}: 95% intervals cover the true affective share (${(100 * trueShare).toFixed(2)}%) in ${((100 * coverTruth) / REPETITIONS).toFixed(1)}% of ${REPETITIONS} seeded runs, the verifier's own population share in ${((100 * coverVerifier) / REPETITIONS).toFixed(1)}%; mean relative error against the truth ${((100 * relErr) / REPETITIONS).toFixed(1)}%`,
      );
    }
    ctx.note(
      'a cascade inherits its verifier’s errors: validate the verifier on labelled conversations of your own (affectlens label, affectlens validate) before quoting a small share',
    );
  },
};
