/**
 * The one typed LLM call every model-backed step goes through (facets, cluster names, privacy
 * audits): a question is instructions, data and a zod schema; the JSON Schema the provider constrains
 * the model with is derived from that zod schema, so the two cannot disagree. The answer is checked
 * with the same zod schema (and an optional cross-field check); an unusable answer (not JSON, cut
 * off, wrong shape) earns one repair attempt that says what was wrong. Transport failures are not
 * retried here (the client's retry policy already did) but returned, so each caller decides what a
 * failure means for it.
 */
import { z } from 'zod';
import { InvalidAnswerError, type JsonRequest, type JsonResponse } from './client.js';
import { sumUsage, type Usage, zeroUsage } from './usage.js';

export interface Question<T> {
  /** Tool / json_schema name: [a-zA-Z0-9_-]. */
  name: string;
  /** The answer's shape: checked here, and sent to the provider as JSON Schema. */
  schema: z.ZodType<T>;
  /** Fixed instructions (identical across items, so providers can cache them). */
  system: string;
  /** The per-item part: data, never instructions. */
  user: string;
  maxOutputTokens: number;
}

export type Call = (req: JsonRequest) => Promise<JsonResponse>;

export type Asked<T> =
  | { ok: true; value: T; usage: Usage; attempts: number }
  | {
      ok: false;
      /** 'invalid': the model answered, unusably, on every attempt; 'transport': the call failed. */
      failure: 'invalid' | 'transport';
      problem: string;
      /** The transport error itself (failure 'transport'). */
      error?: unknown;
      usage: Usage;
      attempts: number;
    };

export interface AskOptions<T> {
  /** Total attempts for unusable answers (default 2: the answer and one repair). */
  attempts?: number;
  /**
   * A constraint zod cannot state (e.g. one sentiment label per user message): a problem, or null.
   * `last` is true on the final attempt, so a caller can ask the repair to fix something it would
   * still accept (and mend itself) rather than fail.
   */
  check?: (value: T, last: boolean) => string | null;
  /** The first answer, when it was already fetched (a batch result or a failed batch item). */
  first?: JsonResponse | InvalidAnswerError;
  onRepair?: () => void;
}

const schemaCache = new WeakMap<z.ZodType, Record<string, unknown>>();

/** The JSON Schema (draft-7, input side, no $schema) a provider is given for a zod schema. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  let js = schemaCache.get(schema);
  if (!js) {
    js = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' }) as Record<string, unknown>;
    delete js.$schema;
    schemaCache.set(schema, js);
  }
  return js;
}

export function requestFor<T>(q: Question<T>): JsonRequest {
  return {
    system: q.system,
    user: q.user,
    schemaName: q.name,
    jsonSchema: jsonSchemaOf(q.schema),
    maxOutputTokens: q.maxOutputTokens,
  };
}

/** The same request with a note on what was wrong with the previous answer (the repair attempt). */
export function repairRequest(req: JsonRequest, problem: string): JsonRequest {
  return {
    ...req,
    user:
      `${req.user}\n\nYour previous answer was rejected: ${problem}. ` +
      'Answer again with exactly the requested fields and types; the sentiment list (if asked) needs one label per user message.',
  };
}

/** Why a value does not fit the schema, in one line naming the first field. */
export function schemaProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '(answer)';
  return `answer does not match the schema at ${where}: ${issue?.message ?? 'invalid'}`;
}

export async function ask<T>(call: Call, q: Question<T>, options: AskOptions<T> = {}): Promise<Asked<T>> {
  const attempts = Math.max(1, options.attempts ?? 2);
  let req = requestFor(q);
  let usage: Usage = zeroUsage();
  let problem = 'no attempt made';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) {
      options.onRepair?.();
      req = repairRequest(req, problem);
    }
    let resp: JsonResponse;
    try {
      const first = attempt === 1 ? options.first : undefined;
      if (first instanceof InvalidAnswerError) throw first;
      resp = first ?? (await call(req));
    } catch (err) {
      if (!(err instanceof InvalidAnswerError))
        return {
          ok: false,
          failure: 'transport',
          problem: errorMessage(err),
          error: err,
          usage,
          attempts: attempt,
        };
      usage = sumUsage(usage, err.usage);
      problem = err.message;
      continue;
    }
    usage = sumUsage(usage, resp.usage);
    const parsed = q.schema.safeParse(resp.value);
    if (!parsed.success) {
      problem = schemaProblem(parsed.error);
      continue;
    }
    const bad = options.check?.(parsed.data, attempt === attempts) ?? null;
    if (bad === null) return { ok: true, value: parsed.data, usage, attempts: attempt };
    problem = bad;
  }
  return { ok: false, failure: 'invalid', problem, usage, attempts };
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
