/**
 * A hand-labelling session (`affectlens label`): a seeded uniform sample of the user's own
 * conversations, the labels already given (read back from the output file, so a rerun resumes), the
 * ones skipped, and the writer of labelled records in the `labelled` input format that `validate`
 * and calibration read. Every answer is appended and fsynced as it is given: a kill loses nothing
 * labelled. Knows nothing about HTTP: the server in labelServer.ts drives it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import type { ReadOptions } from '../conversation/formats.js';
import { type Conversation, humanMessageCount } from '../conversation/model.js';
import { InputError } from '../conversation/quarantine.js';
import { readConversations } from '../conversation/read.js';
import { CATEGORIES, PUSHBACK_REASONS, SentimentSchema } from '../facets/schema.js';
import { Reservoir } from '../pipeline/ingest.js';
import { AppendLog } from '../store/appendLog.js';
import { VERSION } from '../version.js';

/** The codebook's limit on a concern phrase. */
export const CONCERN_MAX_WORDS = 15;

/** What the page sends for one conversation (label keys as in the shared labelled data). */
export const HandLabelsSchema = z.strictObject({
  content_creation: z.boolean(),
  categories: z.array(z.enum(CATEGORIES)),
  pushback: z.boolean(),
  pushback_reason: z.enum(PUSHBACK_REASONS).nullable(),
  sentiment: z.array(SentimentSchema),
  concern: z.string().optional(),
});
export type HandLabels = z.infer<typeof HandLabelsSchema>;

/** A label the session refuses (the page shows its message); `status` is the HTTP answer. */
export class LabelError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 409 = 400,
  ) {
    super(message);
    this.name = 'LabelError';
  }
}

export interface LabelSessionOptions {
  inputs: string[];
  /** Sample size: a seeded uniform sample of this many valid conversations (all, if fewer). */
  n: number;
  seed: number;
  /** Labelled JSONL written here; read first, so what it holds is not asked again. */
  out: string;
  read?: ReadOptions;
}

interface Item {
  key: string;
  conversation: Conversation;
}

/** What the page shows: progress, and the conversation to label now (messages as plain text). */
export interface SessionState {
  total: number;
  labelled: number;
  skipped: number;
  remaining: number;
  done: boolean;
  current: {
    key: string;
    id: string;
    /** 1-based place of this conversation in the sample. */
    position: number;
    userMessages: number;
    messages: { role: string; content: string }[];
  } | null;
}

/** The identity of a sampled conversation: its id and content, so a changed log is asked again. */
export function labelKey(id: string, messages: readonly { role: string; content: string }[]): string {
  const h = createHash('sha256');
  h.update(id);
  for (const m of messages) h.update(`\u0001${m.role}\u0002${m.content}`);
  return h.digest('hex').slice(0, 32);
}

/** Where a session keeps the keys of skipped conversations, beside its output. */
export function skippedFileOf(out: string): string {
  return `${out}.skipped`;
}

export class LabelSession {
  private readonly sample: Item[];
  private readonly labelledKeys: Set<string>;
  private readonly skippedKeys: Set<string>;
  private readonly outLog: AppendLog;
  private readonly skipLog: AppendLog;
  /** Records read from the logs (valid and quarantined). */
  readonly read: number;
  readonly quarantined: number;

  private constructor(
    readonly options: LabelSessionOptions,
    sample: Item[],
    counts: { read: number; quarantined: number },
  ) {
    this.sample = sample;
    this.read = counts.read;
    this.quarantined = counts.quarantined;
    const inSample = new Set(sample.map((s) => s.key));
    const labelled = existingKeys(options.out, 'labels');
    const skipped = existingKeys(skippedFileOf(options.out), 'skips');
    this.labelledKeys = new Set([...labelled.keys].filter((k) => inSample.has(k)));
    this.skippedKeys = new Set([...skipped.keys].filter((k) => inSample.has(k) && !this.labelledKeys.has(k)));
    // Opened only now, after reading: a torn last line (a kill mid-write) is cut, never appended to.
    this.outLog = new AppendLog(options.out, labelled.validBytes);
    this.skipLog = new AppendLog(skippedFileOf(options.out), skipped.validBytes);
  }

  /** Reads the logs once, keeping a seeded uniform sample (the same one `analyze --sample N --seed S` takes). */
  static async open(options: LabelSessionOptions): Promise<LabelSession> {
    const reservoir = new Reservoir<Conversation>(options.n, options.seed);
    let read = 0;
    let quarantined = 0;
    for await (const item of readConversations(options.inputs, options.read)) {
      read++;
      if (item.kind === 'quarantined') quarantined++;
      else reservoir.offer(item.conversation);
    }
    const sample = reservoir.items().map((conversation) => ({
      key: labelKey(conversation.id, conversation.messages),
      conversation,
    }));
    if (sample.length === 0)
      throw new InputError(
        `${options.inputs.join(', ')}: no conversation to label (${quarantined} quarantined)`,
      );
    return new LabelSession(options, sample, { read, quarantined });
  }

  get total(): number {
    return this.sample.length;
  }

  get labelled(): number {
    return this.labelledKeys.size;
  }

