/**
 * What the study could not see about users (it had no user ids over time): how affective a user's use
 * is, how concentrated affective use is among users, who the power users are and what they use the
 * assistant for, and how many users come back to it for affective reasons.
 *
 * Every figure is a count or a distribution over users, never a row per user, and every group of
 * users is gated (thresholds and dominance, src/privacy/cellSets.ts). Per-user structure is counted as
 * classified: a cascade's or a calibrated run's estimator corrects shares of conversations, not who
 * had them, so these figures are raw counts whatever the run's method (the figure says so).
 */
import type { EstimateMethod, Estimator } from '../estimate/estimator.js';
import type { Interval } from '../estimate/intervals.js';
import { DEPENDENCY_CUES, type DependencyCue } from '../facets/dependencyCues.js';
import type { Category } from '../facets/schema.js';
import { type CellSize, showCells, showGroup, showRate, showTable } from '../privacy/cellSets.js';
import { ThresholdGate, type Thresholds } from '../privacy/thresholds.js';
import type { Gated } from './cellFigures.js';
import { clusterRatio } from './clusterRatio.js';
import { CATEGORY_ORDER } from './groups.js';
import { LONG_CONVERSATION_MIN_HUMAN_MESSAGES } from './long.js';
import type { Period } from './periods.js';
import type { AffectiveUser, PerUserAccumulator } from './users.js';

/**
 * Power users: at least this many affective conversations in the log (see the README for why), or...
 */
export const POWER_USER_MIN_AFFECTIVE_CONVERSATIONS = 10;
/** ...any affective conversation at least this long (the study's "very long" conversations). */
export const POWER_USER_MIN_HUMAN_MESSAGES = LONG_CONVERSATION_MIN_HUMAN_MESSAGES;
/** A user's affective share is described only from this many analysed conversations on. */
export const SHARE_MIN_CONVERSATIONS = 3;

export interface NotAvailable {
  available: false;
  /** Why, in words for the report. */
  reason: string;
}

export const SHARE_BUCKETS = [
  { bucket: 'none', low: 0, high: 0 },
  { bucket: 'up_to_quarter', low: 0, high: 0.25 },
  { bucket: 'up_to_half', low: 0.25, high: 0.5 },
  { bucket: 'up_to_three_quarters', low: 0.5, high: 0.75 },
  { bucket: 'up_to_all', low: 0.75, high: 1 },
] as const;
export type ShareBucket = (typeof SHARE_BUCKETS)[number]['bucket'];

/** Bucket of a user's affective share: none (0), then (low, high] quarters. */
export function shareBucket(share: number): number {
  if (share <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil(share * 4)));
}

export interface RatioFigure {
  count: number;
  of: number;
  share: number;
  interval: Interval;
}

export interface UserFiguresShown {
  available: true;
  /** Always raw: per-user structure is counted as classified. */
  method: EstimateMethod;
  /** Set when the run's own estimator is not raw: these figures are not corrected like the others. */
  methodNote: string | null;
  /** Users with at least SHARE_MIN_CONVERSATIONS analysed conversations, by the share of theirs that is affective. */
  affectiveShare: {
    minConversations: number;
    users: Gated<{ count: number }>;
    buckets: ({ bucket: ShareBucket; low: number; high: number } & Gated<{ users: number; share: number }>)[];
  };
  /** How concentrated affective conversations are among the users who had any. */
  concentration: {
    /** The top 10 % of those users (by affective conversations) and their share of affective conversations. */
    top10: Gated<{ users: number; conversations: number; share: number }>;
    gini: Gated<{ value: number; users: number }>;
    /** Cumulative share of affective conversations held by the lightest k tenths of those users, k = 0…10. */
    lorenz: Gated<{ points: { users: number; conversations: number }[] }>;
  };
  powerUsers: {
    minAffectiveConversations: number;
    minHumanMessages: number;
    group: Gated<{
      users: number;
      /** Of users with any affective conversation (Wilson interval: users are independent). */
      shareOfAffectiveUsers: number;
      interval: Interval;
      conversations: number;
      shareOfAffectiveConversations: number;
    }>;
    /** Share of affective conversations in each category: power users' against everyone's (multi-label). */
    categoryMix: { category: Category; powerUsers: Gated<RatioFigure>; everyone: Gated<RatioFigure> }[];
    /** Share of affective conversations with each dependency cue: power users' against everyone's. */
    dependency:
      | NotAvailable
      | {
          available: true;
          cues: { cue: DependencyCue; powerUsers: Gated<RatioFigure>; everyone: Gated<RatioFigure> }[];
        };
  };
  /** Users with affective conversations in at least two periods, of those with dated affective conversations. */
  returning:
    | NotAvailable
    | ({ available: true; period: Period } & Gated<{
        users: number;
        of: number;
        share: number;
        interval: Interval;
      }>);
}

export type UserFigures = (NotAvailable | UserFiguresShown) & { suppressed: number };

