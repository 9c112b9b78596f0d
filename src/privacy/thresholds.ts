/**
 * Aggregation thresholds (privacy layer 2): a group may be shown only when it rests on at least
 * `minUsers` distinct users and `minConversations` conversations. Conversations without a user id
 * count as their own user.
 */
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
