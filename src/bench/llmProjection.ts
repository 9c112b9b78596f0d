/**
 * The arithmetic of an LLM run at scale, from measured figures: how long its calls take at a
 * measured rate per worker, and how many provider batches it needs. Pure, so the README's
 * projection is computed (and tested), not guessed.
 */

/** Requests one provider batch may hold: the provider's documented limit, and the chunk this code submits. */
export interface BatchLimit {
  provider: string;
  /** Anthropic Message Batches: 100,000 requests per batch; OpenAI Batch: 50,000 requests per input file. */
  providerLimit: number;
  /** `maxItemsPerBatch` of src/llm/providers/<provider>.ts: what this code actually puts in one batch. */
  submittedPerBatch: number;
}

export const BATCH_LIMITS: readonly BatchLimit[] = [
  { provider: 'anthropic', providerLimit: 100_000, submittedPerBatch: 10_000 },
  { provider: 'openai', providerLimit: 50_000, submittedPerBatch: 20_000 },
];

/** Calls per second; throws on a non-positive duration (a figure that would read as infinite). */
export function callsPerSecond(calls: number, seconds: number): number {
  if (!(seconds > 0)) throw new Error(`callsPerSecond: seconds must be > 0 (got ${seconds})`);
  if (!(calls >= 0)) throw new Error(`callsPerSecond: calls must be >= 0 (got ${calls})`);
  return calls / seconds;
}

export interface ProjectionInput {
  conversations: number;
  /** 1 with all facets in one call; 5 with --split-facets. */
  callsPerConversation: number;
  /** Measured synchronous rate of one worker process. */
  callsPerSecondPerWorker: number;
  workers: number;
  limits?: readonly BatchLimit[];
}

export interface Projection {
  calls: number;
  /** All workers together. */
  callsPerSecond: number;
  seconds: number;
  hours: number;
  batches: { provider: string; atProviderLimit: number; asSubmitted: number }[];
}

/** calls = conversations × calls per conversation; time = calls / (rate per worker × workers). */
export function projectLlmRun(input: ProjectionInput): Projection {
  for (const [k, v] of Object.entries({
    conversations: input.conversations,
    callsPerConversation: input.callsPerConversation,
    callsPerSecondPerWorker: input.callsPerSecondPerWorker,
    workers: input.workers,
  }))
    if (!(v > 0) || !Number.isFinite(v)) throw new Error(`projectLlmRun: ${k} must be > 0 (got ${v})`);
  const calls = input.conversations * input.callsPerConversation;
  const rate = input.callsPerSecondPerWorker * input.workers;
  const seconds = calls / rate;
  return {
    calls,
    callsPerSecond: rate,
    seconds,
    hours: seconds / 3600,
    batches: (input.limits ?? BATCH_LIMITS).map((l) => ({
      provider: l.provider,
      atProviderLimit: Math.ceil(calls / l.providerLimit),
      asSubmitted: Math.ceil(calls / l.submittedPerBatch),
    })),
  };
}

/** The projection with its arithmetic written out, one line per figure. */
export function projectionLines(input: ProjectionInput, p: Projection = projectLlmRun(input)): string[] {
  const n = (x: number, digits = 0) =>
    x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  const lines = [
    `${n(input.conversations)} conversations × ${input.callsPerConversation} call(s) = ${n(p.calls)} calls`,
    `${n(p.calls)} calls / (${n(input.callsPerSecondPerWorker, 1)} calls/s per worker × ${input.workers} worker(s)) = ${n(p.seconds)} s = ${n(p.hours, 2)} h`,
  ];
  const limits = input.limits ?? BATCH_LIMITS;
  for (const [i, b] of p.batches.entries()) {
    const l = limits[i];
    lines.push(
      `${b.provider} batches: ⌈${n(p.calls)} / ${n(l.providerLimit)}⌉ = ${n(b.atProviderLimit)} at the provider's limit; ⌈${n(p.calls)} / ${n(l.submittedPerBatch)}⌉ = ${n(b.asSubmitted)} as this code submits them`,
    );
  }
  return lines;
}
