/**
 * The cascade end to end: the offline engine screens a synthetic log, the openai engine verifies
 * against a fake server that answers with the corpus's truth (a perfect verifier), and the report's
 * figures come from the two-phase estimators. Checks the plumbing, the sampling design, the cost, the
 * reconciliation of counts, and that the estimates hold the truth the raw screen misses.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { effectiveCategories } from '../../src/analysis/groups.js';
import { main } from '../../src/cli/main.js';
import { createLlmEngine } from '../../src/facets/llm/createLlmEngine.js';
import { createOfflineEngine } from '../../src/facets/offline/offlineEngine.js';
import { errorFacets, SENTIMENT_LABELS } from '../../src/facets/schema.js';
import { analyzeLogs } from '../../src/pipeline/analyze.js';
import type { Report } from '../../src/report/reportSchema.js';
import { generateConversations, type SynthRecord } from '../../src/synth/generate.js';
import { writeSynthCorpus } from '../../src/synth/writeCorpus.js';
import { type FakeLlmServer, startFakeLlmServer } from '../helpers/fakeLlmServer.js';
import { captureOutput } from '../helpers/io.js';

const N = 3000;
let dir: string;
let corpus: string;
let records: SynthRecord[];
let server: FakeLlmServer;

/** The facets a perfect verifier gives: the generator's truth. */
function truthAnswer(r: SynthRecord): Record<string, unknown> {
  const t = r.truth;
  return {
    contentCreation: t.contentCreation,
    categories: t.categories,
    pushback: t.pushback,
    pushbackReason: t.pushbackReason,
    sentiment: t.sentiment.map((v) => SENTIMENT_LABELS[v]),
    concern: t.topicPath.slice(-1)[0].replace(/_/g, ' '),
    language: t.language,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'al-cascade-'));
  corpus = join(dir, 'log.jsonl');
  records = [...generateConversations({ n: N, seed: 11, affectiveShare: 0.05, users: 900 })];
  await writeSynthCorpus(records, corpus, 'openai');
  // Keyed by every user message, as the request carries them (a conversation too long for the
  // transcript budget is cut in the middle: those are found by their count and first messages).
  const byUsers = new Map<string, SynthRecord>();
  for (const r of records) {
    const users = r.conversation.messages.filter((m) => m.role === 'user').map((m) => m.content);
    byUsers.set(users.join('\u0001'), r);
  }
  server = await startFakeLlmServer({
    truth: (users) => {
      const r = byUsers.get(users.join('\u0001'));
      return r ? truthAnswer(r) : undefined;
    },
  });
});

afterAll(async () => {
  await server?.close();
});

const verifier = () =>
  createLlmEngine('openai', {
    model: 'fake-model',
    baseUrls: [`${server.url}/v1`],
    env: {},
    concurrency: 8,
    sleep: async () => {},
  });

