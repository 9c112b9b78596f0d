/**
 * Writes a synthetic corpus in any input format affectlens reads, streaming (constant memory) and
 * gzipped when the file name ends in .gz. Formats without a place for labels get a truth sidecar,
 * `<name>.truth.jsonl`, keyed by the id the format's reader will report, so ground truth is never lost.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { finished } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import type { Message } from '../conversation/model.js';
import type { SynthRecord, SynthTruth } from './generate.js';
import { TOPICS_BY_ID } from './topicTree.js';

export const SYNTH_FORMATS = ['openai', 'sharegpt', 'wildchat', 'claude', 'chatgpt', 'labelled'] as const;
export type SynthFormat = (typeof SYNTH_FORMATS)[number];

export interface WriteResult {
  conversations: number;
  /** Bytes on disk of the corpus file (compressed size for .gz). */
  bytes: number;
  /** The truth sidecar, for formats that cannot carry labels. */
  truthFile?: string;
}

/** `data/x.jsonl` → `data/x.truth.jsonl`; `x.json.gz` → `x.truth.jsonl.gz`. */
export function truthSidecarPath(file: string): string {
  const gz = file.endsWith('.gz');
  const base = gz ? file.slice(0, -3) : file;
  const stem = base.replace(/\.(jsonl|json|ndjson)$/, '');
  return `${stem}.truth.jsonl${gz ? '.gz' : ''}`;
}

const ARRAY_FORMATS: ReadonlySet<SynthFormat> = new Set(['claude', 'chatgpt']);

export async function writeSynthCorpus(
  records: Iterable<SynthRecord>,
  file: string,
  format: SynthFormat,
): Promise<WriteResult> {
  if (!(SYNTH_FORMATS as readonly string[]).includes(format)) {
    throw new RangeError(`unknown synth format ${format} (one of ${SYNTH_FORMATS.join(', ')})`);
  }
  const serialise = SERIALISERS[format];
  const array = ARRAY_FORMATS.has(format);
  const out = await openSink(file);
  const truthFile = format === 'labelled' ? undefined : truthSidecarPath(file);
  const truth = truthFile ? await openSink(truthFile) : null;
  let count = 0;
  try {
    if (array) await out.write('[\n');
    for (const rec of records) {
      const { id, value } = serialise(rec);
      const json = JSON.stringify(value);
      await out.write(array ? (count === 0 ? json : `,\n${json}`) : `${json}\n`);
      if (truth) await truth.write(`${JSON.stringify({ id, ...rec.truth })}\n`);
      count++;
    }
    if (array) await out.write(count === 0 ? ']\n' : '\n]\n');
  } finally {
    await out.close();
    if (truth) await truth.close();
  }
  const bytes = (await stat(file)).size;
  return truthFile ? { conversations: count, bytes, truthFile } : { conversations: count, bytes };
}

interface Sink {
  write(s: string): Promise<void>;
  close(): Promise<void>;
}

/** Buffers writes into ~1 MiB chunks and respects back-pressure. */
async function openSink(file: string): Promise<Sink> {
  await mkdir(dirname(file), { recursive: true });
  const fileStream: WriteStream = createWriteStream(file);
  const gzip: Gzip | null = file.endsWith('.gz') ? createGzip() : null;
  if (gzip) gzip.pipe(fileStream);
  const head: NodeJS.WritableStream = gzip ?? fileStream;
  let failure: Error | null = null;
  const onError = (err: Error) => {
    failure ??= err;
  };
  fileStream.on('error', onError);
  gzip?.on('error', onError);
  let buffer: string[] = [];
  let size = 0;
  const flush = async () => {
    if (failure) throw failure;
    if (buffer.length === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    size = 0;
    if (!head.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          head.off('drain', done);
          fileStream.off('error', fail);
          resolve();
        };
        const fail = (err: Error) => {
          head.off('drain', done);
          reject(err);
        };
        head.once('drain', done);
        fileStream.once('error', fail);
      });
    }
  };
  return {
    async write(s: string) {
      buffer.push(s);
      size += s.length;
      if (size >= 1 << 20) await flush();
    },
    async close() {
      await flush();
      head.end();
      await finished(fileStream);
      if (failure) throw failure;
    },
  };
}

/** The truth as the labelled format's `labels` (the keys `affectlens validate` scores). */
export function truthLabels(t: SynthTruth): Record<string, unknown> {
  return {
    affective: t.categories.length > 0,
    categories: t.categories,
    category: t.categories[0] ?? 'none',
    content_creation: t.contentCreation,
    pushback: t.pushback,
    pushback_reason: t.pushbackReason,
    sentiment: t.sentiment,
    topic: t.topic,
    concern: TOPICS_BY_ID.get(t.topic)?.label ?? '',
    language: t.language,
    referral: t.support.referral,
    crisis: t.support.crisis,
    crisis_kind: t.support.crisisKind,
    stance: t.support.stance,
    validates_harmful: t.support.validatesHarmful,
  };
}

type Serialiser = (rec: SynthRecord) => { id: string; value: unknown };

const MESSAGE_GAP_S = 45;

function messageTime(createdAt: string, k: number): Date {
  return new Date(Date.parse(createdAt) + k * MESSAGE_GAP_S * 1000);
}

