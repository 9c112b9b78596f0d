/**
 * What a cascade would verify, before anything is sent: the offline screen over every conversation,
 * the strata and rates `analyze --cascade` would choose from them (cascade.ts `verificationRates`), and
 * the same seeded draws, so `estimate --cascade` prices exactly the conversations the run will send.
 */
import type { Conversation } from '../conversation/model.js';
import { STRATA, type StratumName } from '../estimate/cascadeSummary.js';
import type { FacetEngine } from '../facets/engine.js';
import { uniformHash } from '../util/random.js';
import { screenStratum, verificationRates } from './cascade.js';
import { classifyPass } from './classify.js';

export interface CascadePlan {
  strata: { name: StratumName; conversations: number; rate: number; selected: number }[];
  conversations: number;
  selected: number;
}

/**
 * Screens `read(1)`, then hands each conversation of `read(2)` the cascade would send to the verifier
 * to `onSelected` (positions count conversations in reading order, as in the cascade).
 */
export async function planCascade(
  read: (pass: number) => AsyncIterable<Conversation>,
  screen: FacetEngine,
  options: { seed: number; verifyRate?: number; onScreened?: (position: number, stratum: number) => void },
  onSelected: (conversation: Conversation) => void,
): Promise<CascadePlan> {
  const strata: number[] = [];
  await classifyPass(read(1), screen, null, {
    onResult: (_ref, r) => {
      const h = screenStratum(r.facets, r.facets.humanMessages);
      options.onScreened?.(strata.length, h);
      strata.push(h);
    },
  });
  const population = [0, 0, 0];
  for (const h of strata) population[h]++;
  const rates = verificationRates(population, options.verifyRate);
  const selected = [0, 0, 0];
  let i = 0;
  for await (const c of read(2)) {
    const h = strata[i];
    if (h !== undefined && uniformHash(options.seed, i) < rates[h]) {
      selected[h]++;
      onSelected(c);
    }
    i++;
  }
  return {
    strata: STRATA.map((name, h) => ({
      name,
      conversations: population[h],
      rate: rates[h],
      selected: selected[h],
    })),
    conversations: strata.length,
    selected: selected[0] + selected[1] + selected[2],
  };
}
