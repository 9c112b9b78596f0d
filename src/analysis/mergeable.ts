/**
 * What lets shards' analyses be merged without folding their records again (src/shard/): every tally
 * can write its state as plain data (`state`, user keys as indices into a KeyTable) and add such a
 * state into itself (`absorb`). Absorbing the states of a partition of the records, in any order,
 * must leave the tally as if it had been fed every record in input order — test/analysis/
 * mergeable.test.ts checks that for the whole AnalysisAccumulator on partitions by user.
 *
 * Counts add up, sets of users unite (a partition by user keeps them disjoint, so the per-user maxima
 * stay exact). What depends on the order records arrive in keeps each item's position among all
 * records, and absorbing merges by position: the sentiment changes a bootstrap resamples
 * (PositionedValues), the topic candidates, the affective users (their first affective conversation).
 */
import type { KeyList, KeyTable } from '../util/keyTable.js';

export interface Mergeable<S> {
  state(keys: KeyTable): S;
  absorb(state: S, keys: KeyList): void;
}

interface AnyMergeable {
  state(keys: KeyTable): unknown;
  absorb(state: never, keys: KeyList): void;
}
type Part = AnyMergeable | readonly AnyMergeable[];

/** The states of named parts (a composite tally's fields). */
export function partsState(parts: Readonly<Record<string, Part>>, keys: KeyTable): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, p] of Object.entries(parts))
    out[name] = isList(p) ? p.map((x) => x.state(keys)) : p.state(keys);
  return out;
}

/** Absorbs what partsState wrote into the same named parts. */
export function absorbParts(
  parts: Readonly<Record<string, Part>>,
  state: Readonly<Record<string, unknown>>,
  keys: KeyList,
): void {
  for (const [name, p] of Object.entries(parts)) {
    const s = state[name];
    if (s === undefined) throw new Error(`accumulator state has no "${name}"`);
    if (isList(p)) {
      const list = s as readonly never[];
      if (list.length !== p.length)
        throw new Error(`accumulator state "${name}" has ${list.length} parts, expected ${p.length}`);
      p.forEach((x, i) => {
        x.absorb(list[i], keys);
      });
    } else p.absorb(s as never, keys);
  }
}

function isList(p: Part): p is readonly AnyMergeable[] {
  return Array.isArray(p);
}

/**
 * A tally made of named mergeable parts and plain counters: its state is theirs, and absorbing adds
 * the counters. A subclass lists its parts and the names of its counter fields.
 */
export abstract class Composite implements Mergeable<Record<string, unknown>> {
  protected abstract parts(): Readonly<Record<string, Part>>;

  /** Names of number fields that are counts (absorbing adds them). */
  protected counters(): readonly string[] {
    return [];
  }

  state(keys: KeyTable): Record<string, unknown> {
    const out = partsState(this.parts(), keys);
    const self = this as unknown as Record<string, number>;
    for (const c of this.counters()) out[c] = self[c];
    return out;
  }

  absorb(state: Record<string, unknown>, keys: KeyList): void {
    absorbParts(this.parts(), state, keys);
    const self = this as unknown as Record<string, number>;
    for (const c of this.counters()) {
      const k = state[c];
      if (typeof k !== 'number' || typeof self[c] !== 'number')
        throw new Error(`accumulator state: counter "${c}" missing or not a number`);
      self[c] += k;
    }
  }
}

/**
 * Merges two lists sorted by position into one (positions are unique across a partition); `a` and
 * `b` are parallel to `aAt` and `bAt`.
 */
export function mergeByPosition<T>(
  a: readonly T[],
  aAt: readonly number[],
  b: readonly T[],
  bAt: readonly number[],
): { items: T[]; at: number[] } {
  const items: T[] = [];
  const at: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && aAt[i] < bAt[j])) {
      items.push(a[i]);
      at.push(aAt[i++]);
    } else {
      if (i < a.length && aAt[i] === bAt[j])
        throw new Error(`position ${bAt[j]} is in two states: they are not a partition of one run`);
      items.push(b[j]);
      at.push(bAt[j++]);
    }
  }
  return { items, at };
}

/** Parts kept by key and made on first use (slices by period or segment, pushback reasons). */
export class KeyedParts<K extends string, T extends AnyMergeable> implements Mergeable<[K, unknown][]> {
  constructor(
    private readonly map: Map<K, T>,
    private readonly make: () => T,
  ) {}

  state(keys: KeyTable): [K, unknown][] {
    return Array.from(this.map, ([k, t]) => [k, t.state(keys)]);
  }

  absorb(s: [K, unknown][], keys: KeyList): void {
    for (const [k, state] of s) {
      let t = this.map.get(k);
      if (!t) {
        t = this.make();
        this.map.set(k, t);
      }
      t.absorb(state as never, keys);
    }
  }
}

export interface PositionedState {
  values: number[][];
  at: number[][];
}

/**
 * Per sampling stratum, values in input order with each one's position among all records (what a
 * seeded bootstrap resamples: the order is part of the figure).
 */
export class PositionedValues implements Mergeable<PositionedState> {
  private values: number[][] = [];
  private at: number[][] = [];

  add(stratum: number, value: number, position: number): void {
    if (!this.values[stratum]) {
      this.values[stratum] = [];
      this.at[stratum] = [];
    }
    const at = this.at[stratum];
    if (at.length > 0 && position <= at[at.length - 1])
      throw new Error(`values must come in input order: position ${position} after ${at[at.length - 1]}`);
    this.values[stratum].push(value);
    at.push(position);
  }

  /** The stratum's values in input order. */
  of(stratum: number): readonly number[] {
    return this.values[stratum] ?? [];
  }

  state(): PositionedState {
    return { values: Array.from(this.values, (v) => v ?? []), at: Array.from(this.at, (v) => v ?? []) };
  }

  absorb(s: PositionedState): void {
    s.values.forEach((values, h) => {
      if (values.length === 0) return;
      const m = mergeByPosition(this.values[h] ?? [], this.at[h] ?? [], values, s.at[h]);
      this.values[h] = m.items;
      this.at[h] = m.at;
    });
  }
}