/** A stable RFC-4122-shaped id (name-based, version 5 layout) for formats that use UUIDs. */
export function uuidFor(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  const variant = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Metadata fields other than the language (a planted segment field), as top-level record fields. */
function extraFields(rec: SynthRecord): Record<string, unknown> {
  const { language: _language, ...rest } = rec.conversation.metadata;
  return rest;
}

function roleMessages(messages: readonly Message[]): { role: string; content: string }[] {
  return messages.map((m) => ({ role: m.role, content: m.content }));
}

function titleOf(rec: SynthRecord): string {
  const label = TOPICS_BY_ID.get(rec.truth.topic)?.label ?? 'Conversation';
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const SERIALISERS: Readonly<Record<SynthFormat, Serialiser>> = {
  openai: (rec) => {
    const c = rec.conversation;
    return {
      id: c.id,
      value: {
        id: c.id,
        user: c.userId,
        created_at: c.createdAt,
        ...extraFields(rec),
        messages: roleMessages(c.messages),
      },
    };
  },
  sharegpt: (rec) => {
    const c = rec.conversation;
    return {
      id: c.id,
      value: {
        id: c.id,
        conversations: c.messages.map((m) => ({
          from: m.role === 'user' ? 'human' : 'gpt',
          value: m.content,
        })),
      },
    };
  },
  wildchat: (rec) => {
    const c = rec.conversation;
    const hash = createHash('md5').update(c.id).digest('hex');
    const start = Date.parse(c.createdAt ?? '');
    return {
      id: hash,
      value: {
        conversation_hash: hash,
        hashed_ip: createHash('sha256')
          .update(c.userId ?? '')
          .digest('hex'),
        timestamp: c.createdAt,
        language: rec.truth.language === 'zh' ? 'Chinese' : 'English',
        turn: rec.truth.sentiment.length,
        model: typeof c.metadata.model === 'string' ? c.metadata.model : 'synthetic-assistant',
        toxic: false,
        redacted: false,
        conversation: c.messages.map((m, k) => ({
          role: m.role,
          content: m.content,
          timestamp: new Date(start + k * MESSAGE_GAP_S * 1000).toISOString(),
        })),
      },
    };
  },
  claude: (rec) => {
    const c = rec.conversation;
    const uuid = uuidFor(c.id);
    const created = c.createdAt ?? '';
    const last = messageTime(created, Math.max(0, c.messages.length - 1)).toISOString();
    return {
      id: uuid,
      value: {
        uuid,
        name: titleOf(rec),
        created_at: created,
        updated_at: last,
        account: { uuid: uuidFor(c.userId ?? '') },
        chat_messages: c.messages.map((m, k) => {
          const at = messageTime(created, k).toISOString();
          return {
            uuid: uuidFor(`${c.id}:${k}`),
            sender: m.role === 'user' ? 'human' : 'assistant',
            text: m.content,
            content: [{ type: 'text', text: m.content }],
            created_at: at,
            updated_at: at,
          };
        }),
      },
    };
  },
  chatgpt: chatGptRecord,
  labelled: (rec) => {
    const t = rec.truth;
    const c = rec.conversation;
    return {
      id: c.id,
      value: {
        id: c.id,
        user: c.userId,
        created_at: c.createdAt,
        ...extraFields(rec),
        messages: roleMessages(c.messages),
        labels: truthLabels(t),
      },
    };
  },
};

/**
 * ChatGPT exports store a tree: a root node without a message, then one node per message. Some
 * conversations get an abandoned regenerated reply (a sibling branch off the current path), as
 * real exports do, so readers must follow `current_node` rather than take every node.
 */
function chatGptRecord(rec: SynthRecord): { id: string; value: unknown } {
  const c = rec.conversation;
  const convId = uuidFor(c.id);
  const created = c.createdAt ?? '';
  const epoch = (d: Date) => d.getTime() / 1000;
  const rootId = uuidFor(`${c.id}:root`);
  const mapping: Record<string, unknown> = {};
  const root = { id: rootId, message: null, parent: null, children: [] as string[] };
  mapping[rootId] = root;
  let parent: { id: string; children: string[] } = root;
  const branchAt = Number.parseInt(convId.slice(0, 2), 16) < 26 ? 1 : -1; // ~10 % of conversations
  c.messages.forEach((m, k) => {
    const id = uuidFor(`${c.id}:${k}`);
    const node = {
      id,
      message: {
        id,
        author: { role: m.role, name: null, metadata: {} },
        create_time: epoch(messageTime(created, k)),
        update_time: null,
        content: { content_type: 'text', parts: [m.content] },
        status: 'finished_successfully',
        end_turn: m.role === 'assistant' ? true : null,
        weight: 1,
        metadata: {},
        recipient: 'all',
      },
      parent: parent.id,
      children: [] as string[],
    };
    if (k === branchAt && m.role === 'assistant') {
      const deadId = uuidFor(`${c.id}:${k}:regenerated`);
      mapping[deadId] = {
        id: deadId,
        message: { ...node.message, id: deadId, content: { content_type: 'text', parts: ['(draft reply)'] } },
        parent: parent.id,
        children: [],
      };
      parent.children.push(deadId);
    }
    mapping[id] = node;
    parent.children.push(id);
    parent = node;
  });
  const createTime = epoch(new Date(created));
  return {
    id: convId,
    value: {
      title: titleOf(rec),
      create_time: createTime,
      update_time: epoch(messageTime(created, Math.max(0, c.messages.length - 1))),
      mapping,
      moderation_results: [],
      current_node: parent.id,
      conversation_id: convId,
      id: convId,
      default_model_slug: 'synthetic-assistant',
    },
  };
}
