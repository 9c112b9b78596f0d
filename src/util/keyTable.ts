/**
 * Interned keys for a saved accumulator state (src/analysis/mergeable.ts): a state refers to a user
 * key by its index in one table, so a key that sits in many tallies is written once. `keys` is what a
 * reader gets back, indexed the same way.
 */
export class KeyTable {
  private readonly ids = new Map<string, number>();
  readonly keys: string[] = [];

  id(key: string): number {
    let i = this.ids.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.ids.set(key, i);
    }
    return i;
  }
}

/** The keys of a KeyTable, as a saved state is read back. */
export type KeyList = readonly string[];
