/**
 * Which shard a conversation belongs to: a stable hash of its user id (its conversation id when the
 * log has no user ids) modulo the number of shards. Partitioning by user keeps every distinct-user
 * threshold and every per-user figure exact: a user's conversations never straddle two shards.
 * SHA-256 (not a process-seeded hash), so every machine and every Node version puts a conversation in
 * the same shard.
 */
import { createHash } from 'node:crypto';

export interface ShardSpec {
  /** 0-based. */
  index: number;
  count: number;
}

/** `i/N` → { index: i, count: N }; undefined when the text is not two whole numbers with 0 ≤ i < N. */
export function parseShardSpec(text: string): ShardSpec | undefined {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count)
    return undefined;
  return { index, count };
}

export const shardName = (s: ShardSpec) => `${s.index}/${s.count}`;

/** The key a conversation is partitioned by. */
export function partitionKey(c: { id: string; userId?: string }): string {
  return c.userId !== undefined && c.userId !== '' ? `u:${c.userId}` : `c:${c.id}`;
}

/** The shard (0 … count-1) of a partition key. */
export function shardOfKey(key: string, count: number): number {
  if (count === 1) return 0;
  const h = createHash('sha256').update(key).digest();
  // 48 bits: an even spread for any count a job runner will use.
  return (h.readUIntBE(0, 6) % count) | 0;
}
