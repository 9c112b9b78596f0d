/**
 * `npm run bench llm`: the LLM engines' own overhead, against the fake server with 300 ms latency.
 * Throughput is reported as a share of the ideal (concurrency / latency) and of a bare baseline
 * (raw fetches at the same concurrency); token overhead is what the prompt adds to the transcript.
 */
import type { Conversation } from '../conversation/model.js';
import { SPLIT_QUESTIONS } from '../facets/llm/answers.js';
import { createLlmEngine } from '../facets/llm/createLlmEngine.js';
import { DEFAULT_MAX_TRANSCRIPT_CHARS, facetQuestion, loadFacetPrompt } from '../facets/llm/request.js';
import { requestFor } from '../llm/ask.js';
import { sampleConversations, startFakeLlmServer } from '../llm/fakeServer.js';
import { mapWithConcurrency } from '../llm/rateLimit.js';
import type { BenchSection } from './benchSection.js';
import { measure } from './harness.js';

const LATENCY_MS = 300;
const CONCURRENCY = 32;
const CONVERSATIONS = 640;

export const llmBench: BenchSection = {
  name: 'llm',
  description: `LLM engines vs the fake server (${LATENCY_MS} ms latency, concurrency ${CONCURRENCY})`,
  async run(ctx) {
    const convs = sampleConversations(CONVERSATIONS) as Conversation[];
    const server = await startFakeLlmServer({ latencyMs: LATENCY_MS });
    const ideal = CONCURRENCY / (LATENCY_MS / 1000);
    try {
      const body = JSON.stringify({
        model: 'm',
        messages: [{ role: 'user', content: 'has 1 user message' }],
      });
      const bare = await measure('bare fetch, same concurrency', 'calls', async () => {
        await mapWithConcurrency(convs, CONCURRENCY, async () => {
          const r = await fetch(`${server.url}/v1/chat/completions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: 'Bearer bench' },
            body,
          });
          await r.json();
        });
        return { items: convs.length };
      });
      bare.extra = { shareOfIdeal: bare.perSecond / ideal };
      ctx.report(bare);
      for (const name of ['openai', 'anthropic'] as const) {
        const env =
          name === 'openai'
            ? { OPENAI_API_KEY: 'bench', OPENAI_BASE_URL: `${server.url}/v1` }
            : { ANTHROPIC_API_KEY: 'bench', ANTHROPIC_BASE_URL: server.url };
        const engine = await createLlmEngine(name, {
          env,
          model: 'm',
          concurrency: CONCURRENCY,
          deps: { now: () => Date.now(), seed: 1, log: () => {} },
        });
        const m = await measure(`${name} engine, all facets per call`, 'convs', async () => {
          const results = await engine.extractFacets(convs);
          const ok = results.filter((r) => r.facets.status.kind === 'ok').length;
          return { items: convs.length, extra: { ok } };
        });
        m.extra = { ...m.extra, shareOfIdeal: m.perSecond / ideal, vsBare: m.perSecond / bare.perSecond };
        ctx.report(m);
      }

      // Token overhead: prompt tokens (characters / 4) minus the transcript's own tokens.
      const sample = convs.slice(0, 64);
      const overhead = (questions: readonly ('all' | (typeof SPLIT_QUESTIONS)[number])[]): number => {
        let extra = 0;
        for (const c of sample)
          for (const q of questions) {
            const req = requestFor(
              facetQuestion(q, loadFacetPrompt(q), c, { maxTranscriptChars: DEFAULT_MAX_TRANSCRIPT_CHARS }),
            );
            const transcript = /<conversation>\n([\s\S]*)\n<\/conversation>/.exec(req.user)?.[1] ?? '';
            const schema = JSON.stringify(req.jsonSchema).length;
            extra +=
              Math.ceil((req.system.length + req.user.length + schema) / 4) -
              Math.ceil(transcript.length / 4);
          }
        return extra / sample.length;
      };
      ctx.note(`ideal throughput = concurrency / latency = ${ideal.toFixed(1)} conversations/s`);
      ctx.note(
        `token overhead per conversation beyond the transcript (instructions + wrapper + answer schema, chars/4): ` +
          `all facets in one call ${Math.round(overhead(['all']))}, split mode (5 calls) ${Math.round(overhead(SPLIT_QUESTIONS))}`,
      );
      ctx.note(
        'with prompt caching (anthropic) or automatic prefix caching (openai), the instructions are billed at the cache-read price after the first call',
      );
    } finally {
      await server.close();
    }
  },
};
