/**
 * Aggregation thresholds (privacy layer 2): a group may be shown only when it rests on at least
 * `minUsers` distinct users and `minConversations` conversations. Conversations without a user id
 * count as their own user.
 */
import type { KeyList, KeyTable } from '../util/keyTable.js';

export interface Thresholds {
  minUsers: number;
  minConversations: number;
}

/** Defaults: Clio-style, small enough for a few-thousand-conversation sample, large enough that
 * no group describes a handful of people. */
export const DEFAULT_THRESHOLDS: Thresholds = { minUsers: 5, minConversations: 10 };

export interface GroupSize {
  conversations: number;
  users: number;
}

export function passesThresholds(size: GroupSize, t: Thresholds): boolean {
  return size.users >= t.minUsers && size.conversations >= t.minConversations;
}

/** The user key for threshold counting: the user id, or the conversation itself when absent. */
export function userKey(userId: string | undefined, conversationId: string): string {
  return userId !== undefined && userId !== '' ? `u:${userId}` : `c:${conversationId}`;
}

/**
 * Why these defaults: Clio shows a cluster only when it holds enough distinct people that nothing in
 * it describes one of them. Five users is the smallest group in which a phrase shared by the group
 * cannot be one person's story without four others telling it too; ten conversations keeps rates and
 * sizes from resting on a couple of chats. Larger deployments should raise both (Clio used far
 * larger minimums on millions of conversations); lowering them weakens layer 2 and is the caller's
 * explicit choice.
 */
export function validateThresholds(t: Thresholds): Thresholds {
  for (const [k, v] of Object.entries(t)) {
    if (!Number.isInteger(v) || v < 1)
      throw new Error(`thresholds: ${k} must be a positive integer (got ${v})`);
  }
  return t;
}

/** A figure withheld because its group is below the thresholds: no value is given. */
export interface Suppressed {
  suppressed: true;
}

/** A figure whose group passed the thresholds. */
export type Shown<F> = { suppressed: false } & F;

/**
 * The one decision point for every breakdown figure (privacy layer 2): shows a figure when its group
 * passes the thresholds, withholds it otherwise, and counts what it withheld.
 *
 * An empty group (no conversation at all) is shown: "0 of N" describes nobody, and an empty set
 * changes no sum or difference of other shown numbers, so every complementary-suppression argument
 * that holds without it still holds. A group with at least one conversation but below the
 * thresholds stays withheld, however small.
 */
export class ThresholdGate {
  suppressed = 0;
  constructor(readonly thresholds: Thresholds) {}

  allows(size: GroupSize): boolean {
    if (size.conversations === 0 || passesThresholds(size, this.thresholds)) return true;
    this.suppressed++;
    return false;
  }

  /**
   * `figures()` (computed only when shown) or a suppression. An empty group is shown with
   * `empty()` when given (for figures that have no value over zero conversations, such as a mean),
   * with `figures()` otherwise (counts and shares, which are zero).
   *
   * `within`: the group this one is a part of, when that group is a breakdown group of its own (e.g.
   * the category whose long-enough conversations this is). An empty part of a non-empty group that
   * is itself below the thresholds would describe that small group ("none of them ..."), so it is
   * withheld with it.
   */
  show<F extends object, E extends object = F>(
    size: GroupSize,
    figures: () => F,
    empty?: () => E,
    within?: GroupSize,
  ): Shown<F> | Shown<E> | Suppressed {
    if (
      size.conversations === 0 &&
      within !== undefined &&
      within.conversations > 0 &&
      !passesThresholds(within, this.thresholds)
    )
      return this.suppress();
    if (!this.allows(size)) return { suppressed: true };
    if (size.conversations === 0 && empty) return { suppressed: false, ...empty() };
    return { suppressed: false, ...figures() };
  }

  /**
   * A figure whose group overlaps figures shown elsewhere, so that a difference of shown counts would
   * single out other groups (`parts`: e.g. for "companionship or roleplay", the roleplay-only part
   * once companionship is shown). Shown only when its own group may be, and, if it is not empty,
   * when every part passes the thresholds or is empty; withheld and counted otherwise
   * (complementary suppression). An empty group is shown: every difference with it is a figure
   * already shown.
   */
  showWithParts<F extends object>(
    size: GroupSize,
    parts: readonly GroupSize[],
    figures: () => F,
  ): Shown<F> | Suppressed {
    const revealing =
      size.conversations > 0 &&
      parts.some((p) => p.conversations > 0 && !passesThresholds(p, this.thresholds));
    if (!revealing) return this.show(size, figures);
    this.suppressed++;
    return { suppressed: true };
  }

  /** Withholds a figure for a reason of the caller's (counted like a threshold suppression). */
  suppress(): Suppressed {
    this.suppressed++;
    return { suppressed: true };
  }
}

/** Conversations and distinct users of one group, counted in a single pass. */
export class GroupTally {
  conversations = 0;
  private readonly users = new Set<string>();

  add(r: { userId?: string; conversationId: string }): void {
    this.conversations++;
    this.users.add(userKey(r.userId, r.conversationId));
  }

  size(): GroupSize {
    return { conversations: this.conversations, users: this.users.size };
  }

  /** Plain data for a saved accumulator state (src/analysis/mergeable.ts); users as indices into `keys`. */
  state(keys: KeyTable): GroupTallyState {
    return { conversations: this.conversations, users: Array.from(this.users, (u) => keys.id(u)) };
  }

  absorb(s: GroupTallyState, keys: KeyList): void {
    this.conversations += s.conversations;
    for (const u of s.users) this.users.add(keys[u]);
  }
}

export interface GroupTallyState {
  conversations: number;
  users: number[];
}
