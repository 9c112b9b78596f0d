import { InputError, StrictModeError } from '../conversation/quarantine.js';

/** A usage problem found after parsing (bad combination of flags): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The run finished and wrote its report, but the facet engine failed on more conversations than
 * `--max-error-rate` allows: exit code 3, so a script does not take a report of failures for a study.
 */
export class ErrorRateExceeded extends Error {
  constructor(
    readonly errors: number,
    readonly attempted: number,
    readonly maxRate: number,
  ) {
    const pct = attempted > 0 ? ((100 * errors) / attempted).toFixed(1) : '0';
    super(
      `the facet engine failed on ${errors} of ${attempted} conversations (${pct}%), more than --max-error-rate ${maxRate} allows; the report was written, but its figures rest on the conversations that did not fail (see the errors in the engine's log above)`,
    );
    this.name = 'ErrorRateExceeded';
  }
}

export function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError) return 2;
  if (err instanceof ErrorRateExceeded) return 3;
  return 1;
}

/** One line on stderr; a stack only with AFFECTLENS_DEBUG=1. */
export function reportError(err: unknown): void {
  const msg = err instanceof Error ? err.message : String(err);
  const prefix =
    err instanceof InputError || err instanceof StrictModeError || err instanceof UsageError ? '' : 'error: ';
  process.stderr.write(`affectlens: ${prefix}${msg.split('\n')[0]}\n`);
  if (process.env.AFFECTLENS_DEBUG === '1' && err instanceof Error && err.stack)
    process.stderr.write(`${err.stack}\n`);
}
