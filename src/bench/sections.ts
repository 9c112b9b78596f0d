import type { Measurement } from './harness.js';

export interface BenchContext {
  report(m: Measurement): void;
  note(line: string): void;
}

export interface BenchSection {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<void>;
}

/** Sections register here, one file each under src/bench/. */
export const SECTIONS: BenchSection[] = [];
