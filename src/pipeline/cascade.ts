/**
 * The cascade: the offline engine screens every conversation; an LLM verifies every candidate the
 * screen flags for any figure (affective, romantic roleplay, very long, pushback) and a seeded uniform
 * random sample of the rest — at a higher rate for near misses (weak signals the screen cannot read,
 * such as distress words or a language the offline rules do not cover) than for everything else. The
 * report's figures then come from the verified answers through stratified two-phase estimators
 * (src/estimate/twoPhase.ts): about a tenth of a full LLM run's calls, with the LLM's accuracy.
 *
 * Two passes over the input: (1) screen everything; (2) verify the candidates and the samples. The
 * sample sizes are fixed from the strata's sizes alone, before any answer is seen: a design that
 * widened the sample after looking at the first answers would widen it exactly when those were
 * unluckily high, and its intervals would miss the truth more often than they say.
 */
import { type AccumulatorOptions, AnalysisAccumulator } from '../analysis/accumulate.js';
import { effectiveCategories } from '../analysis/groups.js';
import { PerStratum, rateStrata } from '../analysis/perStratum.js';
import type { Conversation } from '../conversation/model.js';
import { type CascadeSummary, STRATA } from '../estimate/cascadeSummary.js';
import type { Estimator } from '../estimate/estimator.js';
import { twoPhaseEstimator } from '../estimate/twoPhase.js';
import type { FacetEngine } from '../facets/engine.js';
import type { Facets } from '../facets/schema.js';
import { addUsage, zeroUsage } from '../llm/usage.js';
import { GroupTally, ThresholdGate, type Thresholds } from '../privacy/thresholds.js';
import type { RunStore } from '../store/runStore.js';
import { uniformHash } from '../util/random.js';
import { type Classification, classifyPass } from './classify.js';
import type { DecisionsExport } from './decisions.js';
import type { ExtractOptions, StoredResult } from './extract.js';

/** Near misses are verified at this rate at least. */
export const NEAR_MISS_RATE = 0.25;
/** The random sample of the rest holds at least this many conversations (or all of them). */
export const MIN_REST_SAMPLE = 400;
/** The affective share's 95% half-width the tool aims for when it chooses the rate. */
export const TARGET_HALF_WIDTH = 0.005;
/**
 * The share of the conversations it does not flag that the screen is assumed to miss, for choosing the
 * rest's sample size (the report measures the real miss rate: see its agreement figures).
 */
export const ASSUMED_MISS_RATE = 0.005;

export interface CascadeOptions extends ExtractOptions, AccumulatorOptions {
  seed: number;
  thresholds: Thresholds;
  /** The sampling rate of the rest (near misses: at least NEAR_MISS_RATE); default: chosen, see above. */
  verifyRate?: number;
  onProgress?: () => void;
  /** Every decision is also written here: the screen's for every conversation, the verifier's for those it answered. */
  decisions?: DecisionsExport;
}

/** The screen's bits for one conversation, one byte each: stratum (2 bits) and the offline decisions. */
const AFFECTIVE = 4;
const PUSHBACK = 8;
const CONTENT = 16;

/**
 * Which stratum the screen puts a conversation in: 0 candidate (affective, pushback, 50+ human
 * messages, a crisis signal), 1 near miss, 2 the rest.
 */
export function screenStratum(facets: Facets, humanMessages: number): number {
  if (facets.status.kind === 'error') return 1;
  const affective = facets.categories.length > 0 && !facets.contentCreation;
  // A crisis signal the rules read is a candidate too: the crisis figures need every one verified.
  if (affective || facets.pushback || humanMessages >= 50 || facets.support?.crisis === true) return 0;
  // Weak signals: distress the rules did not turn into a category, or a language they do not read.
  if (facets.sentiment.some((v) => v <= -0.5) || (facets.language !== 'en' && facets.language !== 'und'))
    return 1;
  return 2;
}