export interface UserFigureOptions {
  thresholds: Thresholds;
  estimator?: Estimator;
  period: Period;
  /** Whether the report shows the top 1 % of affective users (perUser.concentration): a nested group. */
  top1Shown: boolean;
  /** How many users make the top 1 % (as perUser counts it). */
  top1Users: number;
}

interface Group {
  users: number;
  conversations: number;
  top: number;
}

function cell(g: Group): CellSize {
  return { users: g.users, conversations: g.conversations, topUser: g.top };
}

function addTo(g: Group, conversations: number): void {
  if (conversations <= 0) return;
  g.users++;
  g.conversations += conversations;
  if (conversations > g.top) g.top = conversations;
}

const group = (): Group => ({ users: 0, conversations: 0, top: 0 });

export function isPowerUser(u: Readonly<AffectiveUser>): boolean {
  return (
    u.conversations >= POWER_USER_MIN_AFFECTIVE_CONVERSATIONS || u.longest >= POWER_USER_MIN_HUMAN_MESSAGES
  );
}

/** Gini coefficient of non-negative values sorted ascending (0 = all equal, → 1 = one holds all). */
export function gini(sortedAscending: readonly number[]): number {
  const n = sortedAscending.length;
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    total += sortedAscending[i];
    weighted += (2 * (i + 1) - n - 1) * sortedAscending[i];
  }
  return n === 0 || total === 0 ? 0 : weighted / (n * total);
}

