/**
 * The whole pipeline with the offline engine at 10k, 100k and 1M synthetic conversations (generated
 * once into the bench cache, outside git), per stage: wall time, conversations/s, peak RSS; and the
 * 1M run beside a bare read-and-JSON.parse pass of the same file, as a ratio.
 * Sizes can be narrowed with AFFECTLENS_BENCH_SIZES=10000,100000.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { humanMessageCount } from '../conversation/model.js';
import type { FacetEngine } from '../facets/engine.js';
import { createOfflineEnginePool } from '../facets/offline/pool.js';
import type { Facets } from '../facets/schema.js';
import { analyzeLogs } from '../pipeline/analyze.js';
import type { BenchSection } from './benchSection.js';
import { corpusFile, measure } from './harness.js';
import { bareJsonl } from './readers.js';

const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];

export const pipelineBench: BenchSection = {
  name: 'pipeline',
  description: 'analyze end to end, offline engine, at 10k / 100k / 1M conversations',
  async run(ctx) {
    const sizes = (process.env.AFFECTLENS_BENCH_SIZES ?? DEFAULT_SIZES.join(','))
      .split(',')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n) && n > 0);
    for (const n of sizes) {
      const file = await corpusFile(n);
      ctx.note(
        `${n.toLocaleString('en-US')} conversations: ${(statSync(file).size / 2 ** 20).toFixed(0)} MB at ${file}`,
      );
      const stageStart = new Map<string, number>();
      const out = mkdtempSync(join(tmpdir(), 'al-bench-pipeline-'));
      let stages: Record<string, number> = {};
      const workers = availableParallelism();
      const engine = createOfflineEnginePool(workers);
      const m = await measure(`analyze offline ${label(n)} (${workers} workers)`, 'conv', async (rss) => {
        const t0 = Date.now();
        rss.stage('read+facets');
        const r = await analyzeLogs(
          { inputs: [file], outDir: out, seed: 1 },
          {
            now: () => Date.now(),
            seed: 1,
            log: () => {},
            engine,
            onProgress: (p) => {
              if (!stageStart.has(p.stage)) {
                stageStart.set(p.stage, p.elapsedMs);
                rss.stage(p.stage);
              }
            },
          },
        );
        rss.sample();
        const total = (Date.now() - t0) / 1000;
        const at = (s: string) => (stageStart.get(s) ?? 0) / 1000;
        const seconds: Record<string, number> = {
          'read+facets': at('cluster'),
          cluster: at('report') - at('cluster'),
          report: total - at('report'),
        };
        stages = {};
        for (const [name, sec] of Object.entries(seconds)) {
          stages[`${name} s`] = sec;
          stages[`${name} conv/s`] = Math.round(r.read / sec);
          stages[`${name} peak RSS MB`] = Math.round(rss.peakOf(name) / 2 ** 20);
        }
        return { items: r.read, extra: stages };
      });
      await engine.close?.();
      ctx.report(m);
      if (n === Math.max(...sizes)) {
        const bare = await measure(`bare read + JSON.parse ${label(n)}`, 'conv', () => bareJsonl(file));
        ctx.report(bare);
        const ingestRate = m.items / stages['read+facets s'];
        ctx.note(
          `ingest + facets at ${Math.round(ingestRate).toLocaleString('en-US')} conv/s = ${(ingestRate / bare.perSecond).toFixed(2)} of the bare parse speed; end to end ${(m.perSecond / bare.perSecond).toFixed(2)}`,
        );
        // The same run with an engine that reads nothing: what reading, the reader checks, batching
        // and the analyses cost without any facet work, i.e. the most the engine could ever get.
        const floor = await measure(`analyze, ingest only (no facet work) ${label(n)}`, 'conv', async () => {
          const r = await analyzeLogs(
            { inputs: [file], outDir: out, seed: 1 },
            { now: () => Date.now(), seed: 1, log: () => {}, engine: ingestOnlyEngine() },
          );
          return { items: r.read };
        });
        ctx.report(floor);
        ctx.note(
          `ingest alone (the pipeline with an engine that does no work) runs at ${(floor.perSecond / bare.perSecond).toFixed(2)} of the bare parse speed; the rest of the gap is the offline engine's time per conversation`,
        );
      }
      rmSync(out, { recursive: true, force: true });
    }
    ctx.note(
      'analyses are accumulated as facets come back: live memory grows only with the affective and long conversations (topic candidates, their user keys and sentiment changes, the clustering matrix n_affective x 256 float32) and the distinct user ids; the rest of the peak-RSS growth with N is V8 heap headroom on the main thread (heapTotal far above live heap while parsing and batching), which rises with the volume allocated, not with what is kept',
    );
  },
};

/**
 * A bench baseline, not an engine anyone can choose: every conversation gets the facets of a
 * non-affective one without its text being read, so the pipeline around the engine is measured alone.
 */
function ingestOnlyEngine(): FacetEngine {
  return {
    name: 'offline',
    model: 'ingest-only-baseline',
    promptVersion: 'none',
    parameters: {},
    batchSize: 256,
    storesResults: false,
    costOf: () => 0,
    async extractFacets(conversations) {
      return conversations.map((c) => {
        const humanMessages = humanMessageCount(c);
        const facets: Facets = {
          contentCreation: false,
          categories: [],
          pushback: false,
          pushbackReason: null,
          sentiment: new Array(humanMessages).fill(0),
          concern: '',
          language: 'en',
          humanMessages,
          status: { kind: 'ok' },
        };
        return { facets, usage: { inputTokens: 0, outputTokens: 0 } };
      });
    },
  };
}

function label(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n);
}