export async function classifyWithCascade(
  /** Reads the selected conversations again from the start (each call a fresh pass, in the same order). */
  read: (pass: number) => AsyncIterable<Conversation>,
  screen: FacetEngine,
  verifier: FacetEngine,
  store: RunStore<StoredResult> | null,
  options: CascadeOptions,
): Promise<Classification> {
  // Pass 1: the screen on everything.
  const bits = new ByteList();
  const { decisions } = options;
  const first = await classifyPass(read(1), screen, null, {
    onBatch: options.onProgress,
    keepConversations: decisions !== undefined,
    onResult: (ref, r) => {
      if (decisions && ref.conversation) decisions.add(ref.conversation, r, screen);
      const f = r.facets;
      const affective =
        effectiveCategories({ conversationId: '', humanMessages: f.humanMessages, facets: f }).length > 0;
      bits.push(
        screenStratum(f, f.humanMessages) |
          (affective ? AFFECTIVE : 0) |
          (f.pushback ? PUSHBACK : 0) |
          (f.contentCreation ? CONTENT : 0),
      );
    },
  });
  const population = [0, 0, 0];
  for (let i = 0; i < bits.length; i++) population[bits.at(i) & 3]++;
  const rates = verificationRates(population, options.verifyRate);
  const key = (i: number) => uniformHash(options.seed, i);
  const inSample = (i: number, r: readonly number[]) => key(i) < r[bits.at(i) & 3];

  // Pass 2: the verifier on the candidates and the samples.
  const verified = new VerifiedPasses(bits, key, options);
  const pass = await verifyPass(read(2), verifier, store, options, (i) => inSample(i, rates), bits, verified);
  const estimator = twoPhaseEstimator({ population }, { seed: options.seed });

  const selected = [0, 0, 0];
  for (let i = 0; i < bits.length; i++) if (inSample(i, rates)) selected[bits.at(i) & 3]++;
  const usage = zeroUsage();
  addUsage(usage, first.usage);
  addUsage(usage, pass.usage);
  const verifiedTotal = verified.answered.total;
  const cost = verifier.costOf(pass.usage);
  const summary: CascadeSummary = {
    screen: { engine: screen.name, model: screen.model, version: screen.promptVersion },
    verifier: { engine: verifier.name, model: verifier.model, promptVersion: verifier.promptVersion },
    strata: STRATA.map((name, h) => ({
      name,
      conversations: population[h],
      rate: rates[h],
      selected: selected[h],
      verified: verified.answered.at(h),
      failed: verified.failed.at(h),
    })),
    rateChosen: options.verifyRate === undefined,
    verifiedConversations: verifiedTotal,
    fullRunConversations: population[0] + population[1] + population[2],
    costUSD: cost,
    fullRunCostUSD:
      cost === null || verifiedTotal === 0
        ? null
        : Math.round((cost / verifiedTotal) * (population[0] + population[1] + population[2]) * 1e6) / 1e6,
    agreement: verified.agreement(estimator, options.thresholds),
  };
  return {
    analysis: pass.analysis,
    estimator,
    screening: first.analysis,
    cascade: summary,
    usage,
    reused: pass.reused,
  };
}

/**
 * Each stratum's verification rate from the strata's sizes: every candidate, near misses at
 * NEAR_MISS_RATE at least, the rest at the given rate or one chosen by restRate. `estimate --cascade`
 * plans with the same rates and the same seeded draws (uniformHash(seed, position) < rate).
 */
export function verificationRates(population: readonly number[], verifyRate?: number): number[] {
  return [1, Math.min(1, Math.max(verifyRate ?? 0, NEAR_MISS_RATE)), verifyRate ?? restRate(population)];
}

/**
 * The rest's sampling rate: enough conversations that, if the screen missed ASSUMED_MISS_RATE of them,
 * the affective share's 95% half-width would be about TARGET_HALF_WIDTH; at least MIN_REST_SAMPLE.
 */
export function restRate(population: readonly number[]): number {
  const total = population.reduce((s, v) => s + v, 0);
  const rest = population[2];
  if (rest === 0) return 1;
  const q = ASSUMED_MISS_RATE;
  const needed = Math.ceil((1.96 ** 2 * q * (1 - q) * (rest / total) ** 2) / TARGET_HALF_WIDTH ** 2);
  return Math.min(1, Math.max(MIN_REST_SAMPLE, needed) / rest);
}

