/** What one `npm run bench` section is (the registry is sections.ts). */
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
