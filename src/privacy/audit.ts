/**
 * The privacy audit (layer 4): every text that leaves the cluster stage is rated 1-5 for how
 * identifying it is; below AUDIT_MIN_RATING it is dropped. Two auditors behind one interface:
 * an LLM auditor (prompt prompts/privacy-audit.v1.md) and an offline one (the PII detector plus the
 * strict support rule: every content word of a cluster name is written by ≥ minUsers of its users).
 */
import { z } from 'zod';
import { ask } from '../llm/ask.js';
import type { LlmClient } from '../llm/client.js';
import { loadPrompt } from '../prompts/load.js';
import { PROMPT_FILES } from '../prompts/registry.js';
import { detectPii } from './pii.js';
import { rareInputWords, unsupportedWords, wordSupport } from './support.js';

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
 * Offline audit: 1 when the PII detector finds anything; 2 when a content word of a name is written
 * by fewer than `minUsers` users of the cluster (or, for a description, a word of the members'
 * concerns is that rare); otherwise 5.
 */
export function createOfflineAuditor(): PrivacyAuditor {
  return {
    id: 'offline-audit-v1',
    description: 'offline (PII detector; every name word written by at least minUsers users of the cluster)',
    async rate(text, ctx) {
      if (detectPii(text).length > 0) return 1;
      const support = wordSupport(ctx.memberTexts, ctx.memberUserKeys);
      const rare =
        ctx.kind === 'name'
          ? unsupportedWords(text, support, ctx.minUsers)
          : rareInputWords(text, support, ctx.minUsers);
      return rare.length > 0 ? 2 : 5;
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
