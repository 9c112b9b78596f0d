/**
 * Conversations, distinct users and the heaviest user's conversations of one group, counted in a single
 * pass: what the privacy gate's dominance rule needs on top of GroupTally's counts. A conversation
 * without a user id is its own user; it is counted, not stored, so groups of such conversations cost no
 * memory (a log that repeats a conversation id without a user id counts each repeat as a user).
 */
import type { CellSize } from '../privacy/cellSets.js';
import type { KeyList, KeyTable } from '../util/keyTable.js';
import type { Mergeable } from './mergeable.js';

export interface UserTallyState {
  conversations: number;
  anonymous: number;
  top: number;
  users: number[];
  counts: number[];
}

export class UserTally implements Mergeable<UserTallyState> {
  conversations = 0;
  private readonly perUser = new Map<string, number>();
  private anonymous = 0;
  private top = 0;

  add(r: { userId?: string }): void {
    this.conversations++;
    if (r.userId === undefined || r.userId === '') {
      this.anonymous++;
      if (this.top === 0) this.top = 1;
      return;
    }
    const n = (this.perUser.get(r.userId) ?? 0) + 1;
    this.perUser.set(r.userId, n);
    if (n > this.top) this.top = n;
  }

  state(keys: KeyTable): UserTallyState {
    const users: number[] = [];
    const counts: number[] = [];
    for (const [u, n] of this.perUser) {
      users.push(keys.id(u));
      counts.push(n);
    }
    return { conversations: this.conversations, anonymous: this.anonymous, top: this.top, users, counts };
  }

  absorb(s: UserTallyState, keys: KeyList): void {
    this.conversations += s.conversations;
    this.anonymous += s.anonymous;
    if (s.top > this.top) this.top = s.top;
    s.users.forEach((u, i) => {
      const key = keys[u];
      const n = (this.perUser.get(key) ?? 0) + s.counts[i];
      this.perUser.set(key, n);
      if (n > this.top) this.top = n;
    });
  }

  size(): CellSize {
    return {
      conversations: this.conversations,
      users: this.perUser.size + this.anonymous,
      topUser: this.top,
    };
  }
}
