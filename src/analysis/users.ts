/**
 * Per-user counts, only when the log carries user ids: how many users had any affective conversation,
 * and how concentrated affective use is (the share of affective conversations that come from the
 * heaviest 1 % of those users).
 */
import type { Category } from '../facets/schema.js';
import {
  type Shown,
  type Suppressed,
  ThresholdGate,
  type Thresholds,
  userKey,
} from '../privacy/thresholds.js';
import { effectiveCategories } from './groups.js';
import type { AnalysisRecord } from './record.js';

export const TOP_USER_FRACTION = 0.01;

export interface PerUser {
  /** Distinct users among analysed conversations (a conversation without a user id is its own user). */
  users: number;
  usersWithAffective: Suppressed | Shown<{ count: number; share: number }>;
  /**
   * The top 1 % of affective users (at least one) by affective conversation count, and the share of
   * all affective conversations they account for. The top group is itself a group of people, so it is
   * thresholded too: it shows only when it holds at least minUsers users and minConversations conversations.
   */
  concentration: Suppressed | Shown<{ topUsers: number; conversations: number; share: number }>;
  suppressed: number;
}

/**
 * Per-user counts, fed one record at a time. What it keeps grows with the number of distinct user
 * ids (the Set below), which is inherent to counting distinct users; a conversation without a user id
 * is its own user and is only counted, never stored. Affective conversations are also kept per user
 * (the concentration needs each user's count).
 */
export class PerUserAccumulator {
  /** Distinct real user ids among analysed conversations. */
  private readonly userIds = new Set<string>();
  /**
   * Analysed conversations without a user id: each is its own user. Counted, not stored, so a log
   * that repeats a conversation id without a user id counts each repeat as a user here (the total
   * only; every gated group below still counts users by userKey).
   */
  private anonymous = 0;
  private readonly affectiveByUser = new Map<string, number>();
  private affective = 0;

  /** `categories` is effectiveCategories(r), passed in when the caller has it already. */
  add(r: AnalysisRecord, categories: readonly Category[] = effectiveCategories(r)): void {
    if (r.facets.status.kind === 'error') return;
    if (r.userId !== undefined && r.userId !== '') this.userIds.add(r.userId);
    else this.anonymous++;
    if (categories.length === 0) return;
    this.affective++;
    const key = userKey(r.userId, r.conversationId);
    this.affectiveByUser.set(key, (this.affectiveByUser.get(key) ?? 0) + 1);
  }

  /** Distinct real user ids seen so far (what this accumulator's memory grows with). */
  get distinctUserIds(): number {
    return this.userIds.size;
  }

  /** Returns null when no record carried a user id (there is nothing per user to say). */
  result(thresholds: Thresholds): PerUser | null {
    if (this.userIds.size === 0) return null;
    const users = this.userIds.size + this.anonymous;
    const affective = this.affective;
    const gate = new ThresholdGate(thresholds);
    const u = this.affectiveByUser.size;
    const usersWithAffective = gate.show({ users: u, conversations: affective }, () => ({
      count: u,
      share: users === 0 ? 0 : u / users,
    }));
    // No affective user: the top group is empty (shown as zeros: it describes nobody).
    const top = u === 0 ? 0 : Math.max(1, Math.floor(u * TOP_USER_FRACTION));
    const counts = [...this.affectiveByUser.values()].sort((a, b) => b - a);
    let topConversations = 0;
    for (let i = 0; i < top; i++) topConversations += counts[i];
    const concentration = gate.show({ users: top, conversations: topConversations }, () => ({
      topUsers: top,
      conversations: topConversations,
      share: affective === 0 ? 0 : topConversations / affective,
    }));
    return { users, usersWithAffective, concentration, suppressed: gate.suppressed };
  }
}

/** Returns null when no record carries a user id (there is nothing per user to say). */
export function perUser(records: Iterable<AnalysisRecord>, thresholds: Thresholds): PerUser | null {
  const acc = new PerUserAccumulator();
  for (const r of records) acc.add(r);
  return acc.result(thresholds);
}
