/**
 * Ask the model for a JSON answer and validate it, with one more try when the answer is unusable
 * (not JSON, or not the schema). Transport failures are not caught here: the caller's client
 * already retries them (see retryingClient) and a failure that survives that should surface.
 */
import type { z } from 'zod';
import type { JsonRequest, LlmClient } from './client.js';

export type AskOutcome<T> = { ok: true; value: T } | { ok: false; problem: string };

export async function askValidated<T>(
  client: LlmClient,
  request: JsonRequest,
  schema: z.ZodType<T>,
  attempts = 2,
): Promise<AskOutcome<T>> {
  let problem = 'no attempt made';
  for (let attempt = 0; attempt < attempts; attempt++) {
    let value: unknown;
    try {
      ({ value } = await client.completeJson(request));
    } catch (err) {
      if ((err as Error)?.name !== 'InvalidAnswerError') throw err;
      problem = (err as Error).message;
      continue;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return { ok: true, value: parsed.data };
    problem = parsed.error.issues.map((i) => `${i.path.join('.') || 'answer'}: ${i.message}`).join('; ');
  }
  return { ok: false, problem };
}
