import { calibrationSection } from './calibrationCheck.js';
import { chineseSection } from './chinese.js';
import { devDataSection } from './devData.js';
import type { EvalSection } from './evalSection.js';
import { reconstructionSection } from './reconstruction.js';
import { syntheticSection } from './synthetic.js';

/** Sections register here, one file each under src/eval/. */
export const EVAL_SECTIONS: EvalSection[] = [
  devDataSection,
  calibrationSection,
  reconstructionSection,
  syntheticSection,
  chineseSection,
];