export function userFigures(acc: PerUserAccumulator, options: UserFigureOptions): UserFigures {
  const byId = acc.usersById();
  if (byId.size === 0)
    return {
      available: false,
      reason: 'the log has no user ids, so nothing can be said per user',
      suppressed: 0,
    };
  const gate = new ThresholdGate(options.thresholds);
  const affective = acc.affectiveUsers();
  const method = options.estimator?.method ?? 'raw';
  const methodNote =
    method === 'raw'
      ? null
      : `Counted as classified (raw): the ${method} estimator corrects shares of conversations, not who had them.`;

  // 1. How affective each user's use is (users with enough conversations to say).
  const buckets = SHARE_BUCKETS.map(() => group());
  const eligible = group();
  for (const [id, n] of byId) {
    if (n < SHARE_MIN_CONVERSATIONS) continue;
    const a = affective.get(`u:${id}`)?.conversations ?? 0;
    // A user counts once in a count of users, so no one of them dominates it: top = 1.
    for (const g of [buckets[shareBucket(a / n)], eligible]) {
      g.users++;
      g.conversations += n;
      g.top = 1;
    }
  }
  const eligibleShown = showGroup(gate, cell(eligible), () => ({ count: eligible.users }));
  const bucketFigures = eligibleShown.suppressed
    ? buckets.map(() => gate.suppress())
    : showCells(gate, buckets.map(cell), (i) => ({
        users: buckets[i].users,
        share: buckets[i].users / eligible.users,
      }));

  // 2. Concentration among users with any affective conversation.
  const users = [...affective.values()];
  const counts = users.map((u) => u.conversations).sort((a, b) => a - b);
  const U = counts.length;
  const totalAffective = counts.reduce((s, x) => s + x, 0);
  const all = { users: U, conversations: totalAffective, top: U === 0 ? 0 : counts[U - 1] };
  const decileStart = (k: number) => Math.floor((k * U) / 10);
  const deciles = Array.from({ length: 10 }, (_, k) => {
    const g = group();
    for (let i = decileStart(k); i < decileStart(k + 1); i++) addTo(g, counts[i]);
    return g;
  });
  const top10 = deciles[9];
  const rest90 = group();
  for (let k = 0; k < 9; k++) {
    rest90.users += deciles[k].users;
    rest90.conversations += deciles[k].conversations;
    rest90.top = Math.max(rest90.top, deciles[k].top);
  }
  // perUser's top 1 % sits inside the top decile: with both shown, the band between them is shown too.
  const band = group();
  if (options.top1Shown) {
    for (let i = decileStart(9); i < U - options.top1Users; i++) addTo(band, counts[i]);
  }
  const nested = options.top1Shown ? [cell(band)] : [];
  const top10Figure = showGroup(
    gate,
    cell(top10),
    () => ({
      users: top10.users,
      conversations: top10.conversations,
      share: top10.conversations / totalAffective,
    }),
    [cell(rest90), ...nested],
  );
  const giniFigure = showGroup(gate, cell(all), () => ({ value: gini(counts), users: U }));
  const lorenzFigure = showTable(
    gate,
    deciles.map(cell),
    () => ({
      points: Array.from({ length: 11 }, (_, k) => {
        let upTo = 0;
        for (let i = 0; i < decileStart(k); i++) upTo += counts[i];
        return { users: k / 10, conversations: upTo / totalAffective };
      }),
    }),
    nested,
  );

  // 3. Power users against everyone.
  const power = group();
  const notPower = group();
  const powerCategory = CATEGORY_ORDER.map(() => group());
  const otherCategory = CATEGORY_ORDER.map(() => group());
  const everyoneCategory = CATEGORY_ORDER.map(() => group());
  for (const u of users) {
    const p = isPowerUser(u);
    addTo(p ? power : notPower, u.conversations);
    CATEGORY_ORDER.forEach((_, c) => {
      addTo(p ? powerCategory[c] : otherCategory[c], u.categories[c]);
      addTo(everyoneCategory[c], u.categories[c]);
    });
  }
  const powerUsers = users.filter(isPowerUser);
  const groupFigure = showGroup(
    gate,
    cell(power),
    () => ({
      users: power.users,
      shareOfAffectiveUsers: power.users / U,
      interval: clusterRatio(
        users.map((u) => (isPowerUser(u) ? 1 : 0)),
        users.map(() => 1),
      ).interval,
      conversations: power.conversations,
      shareOfAffectiveConversations: power.conversations / totalAffective,
    }),
    [cell(notPower)],
  );
  const ratioOf = (
    us: readonly Readonly<AffectiveUser>[],
    num: (u: Readonly<AffectiveUser>) => number,
    den: (u: Readonly<AffectiveUser>) => number,
  ): RatioFigure => {
    const r = clusterRatio(us.map(num), us.map(den));
    return { count: r.count, of: r.of, share: r.share, interval: r.interval };
  };
  const categoryMix = CATEGORY_ORDER.map((category, c) => ({
    category,
    powerUsers: groupFigure.suppressed
      ? gate.suppress()
      : showGroup(
          gate,
          cell(powerCategory[c]),
          () =>
            ratioOf(
              powerUsers,
              (u) => u.categories[c],
              (u) => u.conversations,
            ),
          [cell(otherCategory[c])],
        ),
    everyone: showGroup(gate, cell(everyoneCategory[c]), () =>
      ratioOf(
        users,
        (u) => u.categories[c],
        (u) => u.conversations,
      ),
    ),
  }));
  const withCues = users.filter((u) => u.withCues > 0);
  const everyoneCell = group();
  const powerCell = group();
  for (const u of withCues) {
    addTo(everyoneCell, u.withCues);
    if (isPowerUser(u)) addTo(powerCell, u.withCues);
  }
  const dependency: UserFiguresShown['powerUsers']['dependency'] =
    withCues.length === 0
      ? {
          available: false,
          reason: 'no affective conversation has dependency cues (neither the engine nor the rules set them)',
        }
      : {
          available: true,
          cues: DEPENDENCY_CUES.map((cue, i) => {
            const everyonePositives = group();
            const powerPositives = group();
            for (const u of withCues) {
              addTo(everyonePositives, u.cues[i]);
              if (isPowerUser(u)) addTo(powerPositives, u.cues[i]);
            }
            return {
              cue,
              // A rate within a shown group, withheld when few users (or one above all) have the cue.
              powerUsers: groupFigure.suppressed
                ? gate.suppress()
                : showRate(gate, cell(powerCell), cell(powerPositives), () =>
                    ratioOf(
                      powerUsers,
                      (u) => u.cues[i],
                      (u) => u.withCues,
                    ),
                  ),
              everyone: showRate(gate, cell(everyoneCell), cell(everyonePositives), () =>
                ratioOf(
                  users,
                  (u) => u.cues[i],
                  (u) => u.withCues,
                ),
              ),
            };
          }),
        };

  // 4. Returning affective users (identified users with dated affective conversations).
  const dated = users.filter((u) => u.identified && u.firstPeriod !== null);
  let returning: UserFiguresShown['returning'];
  if (dated.length === 0) {
    returning = {
      available: false,
      reason: 'no affective conversation of an identified user has a timestamp',
    };
  } else {
    const back = group();
    const once = group();
    for (const u of dated) {
      const g = u.returning ? back : once;
      g.users++;
      g.conversations += u.conversations;
      g.top = 1;
    }
    returning = {
      available: true,
      period: options.period,
      ...showGroup(
        gate,
        cell(back),
        () => {
          const r = clusterRatio(
            dated.map((u) => (u.returning ? 1 : 0)),
            dated.map(() => 1),
          );
          return { users: back.users, of: dated.length, share: r.share, interval: r.interval };
        },
        [cell(once)],
      ),
    };
  }

  return {
    available: true,
    method: 'raw',
    methodNote,
    affectiveShare: {
      minConversations: SHARE_MIN_CONVERSATIONS,
      users: eligibleShown,
      buckets: SHARE_BUCKETS.map((b, i) => ({ ...b, ...bucketFigures[i] })),
    },
    concentration: { top10: top10Figure, gini: giniFigure, lorenz: lorenzFigure },
    powerUsers: {
      minAffectiveConversations: POWER_USER_MIN_AFFECTIVE_CONVERSATIONS,
      minHumanMessages: POWER_USER_MIN_HUMAN_MESSAGES,
      group: groupFigure,
      categoryMix,
      dependency,
    },
    returning,
    suppressed: gate.suppressed,
  };
}