describe('analyze --cascade', () => {
  it('verifies the candidates and samples of the rest, and estimates the figures from the verified answers', async () => {
    const out = join(dir, 'report');
    const before = server.calls.filter((c) => c.path.endsWith('/chat/completions')).length;
    const result = await analyzeLogs(
      {
        inputs: [corpus],
        outDir: out,
        seed: 5,
        storeDir: join(dir, 'store'),
        cascade: {},
        thresholds: { minUsers: 3, minConversations: 5 },
      },
      { now: () => 0, seed: 5, log: () => {}, engine: await verifier(), screen: createOfflineEngine() },
    );
    const calls = server.calls.filter((c) => c.path.endsWith('/chat/completions')).length - before;
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;

    // Counts reconcile over the whole log, not only the verified part.
    expect(result.read).toBe(N);
    expect(report.funnel.read).toBe(
      report.funnel.analysed + report.funnel.excluded + report.funnel.quarantined,
    );
    expect(report.funnel.analysed).toBe(N);
    expect(report.prevalence.n).toBe(N);

    const c = report.estimation.cascade!;
    expect(report.estimation.method).toBe('cascade');
    expect(c.strata.map((s) => s.name)).toEqual(['candidates', 'near_misses', 'rest']);
    expect(c.strata.reduce((s, x) => s + x.conversations, 0)).toBe(N);
    expect(c.strata[0]).toMatchObject({ rate: 1 });
    expect(c.strata[0].selected).toBe(c.strata[0].conversations);
    expect(c.strata[2].selected).toBeGreaterThanOrEqual(Math.min(400, c.strata[2].conversations));
    expect(c.verifiedConversations).toBe(c.strata.reduce((s, x) => s + x.verified, 0));
    // One call per selected conversation (and the odd repair of an unusable answer), far fewer than a full run.
    const selected = c.strata.reduce((s, x) => s + x.selected, 0);
    expect(calls).toBeGreaterThanOrEqual(selected);
    expect(calls).toBeLessThanOrEqual(selected * 1.05);
    expect(calls / N).toBeLessThan(0.4);

    // The estimate holds the corpus's true affective share; every figure names its method.
    // The truth as the report counts it: content creation is never affective, roleplay needs 4 human messages.
    const trueShare =
      records.filter(
        (r) =>
          effectiveCategories({
            conversationId: r.conversation.id,
            humanMessages: r.truth.sentiment.length,
            facets: {
              ...errorFacets(0, ''),
              status: { kind: 'ok' },
              contentCreation: r.truth.contentCreation,
              categories: r.truth.categories,
            },
          }).length > 0,
      ).length / N;
    const a = report.prevalence.affective;
    expect(a.method).toBe('cascade');
    expect(a.interval.low).toBeLessThanOrEqual(trueShare);
    expect(a.interval.high).toBeGreaterThanOrEqual(trueShare);
    for (const cat of report.prevalence.categories) if (!cat.suppressed) expect(cat.method).toBe('cascade');
    // The screen's own counts stay visible beside the estimate.
    expect(report.prevalence.screening?.affective.method).toBe('raw');
    // The screen measured against the verifier on this log.
    const agreement = c.agreement.find((x) => x.facet === 'affective');
    expect(agreement?.recall.rate).toBeGreaterThan(0);
    expect(agreement?.recall.method).toBe('cascade');
    expect(report.provenance.parameters).toMatchObject({ cascade: { rateChosen: true } });

    // The support facets (referral, crisis, stance) are verified like the others: their figures come
    // from the verifier's answers through the same two-phase estimator.
    expect(report.referral.available).toBe(true);
    if (report.referral.available) {
      const all = report.referral.groups.find((g) => g.group === 'all');
      expect(all && !all.suppressed && all.method).toBe('cascade');
    }

    // The page says what was verified, what it cost and how the screen fared, in its own section.
    const page = readFileSync(join(out, 'report.html'), 'utf8');
    expect(page).toMatch(/LLM-verified two-phase estimates/);
    expect(page).toMatch(
      /<section id="estimation">[\s\S]*What the cascade verified[\s\S]*The offline screen against the verifier/,
    );
    const strata = readFileSync(join(out, 'estimation_cascade.csv'), 'utf8').trim().split('\r\n');

    // estimate --cascade, before anything is sent, plans exactly the conversations this run verified.
    const io = captureOutput();
    try {
      expect(
        await main([
          'node',
          'affectlens',
          'estimate',
          corpus,
          '--engine',
          'openai',
          '--cascade',
          '--seed',
          '5',
          '--json',
        ]),
      ).toBe(0);
    } finally {
      vi.restoreAllMocks();
    }
    const plan = JSON.parse(io.out()) as {
      calls: number;
      cascade: { strata: { selected: number }[] };
      fullRun: { calls: number };
    };
    expect(plan.cascade.strata.map((x) => x.selected)).toEqual(c.strata.map((x) => x.selected));
    expect(plan.calls).toBe(selected);
    expect(Math.abs(plan.calls - calls) / calls).toBeLessThanOrEqual(0.1);
    expect(plan.fullRun.calls).toBe(N);
    captureOutput();
    try {
      expect(
        await main(['node', 'affectlens', 'estimate', corpus, '--engine', 'openai', '--verify-rate', '0.1']),
      ).toBe(2);
    } finally {
      vi.restoreAllMocks();
    }
    expect(strata[0]).toBe('stratum,conversations,rate,selected,verified,failed,cost_usd');
    expect(strata.slice(1, 4).map((l) => l.split(',')[0])).toEqual(['candidates', 'near_misses', 'rest']);
  });

  it('takes a given verify rate, counts the verifier failures, and still estimates', async () => {
    const flaky = await startFakeLlmServer({ faultRate: 0.3, faultKinds: ['invalid'], seed: 2 });
    try {
      const out = join(dir, 'flaky');
      const engine = await createLlmEngine('openai', {
        model: 'fake-model',
        baseUrls: [`${flaky.url}/v1`],
        env: {},
        concurrency: 8,
        sleep: async () => {},
        retry: { maxRetries: 0, baseDelayMs: 1, maxDelayMs: 1 },
      });
      await analyzeLogs(
        {
          inputs: [corpus],
          outDir: out,
          seed: 5,
          storeDir: join(dir, 'flaky-store'),
          cascade: { verifyRate: 0.05 },
        },
        { now: () => 0, seed: 5, log: () => {}, engine, screen: createOfflineEngine() },
      );
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as Report;
      const c = report.estimation.cascade!;
      expect(c.rateChosen).toBe(false);
      expect(c.strata[2].rate).toBe(0.05);
      expect(c.strata[1].rate).toBe(0.25);
      const failed = c.strata.reduce((s, x) => s + x.failed, 0);
      expect(failed).toBeGreaterThan(0);
      expect(c.strata.reduce((s, x) => s + x.verified + x.failed, 0)).toBe(
        c.strata.reduce((s, x) => s + x.selected, 0),
      );
      expect(report.prevalence.affective.method).toBe('cascade');
      expect(report.funnel.read).toBe(N);
    } finally {
      await flaky.close();
    }
  });
});