  get skipped(): number {
    return this.skippedKeys.size;
  }

  get remaining(): number {
    return this.total - this.labelled - this.skipped;
  }

  private currentIndex(): number {
    return this.sample.findIndex((s) => !this.labelledKeys.has(s.key) && !this.skippedKeys.has(s.key));
  }

  state(): SessionState {
    const i = this.currentIndex();
    const item = i >= 0 ? this.sample[i] : undefined;
    return {
      total: this.total,
      labelled: this.labelled,
      skipped: this.skipped,
      remaining: this.remaining,
      done: item === undefined,
      current: item
        ? {
            key: item.key,
            id: item.conversation.id,
            position: i + 1,
            userMessages: humanMessageCount(item.conversation),
            messages: item.conversation.messages.map((m) => ({ role: m.role, content: m.content })),
          }
        : null,
    };
  }

  /** The conversation being asked about, checked against the key the page answered for. */
  private expect(key: unknown): Item {
    const i = this.currentIndex();
    if (i < 0) throw new LabelError('every conversation of this sample is labelled or skipped', 409);
    if (key !== this.sample[i].key)
      throw new LabelError(
        'this answer is for another conversation than the one asked now; reload the page',
        409,
      );
    return this.sample[i];
  }

  /** Checks the labels against the codebook's rules and this conversation, then appends the record. */
  label(key: unknown, value: unknown): void {
    const item = this.expect(key);
    const parsed = HandLabelsSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new LabelError(`labels.${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    const labels = parsed.data;
    const n = humanMessageCount(item.conversation);
    if (labels.sentiment.length !== n)
      throw new LabelError(
        `labels.sentiment: one value per user message (${n}), got ${labels.sentiment.length}`,
      );
    if (new Set(labels.categories).size !== labels.categories.length)
      throw new LabelError('labels.categories: a category is listed twice');
    if (labels.pushback !== (labels.pushback_reason !== null))
      throw new LabelError('labels.pushback_reason: required with pushback, and only with pushback');
    const concern = (labels.concern ?? '').trim().replace(/\s+/g, ' ');
    if (concern.split(' ').filter(Boolean).length > CONCERN_MAX_WORDS)
      throw new LabelError(`labels.concern: at most ${CONCERN_MAX_WORDS} words`);
    this.outLog.append(`${JSON.stringify(labelledRecord(item.conversation, labels, concern))}\n`);
    this.outLog.flush();
    this.labelledKeys.add(item.key);
  }

  skip(key: unknown): void {
    const item = this.expect(key);
    this.skipLog.append(`${JSON.stringify({ id: item.conversation.id, key: item.key })}\n`);
    this.skipLog.flush();
    this.skippedKeys.add(item.key);
  }

  close(): void {
    this.outLog.close();
    this.skipLog.close();
  }
}

/** One record of the `labelled` input format: the conversation as read, and the labels. */
function labelledRecord(conv: Conversation, labels: HandLabels, concern: string): Record<string, unknown> {
  const record: Record<string, unknown> = { id: conv.id };
  if (conv.userId !== undefined) record.user = conv.userId;
  if (conv.createdAt !== undefined) record.created_at = conv.createdAt;
  record.messages = conv.messages.map((m) => ({ role: m.role, content: m.content }));
  const out: Record<string, unknown> = {
    content_creation: labels.content_creation,
    categories: labels.categories,
    affective: labels.categories.length > 0,
    pushback: labels.pushback,
    pushback_reason: labels.pushback_reason,
    sentiment: labels.sentiment,
  };
  if (concern !== '') out.concern = concern;
  record.labels = out;
  record.labelled_with = `affectlens label ${VERSION}`;
  return record;
}

/**
 * The keys of the records already in `file` (labels or skips), and where its last complete line
 * ends. A torn last line (a kill mid-write) is left out and cut when the file is reopened; any other
 * line that is not a record stops the session with its line number, rather than being appended after.
 */
function existingKeys(file: string, what: 'labels' | 'skips'): { keys: Set<string>; validBytes: number } {
  const keys = new Set<string>();
  if (!existsSync(file)) return { keys, validBytes: 0 };
  if (statSync(file).isDirectory()) throw new InputError(`${file}: is a folder, not a file`, file);
  const buf = readFileSync(file);
  const validBytes = buf.lastIndexOf(10) + 1;
  const lines = buf.toString('utf8', 0, validBytes).split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let key: string | undefined;
    try {
      const v = JSON.parse(line) as Record<string, unknown>;
      if (what === 'skips') key = typeof v.key === 'string' ? v.key : undefined;
      else if (typeof v.id === 'string' && Array.isArray(v.messages) && v.labels !== undefined)
        key = labelKey(v.id, v.messages as { role: string; content: string }[]);
    } catch {
      key = undefined;
    }
    if (key === undefined)
      throw new InputError(
        `${file} line ${i + 1}: not a ${what === 'labels' ? 'labelled record ({"id","messages","labels"})' : 'skip record ({"id","key"})'}; fix or remove that line`,
        file,
      );
    keys.add(key);
  });
  return { keys, validBytes };
}
