/**
 * Client-side limits, so a large run stays under the provider's quota instead of living on 429s:
 * requests per minute and tokens per minute as token buckets (injectable clock and sleep, so tests
 * need no real time), and a cap on requests in flight.
 */

export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

/** A bucket of `capacity` units refilled continuously at `capacity` per minute. */
export class TokenBucket {
  private level: number;
  private last: number;
  /** Callers wait in order, so a big request is not starved by small ones. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly capacity: number,
    private readonly clock: Clock,
  ) {
    if (!(capacity > 0)) throw new Error(`rate limit must be positive, got ${capacity}`);
    this.level = capacity;
    this.last = clock.now();
  }

  private refill(): void {
    const t = this.clock.now();
    const elapsed = Math.max(0, t - this.last);
    this.last = t;
    this.level = Math.min(this.capacity, this.level + (elapsed * this.capacity) / 60_000);
  }

  /** Takes `amount` units (clamped to the capacity), waiting until they are there. */
  take(amount: number): Promise<void> {
    const want = Math.min(Math.max(0, amount), this.capacity);
    const turn = this.queue.then(async () => {
      for (;;) {
        this.refill();
        if (this.level >= want) {
          this.level -= want;
          return;
        }
        const waitMs = Math.ceil(((want - this.level) * 60_000) / this.capacity);
        await this.clock.sleep(Math.max(1, waitMs));
      }
    });
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Gives units back (e.g. when a request used fewer tokens than reserved). */
  refund(amount: number): void {
    this.refill();
    this.level = Math.min(this.capacity, this.level + Math.max(0, amount));
  }
}

export interface RateLimits {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
}

export class RateLimiter {
  private readonly rpm?: TokenBucket;
  private readonly tpm?: TokenBucket;

  constructor(limits: RateLimits, clock: Clock) {
    if (limits.requestsPerMinute) this.rpm = new TokenBucket(limits.requestsPerMinute, clock);
    if (limits.tokensPerMinute) this.tpm = new TokenBucket(limits.tokensPerMinute, clock);
  }

  /** Waits for one request slot and `estimatedTokens` tokens. */
  async acquire(estimatedTokens: number): Promise<void> {
    if (this.rpm) await this.rpm.take(1);
    if (this.tpm) await this.tpm.take(estimatedTokens);
  }

  /** Settles the token estimate against what the provider reported. */
  settle(estimatedTokens: number, actualTokens: number): void {
    if (this.tpm && actualTokens < estimatedTokens) this.tpm.refund(estimatedTokens - actualTokens);
  }
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  const n = Math.max(1, Math.min(limit, items.length));
  await Promise.all(Array.from({ length: n }, worker));
  return out;
}