async function verifyPass(
  conversations: AsyncIterable<Conversation>,
  verifier: FacetEngine,
  store: RunStore<StoredResult> | null,
  options: CascadeOptions,
  wanted: (i: number) => boolean,
  bits: ByteList,
  verified: VerifiedPasses,
) {
  return classifyPass(selectIndexed(conversations, wanted, verified.index), verifier, store, {
    ...options,
    onBatch: options.onProgress,
    // The tag carries the conversation's position to its answer (its screen byte is found from it).
    tagOf: (c) => verified.index.get(c)!,
    stratumOf: (ref) => bits.at(ref.tag!) & 3,
    keepConversations: options.decisions !== undefined,
    onResult: (ref, r) => {
      if (options.decisions && ref.conversation) options.decisions.add(ref.conversation, r, verifier);
      verified.add(bits.at(ref.tag!) & 3, bits.at(ref.tag!), ref, r.facets);
    },
    analysisFrom: verified.analysis,
  });
}

/** The conversations of a pass that `wanted` selects by position, remembering each one's position. */
async function* selectIndexed(
  conversations: AsyncIterable<Conversation>,
  wanted: (i: number) => boolean,
  index: WeakMap<Conversation, number>,
): AsyncGenerator<Conversation> {
  let i = 0;
  for await (const c of conversations) {
    if (wanted(i)) {
      index.set(c, i);
      yield c;
    }
    i++;
  }
}

/** What the verifier answered across passes: per stratum, and against the screen's decisions. */
class VerifiedPasses {
  /** Position of each conversation handed to the verifier (to find its screen byte). */
  readonly index = new WeakMap<Conversation, number>();
  readonly analysis: AnalysisAccumulator;
  readonly answered = new PerStratum();
  readonly failed = new PerStratum();
  /** Per facet: verifier-positive, screen-positive, both (per stratum), and the groups' sizes for the thresholds. */
  private readonly facets = new Map<
    string,
    { llm: PerStratum; screen: PerStratum; both: PerStratum; llmGroup: GroupTally; screenGroup: GroupTally }
  >();

  constructor(
    private readonly bits: ByteList,
    readonly key: (i: number) => number,
    accumulatorOptions: AccumulatorOptions,
  ) {
    this.analysis = new AnalysisAccumulator(accumulatorOptions);
  }

  add(stratum: number, bitsOf: number, ref: { id: string; userId?: string }, facets: Facets): void {
    if (facets.status.kind === 'error') {
      this.failed.add(stratum);
      return;
    }
    this.answered.add(stratum);
    const affective =
      effectiveCategories({ conversationId: ref.id, humanMessages: facets.humanMessages, facets }).length > 0;
    const pairs: [string, boolean, boolean][] = [
      ['affective', affective, (bitsOf & AFFECTIVE) !== 0],
      ['pushback', facets.pushback, (bitsOf & PUSHBACK) !== 0],
      ['contentCreation', facets.contentCreation, (bitsOf & CONTENT) !== 0],
    ];
    for (const [facet, llm, screen] of pairs) {
      let f = this.facets.get(facet);
      if (!f) {
        f = {
          llm: new PerStratum(),
          screen: new PerStratum(),
          both: new PerStratum(),
          llmGroup: new GroupTally(),
          screenGroup: new GroupTally(),
        };
        this.facets.set(facet, f);
      }
      const unit = { conversationId: ref.id, userId: ref.userId };
      if (llm) {
        f.llm.add(stratum);
        f.llmGroup.add(unit);
      }
      if (screen) {
        f.screen.add(stratum);
        f.screenGroup.add(unit);
      }
      if (llm && screen) f.both.add(stratum);
    }
  }

  byte(i: number): number {
    return this.bits.at(i);
  }

  /** Screen recall and precision against the verifier, per facet, each gated like any figure. */
  agreement(estimator: Estimator, thresholds: Thresholds): CascadeSummary['agreement'] {
    const gate = new ThresholdGate(thresholds);
    const out: CascadeSummary['agreement'] = [];
    for (const [facet, f] of this.facets) {
      if (!gate.allows(f.llmGroup.size()) || !gate.allows(f.screenGroup.size())) continue;
      out.push({
        facet,
        recall: estimator.rate(rateStrata(this.answered, f.llm, f.both, estimator.strata), `recall:${facet}`),
        precision: estimator.rate(
          rateStrata(this.answered, f.screen, f.both, estimator.strata),
          `precision:${facet}`,
        ),
      });
    }
    return out;
  }
}

/** Growable list of bytes (one per conversation: a million conversations cost a megabyte). */
class ByteList {
  private buf = new Uint8Array(1 << 16);
  length = 0;

  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }

  at(i: number): number {
    return this.buf[i];
  }
}
