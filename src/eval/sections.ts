import { devDataSection } from './devData.js';
import { reconstructionSection } from './reconstruction.js';
import { syntheticSection } from './synthetic.js';

export interface EvalSection {
  name: string;
  description: string;
  /** Returns the printable table(s). */
  run(): Promise<string>;
}

/** Sections register here, one file each under src/eval/. */
export const EVAL_SECTIONS: EvalSection[] = [devDataSection, reconstructionSection, syntheticSection];
