/**
 * Per-user counts, only when the log carries user ids: how many users had any affective conversation,
 * and how concentrated affective use is (the share of affective conversations that come from the
 * heaviest 1 % of those users).
 */
import { type Thresholds, userKey } from '../privacy/thresholds.js';
import { effectiveCategories, type Suppressed, ThresholdGate } from './groups.js';
import type { AnalysisRecord } from './record.js';

export const TOP_USER_FRACTION = 0.01;

export interface PerUser {
  /** Distinct users among analysed conversations (a conversation without a user id is its own user). */
  users: number;
  usersWithAffective: Suppressed | { suppressed: false; count: number; share: number };
  /**
   * The top 1 % of affective users (at least one) by affective conversation count, and the share of
   * all affective conversations they account for. The top group is itself a group of people, so it is
   * thresholded too: it shows only when it holds at least minUsers users and minConversations conversations.
   */
  concentration: Suppressed | { suppressed: false; topUsers: number; conversations: number; share: number };
  suppressed: number;
}

/** Returns null when no record carries a user id (there is nothing per user to say). */
export function perUser(records: Iterable<AnalysisRecord>, thresholds: Thresholds): PerUser | null {
  const all = new Set<string>();
  const affectiveByUser = new Map<string, number>();
  let anyUserId = false;
  let affective = 0;
  for (const r of records) {
    if (r.facets.status.kind === 'error') continue;
    if (r.userId !== undefined && r.userId !== '') anyUserId = true;
    const key = userKey(r.userId, r.conversationId);
    all.add(key);
    if (effectiveCategories(r).length === 0) continue;
    affective++;
    affectiveByUser.set(key, (affectiveByUser.get(key) ?? 0) + 1);
  }
  if (!anyUserId) return null;
  const gate = new ThresholdGate(thresholds);
  const u = affectiveByUser.size;
  const usersWithAffective = gate.allows({ users: u, conversations: affective })
    ? { suppressed: false as const, count: u, share: all.size === 0 ? 0 : u / all.size }
    : { suppressed: true as const };
  let concentration: PerUser['concentration'] = { suppressed: true };
  if (u > 0) {
    const top = Math.max(1, Math.floor(u * TOP_USER_FRACTION));
    const counts = [...affectiveByUser.values()].sort((a, b) => b - a);
    let topConversations = 0;
    for (let i = 0; i < top; i++) topConversations += counts[i];
    if (gate.allows({ users: top, conversations: topConversations })) {
      concentration = {
        suppressed: false,
        topUsers: top,
        conversations: topConversations,
        share: topConversations / affective,
      };
    }
  } else {
    gate.suppressed++;
  }
  return { users: all.size, usersWithAffective, concentration, suppressed: gate.suppressed };
}
