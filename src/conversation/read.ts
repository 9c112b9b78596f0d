/**
 * Reading logs: expand the inputs, then stream each file's records through its format's reader.
 * Every record read yields exactly one item, a conversation or a quarantine entry, in file order,
 * so totals reconcile downstream. Nothing is held beyond one input chunk (1 MiB) plus the record
 * being read, whatever the file size.
 */
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { classifyRecord, type FilePlan, planFile } from './detect.js';
import type { FormatName, ReadItem, ReadOptions } from './formats.js';
import { InputError, type QuarantineEntry, StrictModeError } from './quarantine.js';
import { isObject, type RecordContext, type RecordResult } from './readers/common.js';
import { documentRecords } from './readers/document.js';
import { jsonArrayRecords } from './readers/jsonArray.js';
import { jsonlRecords } from './readers/lines.js';
import { parquetRecords } from './readers/parquet.js';
import {
  DEFAULT_MAX_MESSAGE_CHARS,
  DEFAULT_MAX_RECORD_BYTES,
  decodeRecord,
  type RecordBatches,
} from './readers/records.js';
import { FORMAT_LABELS, RECORD_READERS } from './readers/registry.js';
import { byteChunks } from './readers/source.js';

/**
 * Files and globs to a sorted, de-duplicated list of files. A path that does not exist, or a glob
 * that matches nothing, is an InputError naming it: a silent empty run would look like "no data".
 */
export async function expandInputs(patterns: string[]): Promise<string[]> {
  const byPath = new Map<string, string>();
  for (const pattern of patterns) {
    const exists = await stat(pattern).then(
      (s) => s,
      () => undefined,
    );
    if (exists) {
      if (exists.isDirectory()) {
        throw new InputError(`${pattern}: is a directory (name files, or a glob such as ${pattern}/*.jsonl)`);
      }
      if (!byPath.has(resolve(pattern))) byPath.set(resolve(pattern), pattern);
      continue;
    }
    if (!isDynamicPattern(pattern)) throw new InputError(`${pattern}: no such file`, pattern);
    const absolute = pattern.startsWith('/');
    const matches = await glob(pattern, { onlyFiles: true, absolute, expandDirectories: false, dot: false });
    if (matches.length === 0) throw new InputError(`${pattern}: no files match this pattern`, pattern);
    for (const m of matches) if (!byPath.has(resolve(m))) byPath.set(resolve(m), m);
  }
  return [...byPath.values()].sort();
}

/** Every conversation and quarantined record of every input, file by file. */
export async function* readConversations(
  inputs: string[],
  options: ReadOptions = {},
): AsyncGenerator<ReadItem> {
  for await (const items of readConversationBatches(inputs, options)) yield* items;
}

/**
 * The same items as readConversations, in arrays of up to 256: a million-line file costs a few
 * thousand trips through the async generators instead of a million (the pipeline reads this way).
 */
export async function* readConversationBatches(
  inputs: string[],
  options: ReadOptions = {},
): AsyncGenerator<ReadItem[]> {
  for (const file of await expandInputs(inputs)) {
    yield* readPlannedFileBatches(await planFile(file, forcedFormat(options), options), options);
  }
}

/** One file (already expanded): detection, then its records in order. */
export async function* readFile(file: string, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  yield* readPlannedFile(await planFile(file, forcedFormat(options), options), options);
}

export function forcedFormat(options: ReadOptions): FormatName | undefined {
  return options.format && options.format !== 'auto' ? options.format : undefined;
}

/** The records of a file whose container and format are already known. */
export async function* readPlannedFile(plan: FilePlan, options: ReadOptions = {}): AsyncGenerator<ReadItem> {
  for await (const items of readPlannedFileBatches(plan, options)) yield* items;
}

/**
 * Items per yielded batch. Small enough that the conversations parsed ahead of their use stay a
 * small part of V8's young generation (a whole 1 MiB chunk's worth made every scavenge copy them
 * and cost the pipeline a quarter of its reading time), large enough to keep the generator trips rare.
 */
const YIELD_EVERY = 256;
async function* readPlannedFileBatches(plan: FilePlan, options: ReadOptions): AsyncGenerator<ReadItem[]> {
  const file = plan.file;
  const maxBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const chunks = () => byteChunks(plan.source, plan.gzip, { onRawChunk: options.onRawChunk, last: true });
  const records: RecordBatches =
    plan.container === 'parquet'
      ? parquetRecords(file, plan.format === 'wildchat')
      : plan.container === 'array'
        ? jsonArrayRecords(chunks(), maxBytes, file)
        : plan.container === 'document'
          ? documentRecords(chunks(), maxBytes)
          : jsonlRecords(chunks(), maxBytes);
  try {
    yield* recordItems(records, plan, options);
  } finally {
    plan.source.close();
  }
}

async function* recordItems(
  records: RecordBatches,
  plan: FilePlan,
  options: ReadOptions,
): AsyncGenerator<ReadItem[]> {
  const { file, format } = plan;
  const read = RECORD_READERS[format];
  const ctx: RecordContext = {
    file,
    position: 0,
    unit: plan.container === 'jsonl' ? 'line' : 'index',
    basename: basename(file),
    maxMessageChars: options.maxMessageChars ?? DEFAULT_MAX_MESSAGE_CHARS,
  };
  for await (const batch of records) {
    let items: ReadItem[] = [];
    for (const record of batch) {
      if (items.length >= YIELD_EVERY) {
        yield items;
        items = [];
      }
      ctx.position = record.position;
      const decoded = decodeRecord(record);
      const result: RecordResult = decoded.ok ? readRecord(format, read, decoded.value, ctx) : decoded;
      if (result.ok) {
        items.push({ kind: 'conversation', conversation: result.conversation, format });
        continue;
      }
      const entry: QuarantineEntry = {
        file,
        position: record.position,
        unit: ctx.unit,
        reason: result.problem.reason,
        detail: result.problem.detail,
      };
      if (options.strict) {
        // The records before the bad one are still delivered, as one at a time would have been.
        if (items.length > 0) yield items;
        throw new StrictModeError(entry);
      }
      items.push({ kind: 'quarantined', entry, format });
    }
    if (items.length > 0) yield items;
  }
}

function readRecord(
  format: FormatName,
  read: (typeof RECORD_READERS)[FormatName],
  value: unknown,
  ctx: RecordContext,
): RecordResult {
  if (!isObject(value)) {
    return { ok: false, problem: { reason: 'wrong_shape', detail: 'record is not a JSON object' } };
  }
  const looksLike = classifyRecord(value);
  if (looksLike !== undefined && looksLike !== format && !compatible(format, looksLike, value)) {
    return {
      ok: false,
      problem: {
        reason: 'wrong_format',
        detail: `record looks like ${FORMAT_LABELS[looksLike]}, but the file is read as ${FORMAT_LABELS[format]}`,
      },
    };
  }
  try {
    return read(value, ctx);
  } catch (err) {
    // A reader bug must cost one record, not the run; the error's message may quote the record,
    // so only its kind is kept.
    const kind = err instanceof Error ? err.name : typeof err;
    return {
      ok: false,
      problem: { reason: 'reader_error', detail: `the reader failed on this record (${kind})` },
    };
  }
}

/**
 * A labelled conversation is an OpenAI record with labels, so each reads as the other; the
 * labelled reader then insists on the labels it needs.
 */
function compatible(format: FormatName, looksLike: FormatName, value: Record<string, unknown>): boolean {
  if (format === 'openai' && looksLike === 'labelled') return value.messages !== undefined;
  return format === 'labelled' && looksLike === 'openai';
}
