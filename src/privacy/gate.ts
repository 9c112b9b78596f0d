/**
 * The deterministic checks every outgoing text passes before (and whatever) the configured auditor
 * says: the PII detector, the group support rule, and the verbatim-echo rule. Pure.
 */
import { detectPii } from './pii.js';
import { echoesRareConcern, rareInputWords, type WordSupport } from './support.js';

export type GateVerdict = 'pass' | 'pii' | 'rare_word' | 'echo';

export interface GateContext {
  /** Word → distinct users, over the whole group's concerns. */
  groupSupport: WordSupport;
  minUsers: number;
  /** The concerns the namer was shown, and their user keys: what it could have echoed. */
  shownConcerns: readonly string[];
  shownUserKeys: readonly string[];
}

export function deterministicGate(text: string, ctx: GateContext): GateVerdict {
  if (detectPii(text).length > 0) return 'pii';
  if (rareInputWords(text, ctx.groupSupport, ctx.minUsers).length > 0) return 'rare_word';
  if (echoesRareConcern(text, ctx.shownConcerns, ctx.shownUserKeys, ctx.minUsers)) return 'echo';
  return 'pass';
}
