/**
 * What the longitudinal figures need from a conversation besides its facets, taken while the
 * conversation is still in memory (its batch is being extracted) so nothing is kept afterwards:
 * - when it started (for the over-time figures and returning users);
 * - its value of the `--segment-by` metadata field;
 * - the dependency cues by the offline rules (src/facets/dependencyCues.ts), used when the engine
 *   did not decide them;
 * - for an engine without per-part categories of its own, the offline engine's categories of the first
 *   and of the last third of the user's messages (drift), for conversations long enough to have thirds.
 */

import { DRIFT_MIN_HUMAN_MESSAGES } from '../analysis/drift.js';
import type { AnalysisRecord } from '../analysis/record.js';
import type { Conversation, Message } from '../conversation/model.js';
import { type DependencyCues, dependencyCuesOf } from '../facets/dependencyCues.js';
import { offlineFacets } from '../facets/offline/facets.js';
import type { Facets } from '../facets/schema.js';

export interface ConversationExtras {
  createdAt?: string;
  segment?: string;
  drift?: NonNullable<Facets['drift']>;
  dependency?: DependencyCues;
}

export interface ExtrasOptions {
  /** Metadata field to segment by (a dotted path reaches into nested objects: `client.version`). */
  segmentBy?: string;
  /**
   * Decide per-part categories with the offline engine's rules: for the offline engine's own runs (an
   * LLM engine's figures must not mix in another classifier's decisions; it reports `facets.drift`).
   */
  partCategories?: boolean;
}

/** The conversation's start: its own timestamp, else its first message's. */
export function conversationStart(conv: Pick<Conversation, 'createdAt' | 'messages'>): string | undefined {
  if (conv.createdAt) return conv.createdAt;
  for (const m of conv.messages) if (m.createdAt) return m.createdAt;
  return undefined;
}

/**
 * The value of a metadata field as a segment name: text, a number or a boolean as text; anything else
 * (missing, null, an object or a list) is no value. `field` is a key of the metadata, or a dotted path.
 */
export function segmentValue(metadata: Readonly<Record<string, unknown>>, field: string): string | undefined {
  let v: unknown = metadata[field];
  if (v === undefined && field.includes('.')) {
    v = metadata;
    for (const part of field.split('.')) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
      v = (v as Record<string, unknown>)[part];
    }
  }
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') return String(v);
  return undefined;
}

/**
 * The first and the last third of a conversation, cut at user messages: the first `k` user messages
 * with the replies up to the next one, and the last `k` user messages with everything after them,
 * where k = ⌊user messages / 3⌋.
 */
export function conversationThirds(messages: readonly Message[]): { first: Message[]; last: Message[] } {
  const userAt: number[] = [];
  messages.forEach((m, i) => {
    if (m.role === 'user') userAt.push(i);
  });
  const k = Math.floor(userAt.length / 3);
  if (k === 0) return { first: [], last: [] };
  const firstEnd = k < userAt.length ? userAt[k] : messages.length;
  return { first: messages.slice(0, firstEnd), last: messages.slice(userAt[userAt.length - k]) };
}

/** The offline engine's categories of each third (main one first), or undefined when it fails. */
export function offlineDrift(conv: Conversation): NonNullable<Facets['drift']> | undefined {
  const { first, last } = conversationThirds(conv.messages);
  try {
    return {
      first: offlineFacets({ ...conv, messages: first }).categories,
      last: offlineFacets({ ...conv, messages: last }).categories,
    };
  } catch {
    return undefined;
  }
}

export function extrasOf(conv: Conversation, options: ExtrasOptions): ConversationExtras {
  const out: ConversationExtras = { dependency: dependencyCuesOf(conv) };
  const start = conversationStart(conv);
  if (start !== undefined) out.createdAt = start;
  if (options.segmentBy !== undefined) {
    const s = segmentValue(conv.metadata, options.segmentBy);
    if (s !== undefined) out.segment = s;
  }
  if (options.partCategories) {
    let human = 0;
    for (const m of conv.messages) if (m.role === 'user') human++;
    if (human >= DRIFT_MIN_HUMAN_MESSAGES) {
      const drift = offlineDrift(conv);
      if (drift) out.drift = drift;
    }
  }
  return out;
}

/**
 * One analysed conversation as the analyses take it: its facets, completed with what the engine did not
 * decide (per-part categories, dependency cues) from `extras`, plus when it started and its segment.
 */
export function analysisRecordOf(
  ref: { id: string; userId?: string; extras?: ConversationExtras },
  facets: Facets,
  stratum?: number,
): AnalysisRecord {
  const x = ref.extras;
  const r: AnalysisRecord = {
    conversationId: ref.id,
    userId: ref.userId,
    humanMessages: facets.humanMessages,
    facets,
  };
  if (stratum !== undefined) r.stratum = stratum;
  if (!x) return r;
  if (
    facets.status.kind !== 'error' &&
    ((!facets.drift && x.drift) || (!facets.dependency && x.dependency))
  ) {
    r.facets = { ...facets };
    if (!facets.drift && x.drift) r.facets.drift = x.drift;
    if (!facets.dependency && x.dependency) r.facets.dependency = x.dependency;
  }
  if (x.createdAt !== undefined) r.createdAt = x.createdAt;
  if (x.segment !== undefined) r.segment = x.segment;
  return r;
}
