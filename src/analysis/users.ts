/**
 * Per-user counts, only when the log carries user ids: how many users had any affective conversation,
 * and how concentrated affective use is (the share of affective conversations that come from the
 * heaviest 1 % of those users).
 */
import { DEPENDENCY_CUES } from '../facets/dependencyCues.js';
import type { Category } from '../facets/schema.js';
import {
  type Shown,
  type Suppressed,
  ThresholdGate,
  type Thresholds,
  userKey,
} from '../privacy/thresholds.js';
import type { KeyList, KeyTable } from '../util/keyTable.js';
import { CATEGORY_ORDER, effectiveCategories } from './groups.js';
import { type Mergeable, mergeByPosition } from './mergeable.js';
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

/** What is kept per user with at least one affective conversation (see userFigures.ts). */
export interface AffectiveUser {
  /** Affective conversations. */
  conversations: number;
  /** Of those, in each category (CATEGORY_ORDER). */
  categories: number[];
  /** Of those whose dependency cues are known, with each cue (DEPENDENCY_CUES). */
  cues: number[];
  withCues: number;
  /** Human messages of the user's longest affective conversation. */
  longest: number;
  /** The first period an affective conversation of this user fell in (null: none dated yet). */
  firstPeriod: string | null;
  /** Affective conversations in at least two periods. */
  returning: boolean;
  /** The user has a real user id (not a conversation standing for its own user). */
  identified: boolean;
  /** Position of the user's first affective conversation among all records (the users' order). */
  first: number;
}

/** PerUserAccumulator's saved state: user keys as indices, the affective users' fields as columns. */
export interface PerUserState {
  users: number[];
  conversations: number[];
  anonymous: number;
  affective: number;
  affectiveUsers: {
    keys: number[];
    conversations: number[];
    /** Each user's CATEGORY_ORDER counts, one user after the other (likewise the cues). */
    categories: number[];
    cues: number[];
    withCues: number[];
    longest: number[];
    /** '' for none. */
    firstPeriod: string[];
    /** 1 or 0 (likewise identified). */
    returning: number[];
    identified: number[];
    first: number[];
  };
}

/**
 * Per-user counts, fed one record at a time. What it keeps grows with the number of distinct user
 * ids (the Map below), which is inherent to counting distinct users; a conversation without a user id
 * is its own user and is only counted, never stored. Users with affective conversations also keep a
 * few counts each (the concentration, power-user and returning-user figures need them).
 */
export class PerUserAccumulator implements Mergeable<PerUserState> {
  /** Distinct real user ids among analysed conversations, with how many conversations each had. */
  private readonly userIds = new Map<string, number>();
  /**
   * Analysed conversations without a user id: each is its own user. Counted, not stored, so a log
   * that repeats a conversation id without a user id counts each repeat as a user here (the total
   * only; every gated group below still counts users by userKey).
   */
  private anonymous = 0;
  private affectiveByUser = new Map<string, AffectiveUser>();
  private affective = 0;
  private next = 0;

  /**
   * `categories` is effectiveCategories(r), passed in when the caller has it already; `period` the
   * period its timestamp falls in (null or absent: undated), for returning users; `position` the
   * record's among all records (default: the next after the last one added).
   */
  add(
    r: AnalysisRecord,
    categories: readonly Category[] = effectiveCategories(r),
    period: string | null = null,
    position: number = this.next,
  ): void {
    this.next = position + 1;
    if (r.facets.status.kind === 'error') return;
    const identified = r.userId !== undefined && r.userId !== '';
    if (identified) this.userIds.set(r.userId!, (this.userIds.get(r.userId!) ?? 0) + 1);
    else this.anonymous++;
    if (categories.length === 0) return;
    this.affective++;
    const key = userKey(r.userId, r.conversationId);
    let u = this.affectiveByUser.get(key);
    if (!u) {
      u = {
        conversations: 0,
        categories: CATEGORY_ORDER.map(() => 0),
        cues: DEPENDENCY_CUES.map(() => 0),
        withCues: 0,
        longest: 0,
        firstPeriod: null,
        returning: false,
        identified,
        first: position,
      };
      this.affectiveByUser.set(key, u);
    }
    u.conversations++;
    for (const c of categories) u.categories[CATEGORY_ORDER.indexOf(c)]++;
    const cues = r.facets.dependency;
    if (cues) {
      u.withCues++;
      DEPENDENCY_CUES.forEach((c, i) => {
        if (cues[c]) u.cues[i]++;
      });
    }
    if (r.humanMessages > u.longest) u.longest = r.humanMessages;
    if (period !== null) {
      if (u.firstPeriod === null) u.firstPeriod = period;
      else if (u.firstPeriod !== period) u.returning = true;
    }
  }

