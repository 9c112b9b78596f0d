/**
 * The one retry policy for every provider (the SDKs' own retries are off: `maxRetries: 0`):
 * exponential backoff with full jitter on 429, 5xx, timeouts and connection resets, waiting at
 * least what the server asks for in `retry-after-ms` / `retry-after`.
 */
import { createRng, deriveSeed, type Rng } from '../util/random.js';
import { InvalidAnswerError, type LlmClient, LlmConfigError } from './client.js';

export interface RetryPolicy {
  /** Retries after the first attempt (so at most maxRetries + 1 calls). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 6, baseDelayMs: 500, maxDelayMs: 60_000 };

export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds since epoch; used to turn an HTTP-date `retry-after` into a wait. */
  now: () => number;
  rng: Rng;
}

export function defaultRetryDeps(seed = 1): RetryDeps {
  return { sleep: realSleep, now: () => Date.now(), rng: createRng(deriveSeed(seed, 'llm-retry')) };
}

export function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export type FailureKind =
  | 'rateLimit'
  | 'server'
  | 'timeout'
  | 'connection'
  | 'config'
  | 'invalidAnswer'
  | 'other';

export interface Classified {
  kind: FailureKind;
  retryable: boolean;
  /** Wait the server asked for, if any. */
  retryAfterMs?: number;
  /** Short reason, safe to log (no conversation text, no key). */
  reason: string;
}

const CONNECTION_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'EAI_AGAIN',
]);

/** Sorts any error an SDK or the network throws into what the retry policy needs. */
export function classifyError(err: unknown, now: () => number = Date.now): Classified {
  if (err instanceof InvalidAnswerError)
    return { kind: 'invalidAnswer', retryable: false, reason: err.message };
  if (err instanceof LlmConfigError) return { kind: 'config', retryable: false, reason: err.message };
  const e = err as { status?: unknown; headers?: unknown; name?: string; code?: string; cause?: unknown };
  // The SDKs' error classes keep the generic name 'Error' (OpenAI's APIConnectionError does): the
  // class name is what tells them apart.
  const name = `${e?.name ?? ''} ${(err as object)?.constructor?.name ?? ''}`;
  if (typeof e?.status === 'number') {
    const status = e.status;
    const retryAfterMs = parseRetryAfter(e.headers, now);
    const msg = oneLine((err as Error).message ?? `HTTP ${status}`);
    if (status === 429)
      return { kind: 'rateLimit', retryable: true, retryAfterMs, reason: `HTTP 429: ${msg}` };
    if (status >= 500 || status === 408 || status === 409)
      return { kind: 'server', retryable: true, retryAfterMs, reason: `HTTP ${status}: ${msg}` };
    if (status === 401 || status === 403 || status === 404)
      return { kind: 'config', retryable: false, reason: `HTTP ${status}: ${msg}` };
    return { kind: 'other', retryable: false, reason: `HTTP ${status}: ${msg}` };
  }
  if (/timeout/i.test(name) || /timed? ?out/i.test((err as Error)?.message ?? ''))
    return { kind: 'timeout', retryable: true, reason: 'request timed out' };
  const code = errorCode(err);
  if (/connection/i.test(name) || (code !== undefined && CONNECTION_CODES.has(code)))
    return { kind: 'connection', retryable: true, reason: `connection failed${code ? ` (${code})` : ''}` };
  // A body cut off in transit surfaces as a JSON parse error inside the SDK: a transport fault.
  if (err instanceof SyntaxError)
    return { kind: 'connection', retryable: true, reason: 'response body cut off' };
  return { kind: 'other', retryable: false, reason: oneLine((err as Error)?.message ?? String(err)) };
}

/** The first system error code down the cause chain (fetch wraps the socket's error twice). */
function errorCode(err: unknown): string | undefined {
  let cur = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; cur && depth < 5; depth++) {
    if (typeof cur.code === 'string') return cur.code;
    cur = cur.cause as typeof cur;
  }
  return undefined;
}

/** `retry-after-ms` (milliseconds), else `retry-after` (seconds or an HTTP date). */
export function parseRetryAfter(headers: unknown, now: () => number = Date.now): number | undefined {
  const get = (name: string): string | null | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
    const v = (headers as Record<string, unknown>)[name];
    return typeof v === 'string' ? v : undefined;
  };
  const ms = get('retry-after-ms');
  if (ms != null && ms !== '') {
    const n = Number(ms);
    if (Number.isFinite(n) && n >= 0) return n;
  }
  const ra = get('retry-after');
  if (ra == null || ra === '') return undefined;
  const secs = Number(ra);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const date = Date.parse(ra);
  if (Number.isFinite(date)) return Math.max(0, date - now());
  return undefined;
}

/** Full jitter: uniform in [0, min(cap, base * 2^attempt)), but never less than the server's ask. */
export function backoffDelay(attempt: number, policy: RetryPolicy, rng: Rng, retryAfterMs?: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  const jitter = rng() * ceiling;
  return retryAfterMs !== undefined ? Math.max(retryAfterMs, jitter) : jitter;
}

export interface RetryObserver {
  onRetry?(c: Classified, attempt: number, delayMs: number): void;
}

/** Calls `fn` until it succeeds, fails for good, or the retries run out (then throws the last error). */
export async function withRetries<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy,
  deps: RetryDeps,
  observer: RetryObserver = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const c = classifyError(err, deps.now);
      if (!c.retryable || attempt >= policy.maxRetries) throw err;
      const delay = backoffDelay(attempt, policy, deps.rng, c.retryAfterMs);
      observer.onRetry?.(c, attempt, delay);
      await deps.sleep(delay);
    }
  }
}

function oneLine(s: string): string {
  const line = s.split('\n')[0];
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * The same retry policy around any LlmClient, for callers outside the facet engine (cluster
 * naming, the privacy audit), so a 429 there is retried like everywhere else.
 */
export function retryingClient(
  client: LlmClient,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  deps: RetryDeps = defaultRetryDeps(),
): LlmClient {
  return {
    provider: client.provider,
    model: client.model,
    completeJson: (req) => withRetries(() => client.completeJson(req), policy, deps),
  };
}
