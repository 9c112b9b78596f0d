/**
 * The privacy audit (layer 4): every text that leaves the cluster stage is rated 1-5 for how
 * identifying it is; below AUDIT_MIN_RATING it is dropped. Two auditors behind one interface:
 * an LLM auditor (prompt prompts/privacy-audit.v1.md) and an offline one (the PII detector, the
 * vocabulary, and the support rule counted within the cluster).
 */
import { z } from 'zod';
import { ask } from '../llm/ask.js';
import type { LlmClient } from '../llm/client.js';
import { loadPrompt } from '../prompts/load.js';
import { PROMPT_FILES } from '../prompts/registry.js';
import { vocabularyCheck } from './gate.js';
import { detectPii } from './pii.js';
import { rareInputWords, wordSupport } from './support.js';

export type AuditRating = 1 | 2 | 3 | 4 | 5;
export const AUDIT_MIN_RATING = 3;

export interface AuditContext {
  kind: 'name' | 'description';
  /** What was clustered (a category, long conversations, pushback reasons). */
  group: string;
  /** Concerns of every member of the cluster (stay local; an LLM auditor never sends them). */
  memberTexts: readonly string[];
  /** `userKey` of each member text. */
  memberUserKeys: readonly string[];
  minUsers: number;
}

export interface PrivacyAuditor {
  readonly id: string;
  /** One line for the report's provenance ("privacy audit: <description>"). */
  readonly description: string;
  rate(text: string, context: AuditContext): Promise<AuditRating>;
}

/**
 * Offline audit, judged on the cluster itself (where the deterministic gate judges the whole group):
 * 1 when the PII detector finds anything; 2 when a token is outside the vocabulary, or a word the
 * cluster's members wrote is written by fewer than `minUsers` of them; otherwise 5. Words no member
 * wrote (the namer's own "plus related concerns") are general English by then and pass.
 */
export function createOfflineAuditor(): PrivacyAuditor {
  return {
    id: 'offline-audit-v2',
    description:
      'offline (PII detector; general-English vocabulary; every member word in a text written by at least minUsers users of the cluster)',
    async rate(text, ctx) {
      if (detectPii(text).length > 0) return 1;
      if (vocabularyCheck(text).outside.length > 0) return 2;
      const support = wordSupport(ctx.memberTexts, ctx.memberUserKeys);
      return rareInputWords(text, support, ctx.minUsers).length > 0 ? 2 : 5;
    },
  };
}

// Every property required and no others: what strict structured-output modes demand of a schema.
const AuditAnswer = z.strictObject({
  rating: z.number().int().min(1).max(5),
  reason: z.string(),
});

/**
 * LLM audit. Only the text itself is sent (never member concerns). An answer that is not a valid
 * rating after one retry counts as 1: when the audit cannot vouch for a text, the text does not leave.
 */
export function createLlmAuditor(
  client: LlmClient,
  promptFile: string = PROMPT_FILES['privacy-audit'],
): PrivacyAuditor {
  const prompt = loadPrompt(promptFile);
  return {
    id: `llm-audit:${client.provider}:${client.model}:${prompt.version}`,
    description: `${client.provider} ${client.model}, ${prompt.version}, ratings below ${AUDIT_MIN_RATING} of 5 dropped`,
    async rate(text, ctx) {
      const user = `Kind: cluster ${ctx.kind}\n<text>\n${text.replace(/<\/?text>/gi, '')}\n</text>`;
      const answer = await ask((req) => client.completeJson(req), {
        name: 'privacy_audit',
        schema: AuditAnswer,
        system: prompt.text,
        user,
        maxOutputTokens: 200,
      });
      if (answer.ok) return answer.value.rating as AuditRating;
      if (answer.failure === 'transport') throw answer.error;
      return 1;
    },
  };
}
