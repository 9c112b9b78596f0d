import { InputError, StrictModeError } from '../conversation/quarantine.js';

/** A usage problem found after parsing (bad combination of flags): exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function exitCodeFor(err: unknown): number {
  return err instanceof UsageError ? 2 : 1;
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
