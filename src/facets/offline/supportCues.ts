/**
 * The offline engine's support facets (issue 17): referral, crisis and stance from the rules in
 * cues/referral.ts, cues/crisis.ts and cues/stance.ts. A conversation that is content creation
 * carries no crisis signal (requested writing is not the user speaking of themselves).
 */
import type { SupportFacets } from '../schema.js';
import { decideCrisis } from './cues/crisis.js';
import { decideReferral } from './cues/referral.js';
import { decideStance } from './cues/stance.js';

export interface SupportInput {
  userNorm: readonly string[];
  assistantNorm: readonly string[];
  pushback: boolean;
  contentCreation: boolean;
  affective: boolean;
  risky: boolean;
}

export function offlineSupport(input: SupportInput): SupportFacets {
  const kind = input.contentCreation ? null : decideCrisis(input.userNorm);
  const { stance, validatesHarmful } = decideStance({
    assistantNorm: input.assistantNorm,
    pushback: input.pushback,
    affective: input.affective,
    risky: input.risky,
    userNorm: input.userNorm,
  });
  return {
    referral: decideReferral(input.assistantNorm),
    crisis: kind !== null,
    crisisKind: kind,
    stance,
    validatesHarmful,
  };
}