  state(keys: KeyTable): PerUserState {
    const a: PerUserState['affectiveUsers'] = {
      keys: [],
      conversations: [],
      categories: [],
      cues: [],
      withCues: [],
      longest: [],
      firstPeriod: [],
      returning: [],
      identified: [],
      first: [],
    };
    for (const [key, u] of this.affectiveByUser) {
      a.keys.push(keys.id(key));
      a.conversations.push(u.conversations);
      a.categories.push(...u.categories);
      a.cues.push(...u.cues);
      a.withCues.push(u.withCues);
      a.longest.push(u.longest);
      a.firstPeriod.push(u.firstPeriod ?? '');
      a.returning.push(u.returning ? 1 : 0);
      a.identified.push(u.identified ? 1 : 0);
      a.first.push(u.first);
    }
    return {
      users: Array.from(this.userIds.keys(), (u) => keys.id(u)),
      conversations: [...this.userIds.values()],
      anonymous: this.anonymous,
      affective: this.affective,
      affectiveUsers: a,
    };
  }

  /**
   * Adds another part's users. The parts must partition the records by user (src/shard/): a user in
   * two of them throws, since their per-user figures (first period, longest...) could not be joined.
   */
  absorb(s: PerUserState, keys: KeyList): void {
    s.users.forEach((u, i) => {
      const id = keys[u];
      if (this.userIds.has(id))
        throw new Error(`user ${JSON.stringify(id)} is in two states: they are not a partition by user`);
      this.userIds.set(id, s.conversations[i]);
    });
    this.anonymous += s.anonymous;
    this.affective += s.affective;
    const a = s.affectiveUsers;
    const C = CATEGORY_ORDER.length;
    const D = DEPENDENCY_CUES.length;
    const theirs = a.keys.map((k, i): [string, AffectiveUser] => [
      keys[k],
      {
        conversations: a.conversations[i],
        categories: a.categories.slice(i * C, (i + 1) * C),
        cues: a.cues.slice(i * D, (i + 1) * D),
        withCues: a.withCues[i],
        longest: a.longest[i],
        firstPeriod: a.firstPeriod[i] === '' ? null : a.firstPeriod[i],
        returning: a.returning[i] === 1,
        identified: a.identified[i] === 1,
        first: a.first[i],
      },
    ]);
    for (const [key] of theirs)
      if (this.affectiveByUser.has(key))
        throw new Error(`user ${JSON.stringify(key)} is in two states: they are not a partition by user`);
    const ours = [...this.affectiveByUser];
    // In input order of each user's first affective conversation, as one pass would have met them.
    const merged = mergeByPosition(
      ours,
      ours.map(([, u]) => u.first),
      theirs,
      a.first,
    );
    this.affectiveByUser = new Map(merged.items);
  }

  /** Conversations of each real user id (read-only view, for userFigures.ts). */
  usersById(): ReadonlyMap<string, number> {
    return this.userIds;
  }

  /** Users with affective conversations, by user key (read-only view, for userFigures.ts). */
  affectiveUsers(): ReadonlyMap<string, Readonly<AffectiveUser>> {
    return this.affectiveByUser;
  }

  /** Analysed conversations without a user id (each its own user). */
  get withoutUserId(): number {
    return this.anonymous;
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
    const counts = [...this.affectiveByUser.values()].map((x) => x.conversations).sort((a, b) => b - a);
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
