import { describe, expect, it } from 'vitest';
import { answerJsonSchema, validateAnswer } from '../../src/facets/llm/answers.js';
import { InvalidAnswerError } from '../../src/llm/client.js';
import { mapWithConcurrency, RateLimiter, TokenBucket } from '../../src/llm/rateLimit.js';
import { backoffDelay, classifyError, parseRetryAfter, withRetries } from '../../src/llm/retry.js';

/** A clock that only moves when someone sleeps. */
function fakeClock(start = 0) {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

describe('retry-after', () => {
  it('reads milliseconds, seconds and HTTP dates', () => {
    const now = () => Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(parseRetryAfter(new Headers({ 'retry-after': '3' }), now)).toBe(3000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }), now)).toBe(5000);
    expect(parseRetryAfter(new Headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('waits at least what the server asks, with full jitter otherwise', () => {
    const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(0, policy, () => 0.5)).toBe(50);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(400);
    expect(backoffDelay(10, policy, () => 0.999)).toBeLessThan(1000);
    expect(backoffDelay(0, policy, () => 0.5, 2000)).toBe(2000);
  });
});

describe('error classification', () => {
  const apiError = (status: number, headers: Record<string, string> = {}) =>
    Object.assign(new Error(`status ${status}`), { status, headers: new Headers(headers) });
  it('retries 429, 5xx, timeouts and resets; not bad requests or bad keys', () => {
    expect(classifyError(apiError(429, { 'retry-after': '2' }))).toMatchObject({
      kind: 'rateLimit',
      retryable: true,
      retryAfterMs: 2000,
    });
    expect(classifyError(apiError(503)).retryable).toBe(true);
    expect(classifyError(apiError(400)).retryable).toBe(false);
    expect(classifyError(apiError(401))).toMatchObject({ kind: 'config', retryable: false });
    const timeout = new Error('Request timed out.');
    timeout.name = 'APIConnectionTimeoutError';
    expect(classifyError(timeout)).toMatchObject({ kind: 'timeout', retryable: true });
    expect(classifyError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toMatchObject({
      kind: 'connection',
      retryable: true,
    });
    expect(classifyError(new InvalidAnswerError('answer is not JSON')).retryable).toBe(false);
  });

  it("retries the SDKs' connection errors, whose class is the only sign (fetch nests the socket code)", async () => {
    const Anthropic = (await import('@anthropic-ai/sdk')).default;
    const OpenAI = (await import('openai')).default;
    const socket = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const fetchFailed = new TypeError('fetch failed', { cause: socket });
    for (const E of [OpenAI.APIConnectionError, Anthropic.APIConnectionError]) {
      const err = new E({ message: undefined, cause: fetchFailed });
      expect(classifyError(err)).toMatchObject({ kind: 'connection', retryable: true });
    }
    expect(classifyError(new TypeError('fetch failed', { cause: socket }))).toMatchObject({
      kind: 'connection',
      reason: 'connection failed (UND_ERR_SOCKET)',
    });
  });

  it('withRetries sleeps between attempts and gives up after maxRetries', async () => {
    const clock = fakeClock();
    let calls = 0;
    const deps = { ...clock, rng: () => 0.5 };
    const policy = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 10_000 };
    await expect(
      withRetries(
        async () => {
          calls++;
          throw apiError(500);
        },
        policy,
        deps,
      ),
    ).rejects.toThrow('status 500');
    expect(calls).toBe(4);
    expect(clock.sleeps).toEqual([50, 100, 200]);
    calls = 0;
    const v = await withRetries(
      async () => {
        if (++calls < 3) throw apiError(429, { 'retry-after-ms': '700' });
        return 'ok';
      },
      policy,
      deps,
    );
    expect(v).toBe('ok');
    expect(clock.sleeps.slice(3)).toEqual([700, 700]);
  });
});

describe('rate limits', () => {
  it('requests per minute: the 61st request in a minute waits for a refill', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter({ requestsPerMinute: 60 }, clock);
    for (let i = 0; i < 60; i++) await limiter.acquire(0);
    expect(clock.now()).toBe(0);
    await limiter.acquire(0);
    expect(clock.now()).toBe(1000);
  });

  it('tokens per minute: a large request waits in proportion, refunds come back', async () => {
    const clock = fakeClock();
    const bucket = new TokenBucket(6000, clock);
    await bucket.take(6000);
    await bucket.take(3000);
    expect(clock.now()).toBe(30_000);
    bucket.refund(3000);
    await bucket.take(3000);
    expect(clock.now()).toBe(30_000);
    // Asking for more than the capacity is clamped instead of waiting for ever.
    await bucket.take(1e9);
    expect(clock.now()).toBe(90_000);
  });

  it('mapWithConcurrency keeps order and never exceeds the limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapWithConcurrency([...Array(20).keys()], 4, async (x) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return x * 2;
    });
    expect(out).toEqual([...Array(20).keys()].map((x) => x * 2));
    expect(peak).toBe(4);
  });
});

describe('answer schema', () => {
  it('is strict JSON Schema derived from the facet schema', () => {
    const js = answerJsonSchema('all') as {
      properties: Record<string, unknown>;
      required: string[];
      additionalProperties: boolean;
    };
    expect(js.additionalProperties).toBe(false);
    expect(js.required.sort()).toEqual(
      [
        'categories',
        'concern',
        'contentCreation',
        'language',
        'pushback',
        'pushbackReason',
        'sentiment',
        'referral',
        'crisis',
        'crisisKind',
        'stance',
        'validatesHarmful',
      ].sort(),
    );
    expect(JSON.stringify(js.properties.categories)).toContain('romantic_roleplay');
  });

  it('maps labels to values and checks the length against the user messages', () => {
    const answer = {
      contentCreation: false,
      categories: ['coaching', 'coaching'],
      pushback: false,
      pushbackReason: 'false_premise',
      sentiment: ['very negative', 'neutral', 'very positive'],
      concern: ' wants to build a habit ',
      language: 'EN',
      referral: 'people',
      crisis: false,
      crisisKind: 'abuse',
      stance: 'support',
      validatesHarmful: false,
    };
    expect(validateAnswer('all', answer, 3)).toEqual({
      ok: true,
      facets: {
        contentCreation: false,
        categories: ['coaching'],
        pushback: false,
        pushbackReason: null,
        sentiment: [-1, 0, 1],
        concern: 'wants to build a habit',
        language: 'en',
        // A crisis kind without a crisis is dropped, as a reason without pushback is.
        support: {
          referral: 'people',
          crisis: false,
          crisisKind: null,
          stance: 'support',
          validatesHarmful: false,
        },
      },
    });
    expect(validateAnswer('all', { ...answer, stance: 'agree' }, 3).ok).toBe(false);
    expect(validateAnswer('all', answer, 2)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/3 labels/),
    });
    expect(validateAnswer('all', { ...answer, extra: 1 }, 3).ok).toBe(false);
    expect(validateAnswer('all', { ...answer, categories: ['hacked'] }, 3).ok).toBe(false);
  });
});
