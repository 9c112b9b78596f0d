/**
 * Auditable decisions (`analyze --export-decisions FILE`): one row per analysed conversation with its
 * id, a salted hash of its user id, every facet, the engine that decided (model, prompt or rules
 * version) and the engine's evidence, so an analyst can check a decision and score a sample of them.
 *
 * Per-conversation data, so it is kept out of the report folder, and it never holds message text:
 * the row is built field by field from enums, numbers and ids. The concern summary is left out
 * (it is free text, and a model may copy it from the conversation; `affectlens explain` shows it on
 * the analyst's own terminal), and so is an error's reason (it may quote a model's answer).
 *
 * The user id is hashed with HMAC-SHA256 under a random salt drawn for each run and never written
 * anywhere. Not the run's seed: seeds are small public numbers (report.json states them), so anyone
 * holding a list of candidate user ids could hash them with it and find which conversations, and
 * which categories, belong to whom. With a per-run secret salt, rows of one user still share one
 * hash inside the file (per-user audits work), but the hash cannot be tied back to an id, nor joined
 * across two exports. The price: that one column differs between two runs of the same input; every
 * other byte is reproducible.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Conversation } from '../conversation/model.js';
import type { Evidence, FacetEngine, FacetResult } from '../facets/engine.js';
import type { Category, PushbackReason } from '../facets/schema.js';
import { sentimentChangeOf } from '../facets/sentimentChange.js';
import { AppendLog } from '../store/appendLog.js';

export const DECISIONS_FORMATS = ['jsonl', 'parquet'] as const;
export type DecisionsFormat = (typeof DECISIONS_FORMATS)[number];

/** The evidence as exported: the engine's, without free text (the answer's concern). */
export interface ExportedEvidence {
  cues?: string[];
  answer?: Record<string, unknown>;
  note?: string;
}

/** One exported row. Keys follow the labelled format's label keys, so rows compare with labels. */
export interface DecisionRecord {
  id: string;
  /** HMAC-SHA256 (per-run random salt) of the user id, 32 hex digits; null without a user id. */
  user_hash: string | null;
  status: 'ok' | 'insufficientInput' | 'error';
  content_creation: boolean;
  categories: Category[];
  affective: boolean;
  pushback: boolean;
  pushback_reason: PushbackReason | null;
  /** One value per user message: -1, -0.5, 0, 0.5, 1. */
  sentiment: number[];
  /** Mean of the last three minus the first three sentiments (>= 6 user messages), else null. */
  sentiment_change: number | null;
  human_messages: number;
  language: string;
  engine: string;
  model: string;
  prompt_version: string;
  evidence: ExportedEvidence | null;
}

/** The export's format from its file name, or undefined when it is neither .jsonl nor .parquet. */
export function decisionsFormatOf(file: string): DecisionsFormat | undefined {
  const ext = extname(file).toLowerCase();
  return ext === '.jsonl' ? 'jsonl' : ext === '.parquet' ? 'parquet' : undefined;
}

/**
 * What is wrong with exporting decisions to `file`, or null: it must end in .jsonl or .parquet, lie
 * outside the report folder (which is meant to be shared) and not be one of the inputs.
 */
export function decisionsPathProblem(
  file: string,
  context: { outDir: string; inputs?: readonly string[] },
): string | null {
  if (decisionsFormatOf(file) === undefined)
    return `--export-decisions ${file}: the file name must end in .jsonl or .parquet`;
  const target = canonical(file);
  const out = canonical(context.outDir);
  const rel = relative(out, target);
  if (rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)))
    return `--export-decisions ${file}: inside the report folder ${context.outDir}; per-conversation decisions must be written outside it (the report folder is meant to be shared)`;
  for (const input of context.inputs ?? [])
    if (canonical(input) === target) return `--export-decisions ${file}: that is an input file`;
  return null;
}

/**
 * Where one shard of a run (`analyze --shard i/N --export-decisions FILE`) writes its decisions:
 * FILE with `.shard-i-of-N` before its extension, so every shard can be given the same command line.
 * A user's conversations are all in one shard (the partition is by user), so each file's salted user
 * hashes still group a user's rows, and the files together hold every conversation once.
 */
export function shardDecisionsPath(file: string, shard: { index: number; count: number }): string {
  const ext = extname(file);
  return `${file.slice(0, file.length - ext.length)}.shard-${shard.index}-of-${shard.count}${ext}`;
}

/** The absolute path with symlinks of its existing part resolved (a link must not smuggle it inside). */
function canonical(p: string): string {
  const abs = resolve(p);
  let head = abs;
  const tail: string[] = [];
  while (!existsSync(head)) {
    const parent = dirname(head);
    if (parent === head) return abs;
    tail.unshift(basename(head));
    head = parent;
  }
  return join(realpathSync(head), ...tail);
}

