/**
 * Parquet container (WildChat-1M and LMSYS-Chat-1M ship as Parquet): DuckDB's read_parquet,
 * consumed through a streaming result one vector chunk (2,048 rows) at a time so a multi-GB file
 * is never materialised. Values come back as plain JSON-like objects, as if the row had been a
 * JSONL line, so the same record readers apply.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { InputError } from '../quarantine.js';
import type { RecordBatches } from './records.js';

/** Columns the WildChat/LMSYS reader uses; the heavy moderation columns are never read. */
const WILDCHAT_COLUMNS = [
  'conversation',
  'conversation_hash',
  'conversation_id',
  'hashed_ip',
  'timestamp',
  'language',
  'turn',
  'model',
  'toxic',
  'redacted',
];

export async function* parquetRecords(file: string, onlyWildchatColumns: boolean): RecordBatches {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const source = `read_parquet('${file.replaceAll("'", "''")}')`;
  try {
    let columns = '*';
    if (onlyWildchatColumns) {
      const described = await run(file, () => connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`));
      const present = new Set(described.getRowObjectsJS().map((r) => String(r.column_name)));
      const wanted = WILDCHAT_COLUMNS.filter((c) => present.has(c));
      if (wanted.length > 0) columns = wanted.map((c) => `"${c}"`).join(', ');
    }
    const result = await run(file, () => connection.stream(`SELECT ${columns} FROM ${source}`));
    let index = 0;
    const rows = result.yieldRowObjectJs()[Symbol.asyncIterator]();
    while (true) {
      const next = await run(file, () => rows.next());
      if (next.done) break;
      yield next.value.map((row) => ({ position: index++, value: plain(row) }));
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function run<T>(file: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new InputError(`${file}: cannot read Parquet (${msg})`, file);
  }
}

/** DuckDB's JS values to JSON-like ones: timestamps as ISO strings, BIGINTs as numbers. */
function plain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'bigint' ? Number(value) : value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return undefined;
  if (Array.isArray(value)) return value.map(plain);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = plain(v);
  return out;
}
