/**
 * The last gate before a model- or rule-written text (a cluster name or description; pushback
 * reasons are clustered and named the same way) may leave: the deterministic checks (PII detector,
 * vocabulary, support of checked terms counted over genuinely different sources, verbatim echo)
 * whatever the auditor, then the configured auditor's identifiability rating. Counts what each check
 * dropped, each under its own key; the auditor is asked (and credited) only for texts that passed
 * every deterministic check.
 */
import { AUDIT_MIN_RATING, type AuditContext, type PrivacyAuditor } from './audit.js';
import { deterministicGate, type GateContext, type GateVerdict } from './gate.js';
import type { PrivacyGateCounts } from './gateCounts.js';

/** What a cluster is called when its proposed name did not pass. */
export const WITHHELD_NAME = 'Unnamed topic (name withheld)';

export type ReleaseContext = GateContext & Omit<AuditContext, 'kind'>;

const DROPPED_BY: Record<Exclude<GateVerdict, 'pass'>, keyof PrivacyGateCounts> = {
  pii: 'textsDroppedByPiiDetector',
  outside_vocabulary: 'textsDroppedByVocabulary',
  unsupported: 'textsDroppedBySupport',
  echo: 'textsDroppedByEcho',
};

/** True when `text` may be shown; '' is always fine (nothing leaves). */
export async function mayRelease(
  text: string,
  kind: AuditContext['kind'],
  ctx: ReleaseContext,
  auditor: PrivacyAuditor,
  gates: PrivacyGateCounts,
): Promise<boolean> {
  if (text === '') return true;
  const verdict = deterministicGate(text, ctx);
  if (verdict !== 'pass') {
    gates[DROPPED_BY[verdict]]++;
    return false;
  }
  if ((await auditor.rate(text, { ...ctx, kind })) < AUDIT_MIN_RATING) {
    gates.textsDroppedByAudit++;
    return false;
  }
  return true;
}

/** A proposed name and description, with whatever did not pass withheld. */
export async function releaseClusterName(
  proposal: { name: string; description: string },
  ctx: ReleaseContext,
  auditor: PrivacyAuditor,
  gates: PrivacyGateCounts,
): Promise<{ name: string; description: string }> {
  const nameOk = await mayRelease(proposal.name, 'name', ctx, auditor, gates);
  const descriptionOk = await mayRelease(proposal.description, 'description', ctx, auditor, gates);
  return {
    name: nameOk ? proposal.name : WITHHELD_NAME,
    description: descriptionOk ? proposal.description : '',
  };
}