/** Builds one row; `hashUser` maps a user id to its salted hash. */
export function decisionRecord(
  conversation: Pick<Conversation, 'id' | 'userId'>,
  result: FacetResult,
  engine: Pick<FacetEngine, 'name' | 'model' | 'promptVersion'>,
  evidence: Evidence | undefined,
  hashUser: (userId: string) => string,
): DecisionRecord {
  const f = result.facets;
  return {
    id: conversation.id,
    user_hash: conversation.userId === undefined ? null : hashUser(conversation.userId),
    status: f.status.kind,
    content_creation: f.contentCreation,
    categories: [...f.categories],
    affective: f.categories.length > 0,
    pushback: f.pushback,
    pushback_reason: f.pushbackReason,
    sentiment: [...f.sentiment],
    sentiment_change: sentimentChangeOf(f.sentiment),
    human_messages: f.humanMessages,
    language: f.language,
    engine: engine.name,
    model: engine.model,
    prompt_version: evidence?.promptVersion ?? engine.promptVersion,
    evidence: evidence ? exportedEvidence(evidence) : null,
  };
}

function exportedEvidence(e: Evidence): ExportedEvidence {
  const out: ExportedEvidence = {};
  if (e.cues !== undefined) out.cues = [...e.cues];
  if (e.answer !== undefined) {
    const { concern: _freeText, ...answer } = e.answer;
    out.answer = answer;
  }
  if (e.note !== undefined) out.note = e.note;
  return out;
}

/** A keyed hash of user ids under a secret salt (random per run unless one is given, for tests). */
export function userHasher(salt: Buffer = randomBytes(32)): (userId: string) => string {
  return (userId) => createHmac('sha256', salt).update(userId).digest('hex').slice(0, 32);
}

/** Column types of the Parquet file, so an empty or all-null column still gets its type. */
const PARQUET_COLUMNS: Record<keyof DecisionRecord, string> = {
  id: 'VARCHAR',
  user_hash: 'VARCHAR',
  status: 'VARCHAR',
  content_creation: 'BOOLEAN',
  categories: 'VARCHAR[]',
  affective: 'BOOLEAN',
  pushback: 'BOOLEAN',
  pushback_reason: 'VARCHAR',
  sentiment: 'DOUBLE[]',
  sentiment_change: 'DOUBLE',
  human_messages: 'INTEGER',
  language: 'VARCHAR',
  engine: 'VARCHAR',
  model: 'VARCHAR',
  prompt_version: 'VARCHAR',
  evidence: 'JSON',
};

/**
 * Writes decisions as they come, to a `.partial.jsonl` file beside the target; `close()` renames it
 * (JSONL) or converts it with DuckDB (Parquet), so an interrupted run never leaves a file that looks
 * complete, and `abort()` deletes it.
 */
export class DecisionsExport {
  readonly format: DecisionsFormat;
  private readonly partial: string;
  private readonly log: AppendLog;
  private readonly hashUser: (userId: string) => string;
  rows = 0;

  constructor(
    readonly file: string,
    private readonly engine: FacetEngine,
    options: { salt?: Buffer } = {},
  ) {
    const format = decisionsFormatOf(file);
    if (format === undefined) throw new Error(`--export-decisions ${file}: must end in .jsonl or .parquet`);
    this.format = format;
    this.partial = `${file}.partial.jsonl`;
    this.log = new AppendLog(this.partial, 0);
    this.hashUser = userHasher(options.salt);
  }

  /** One decision; `engine` is the one that made it (a cascade exports the screen's and the verifier's). */
  add(conversation: Conversation, result: FacetResult, engine: FacetEngine = this.engine): void {
    const evidence = engine.evidence?.(conversation, result.facets);
    const row = decisionRecord(conversation, result, engine, evidence, this.hashUser);
    this.log.append(`${JSON.stringify(row)}\n`);
    this.rows++;
  }

  async close(): Promise<void> {
    this.log.close();
    try {
      if (this.format === 'jsonl') renameSync(this.partial, this.file);
      else await jsonlToParquet(this.partial, this.file);
    } finally {
      rmSync(this.partial, { force: true });
    }
  }

  /** Deletes what was written (a failed run). */
  abort(): void {
    this.log.remove();
  }
}

async function jsonlToParquet(jsonl: string, parquet: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const columns = Object.entries(PARQUET_COLUMNS)
    .map(([name, type]) => `${name}: ${quote(type)}`)
    .join(', ');
  try {
    await connection.run(
      `COPY (SELECT * FROM read_json(${quote(jsonl)}, format = 'newline_delimited', columns = {${columns}})) ` +
        `TO ${quote(parquet)} (FORMAT parquet, COMPRESSION zstd)`,
    );
  } catch (err) {
    const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new Error(`${parquet}: cannot write the decisions as Parquet (${msg})`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
