/**
 * `npm run bench facets`: offline facet extraction throughput on one core, for typical
 * six-message conversations generated here (seeded), next to a bare baseline that only lowercases
 * and tokenises the same text. Goal: >= 5,000 conversations/s. Then Chinese beside English: the
 * synthetic generator's conversations all in Chinese and all in English, alternated (goal for
 * Chinese: >= 3,000 conversations/s).
 */
import type { Conversation } from '../conversation/model.js';
import { offlineFacets } from '../facets/offline/facets.js';
import { normalise, tokenise } from '../facets/offline/text.js';
import { generateConversations } from '../synth/generate.js';
import { createRng } from '../util/random.js';
import type { BenchSection } from './benchSection.js';
import { type Measurement, measure, medianOf } from './harness.js';

const N = 20_000;
const GOAL = 5_000;
const ROUNDS = 5;
const ZH_GOAL = 3_000;
const ZH_N = 10_000;

const USER_LINES = [
  'I have been feeling really anxious about work lately and I cannot sleep.',
  'My girlfriend and I keep arguing about small things, what should I do?',
  'Can you write a short poem about autumn leaves for my blog?',
  'How do I fix a TypeError in my python function when the list is empty?',
  'Thanks, that actually helps a lot. I feel a bit better now.',
  'I want to start exercising every morning but I keep losing motivation.',
  'hi! how are you today? do you like music?',
  'What is the capital of Australia and why is it not Sydney?',
  "I'm not okay. Nobody seems to care and I feel so alone.",
  'Please book a table for two at an Italian restaurant tonight.',
];
const ASSISTANT_LINES = [
  "I'm sorry you're going through this. Would you like to talk about what is on your mind?",
  'Here is a short poem: golden leaves drift down, the wind hums softly through the trees.',
  "I'm sorry, but I can't help with that request.",
  'Actually, that is a common misconception: the capital is Canberra, chosen as a compromise.',
  'You could start with ten minutes a day and track your progress in a notebook.',
  'Check whether the list is empty before indexing it, and add a test for that case.',
];

function generate(n: number, seed: number): Conversation[] {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
  const out: Conversation[] = [];
  for (let i = 0; i < n; i++) {
    const messages: Conversation['messages'] = [];
    for (let t = 0; t < 3; t++) {
      messages.push({ role: 'user', content: `${pick(USER_LINES)} ${pick(USER_LINES)}` });
      messages.push({ role: 'assistant', content: `${pick(ASSISTANT_LINES)} ${pick(ASSISTANT_LINES)}` });
    }
    out.push({
      id: `bench-${i}`,
      messages,
      source: { file: 'bench', position: i, unit: 'line' },
      metadata: {},
    });
  }
  return out;
}

function tokeniseAll(c: Conversation): number {
  let tokens = 0;
  for (const m of c.messages) tokens += tokenise(normalise(m.content)).length;
  return tokens;
}

export const facetsBench: BenchSection = {
  name: 'facets',
  description: 'offline facet extraction, 6-message conversations, one core, vs lowercase+tokenise baseline',
  async run(ctx) {
    const convs = generate(N, 7);
    const chars = convs.reduce((a, c) => a + c.messages.reduce((b, m) => b + m.content.length, 0), 0);
    ctx.note(
      `${N.toLocaleString('en-US')} generated conversations, mean ${Math.round(chars / N)} characters each`,
    );
    // Warm up the JIT on both paths so neither pays for compilation in its timing (the engine is
    // about a sixth slower than its steady state after 500 conversations).
    for (const c of convs.slice(0, 4000)) tokeniseAll(c);
    for (const c of convs.slice(0, 4000)) offlineFacets(c);
    // Alternated rounds, so a slow spell of a shared machine falls on both paths; the median counts.
    const baselines: Measurement[] = [];
    const offlines: Measurement[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baselines.push(
        await measure('baseline: lowercase + tokenise', 'conv', async () => {
          let tokens = 0;
          for (const c of convs) tokens += tokeniseAll(c);
          return { items: convs.length, extra: { tokens } };
        }),
      );
      offlines.push(
        await measure('offline facets (all facets)', 'conv', async () => {
          let affective = 0;
          for (const c of convs) if (offlineFacets(c).categories.length > 0) affective++;
          return { items: convs.length, extra: { affectiveShare: affective / convs.length } };
        }),
      );
    }
    const baseline = medianOf(baselines);
    const offline = medianOf(offlines);
    ctx.report(baseline);
    offline.extra = { ...offline.extra, slowdownVsBaseline: baseline.perSecond / offline.perSecond };
    ctx.report(offline);
    ctx.note(
      `goal >= ${GOAL.toLocaleString('en-US')} conv/s (median of ${ROUNDS} alternated runs): ${offline.perSecond >= GOAL ? 'met' : 'MISSED'} (${Math.round(offline.perSecond).toLocaleString('en-US')} conv/s, ${(baseline.perSecond / offline.perSecond).toFixed(1)}x the baseline's time)`,
    );

    // Chinese beside English: the same generator, the same scenes, in each language.
    const corpus = (chineseShare: number) =>
      [...generateConversations({ n: ZH_N, seed: 11, chineseShare })].map((r) => r.conversation);
    const zh = corpus(1);
    const en = corpus(0);
    for (const c of [...zh, ...en].slice(0, 4000)) offlineFacets(c);
    const zhRuns: Measurement[] = [];
    const enRuns: Measurement[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      enRuns.push(
        await measure('offline facets, synthetic English', 'conv', async () => {
          for (const c of en) offlineFacets(c);
          return { items: en.length };
        }),
      );
      zhRuns.push(
        await measure('offline facets, synthetic Chinese', 'conv', async () => {
          for (const c of zh) offlineFacets(c);
          return { items: zh.length };
        }),
      );
    }
    const enMedian = medianOf(enRuns);
    const zhMedian = medianOf(zhRuns);
    ctx.report(enMedian);
    zhMedian.extra = { ...zhMedian.extra, vsEnglish: zhMedian.perSecond / enMedian.perSecond };
    ctx.report(zhMedian);
    ctx.note(
      `Chinese goal >= ${ZH_GOAL.toLocaleString('en-US')} conv/s: ${zhMedian.perSecond >= ZH_GOAL ? 'met' : 'MISSED'} (${Math.round(zhMedian.perSecond).toLocaleString('en-US')} conv/s, ${(zhMedian.perSecond / enMedian.perSecond).toFixed(2)} of English on the same scenes)`,
    );
  },
};
