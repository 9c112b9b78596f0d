/**
 * Bench section `readers`: how fast and in how little memory the log readers stream a 1 GB
 * OpenAI JSONL and a 500 MB ChatGPT export, against the bare minimum in the same run (read,
 * split, JSON.parse). Inputs are generated once into the bench cache (seeded, so every run reads
 * the same bytes).
 */
import { closeSync, createReadStream, existsSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { streamArray } from 'stream-json/streamers/stream-array.js';
import type { FormatName } from '../conversation/formats.js';
import { readConversations } from '../conversation/read.js';
import { jsonArrayRecords } from '../conversation/readers/jsonArray.js';
import { createRng, pick, type Rng, randInt } from '../util/random.js';
import type { BenchSection } from './benchSection.js';
import { benchCacheDir, type Measurement, measure } from './harness.js';

const MB = 2 ** 20;
/** AFFECTLENS_BENCH_READERS_SCALE=0.05 for a quick look; the figures that count use 1. */
const SCALE = Number(process.env.AFFECTLENS_BENCH_READERS_SCALE ?? 1) || 1;
const JSONL_BYTES = Math.round(1024 * SCALE) * MB;
const ARRAY_BYTES = Math.round(500 * SCALE) * MB;
const RSS_LIMIT_MB = 500;

export const readersBench: BenchSection = {
  name: 'readers',
  description: 'streaming log readers vs bare read+split+JSON.parse (1 GB JSONL, 500 MB JSON array)',
  async run(ctx) {
    const jsonl = ensureFile(`readers-openai-${JSONL_BYTES / MB}MB.jsonl`, JSONL_BYTES, writeOpenAiJsonl);
    const array = ensureFile(`readers-chatgpt-${ARRAY_BYTES / MB}MB.json`, ARRAY_BYTES, writeChatGptArray);
    ctx.note(`inputs: ${jsonl} (${sizeMB(jsonl)} MB), ${array} (${sizeMB(array)} MB)`);

    const report = (m: Measurement, mbFile: number): Measurement => {
      const withMb = { ...m, extra: { ...m.extra, MBps: mbFile / m.seconds } };
      ctx.report(withMb);
      return withMb;
    };

    const baseLines = report(
      await measure('jsonl baseline: split lines + JSON.parse', 'conv', () => bareJsonl(jsonl)),
      sizeMB(jsonl),
    );
    const readLines = report(
      await measure('jsonl readConversations (openai)', 'conv', () => viaReaders(jsonl, 'openai')),
      sizeMB(jsonl),
    );
    ctx.note(
      `jsonl: readers/baseline throughput ratio ${(readLines.perSecond / baseLines.perSecond).toFixed(3)}; ` +
        `${Math.round(sizeMB(jsonl) / readLines.seconds)} MB/s, peak RSS ${readLines.peakRssMB} MB`,
    );

    const baseArray = report(
      await measure('array baseline: element splitter + JSON.parse', 'conv', () => bareArray(array)),
      sizeMB(array),
    );
    const readArray = report(
      await measure('array readConversations (chatgpt)', 'conv', () => viaReaders(array, 'chatgpt')),
      sizeMB(array),
    );
    ctx.note(
      `array: readers/baseline throughput ratio ${(readArray.perSecond / baseArray.perSecond).toFixed(3)}; ` +
        `${Math.round(sizeMB(array) / readArray.seconds)} MB/s, peak RSS ${readArray.peakRssMB} MB`,
    );

    // stream-json (token parser + streamArray) on the first 50 MB only: it is the library way to
    // stream an array, and the reason the readers use their own splitter.
    const slice = ensureFile('readers-chatgpt-50MB.json', 50 * MB, writeChatGptArray);
    const sj = report(
      await measure('array stream-json streamArray (50 MB file)', 'conv', () => streamJsonArray(slice)),
      sizeMB(slice),
    );
    const own = report(
      await measure('array element splitter + JSON.parse (50 MB file)', 'conv', () => bareArray(slice)),
      sizeMB(slice),
    );
    ctx.note(
      `own splitter vs stream-json on the same 50 MB: ${(own.perSecond / sj.perSecond).toFixed(1)}x faster`,
    );

    const peak = Math.max(readLines.peakRssMB, readArray.peakRssMB);
    ctx.note(
      `peak RSS of the readers: ${peak} MB (limit ${RSS_LIMIT_MB} MB): ${peak < RSS_LIMIT_MB ? 'ok' : 'OVER'}`,
    );
  },
};

async function viaReaders(file: string, format: FormatName) {
  let conversations = 0;
  let quarantined = 0;
  let messages = 0;
  for await (const item of readConversations([file], { format })) {
    if (item.kind === 'conversation') {
      conversations++;
      messages += item.conversation.messages.length;
    } else quarantined++;
  }
  return { items: conversations, extra: { quarantined, messages } };
}

/** The bare baseline: stream, split lines, JSON.parse each; nothing else. */
export async function bareJsonl(file: string) {
  let n = 0;
  let rest: Buffer | undefined;
  for await (const raw of createReadStream(file, { highWaterMark: MB })) {
    const chunk: Buffer = rest ? Buffer.concat([rest, raw as Buffer]) : (raw as Buffer);
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      if (nl > start) {
        JSON.parse(chunk.toString('utf8', start, nl));
        n++;
      }
      start = nl + 1;
    }
    rest = start < chunk.length ? chunk.subarray(start) : undefined;
  }
  if (rest && rest.length > 0) {
    JSON.parse(rest.toString('utf8'));
    n++;
  }
  return { items: n };
}

async function bareArray(file: string) {
  let n = 0;
  const chunks = createReadStream(file, { highWaterMark: MB }) as AsyncIterable<Buffer>;
  for await (const batch of jsonArrayRecords(chunks, 64 * MB, file)) {
    for (const r of batch) {
      if (r.bytes) {
        JSON.parse(Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.length).toString('utf8'));
        n++;
      }
    }
  }
  return { items: n };
}

async function streamJsonArray(file: string) {
  let n = 0;
  const pipeline = createReadStream(file, { highWaterMark: MB }).pipe(streamArray.withParserAsStream());
  for await (const _ of pipeline) n++;
  return { items: n };
}

// --- input generation ---------------------------------------------------------------------

function sizeMB(file: string): number {
  return Math.round(statSync(file).size / MB);
}

/** Generates `name` in the bench cache unless a file of at least `bytes` is already there. */
function ensureFile(
  name: string,
  bytes: number,
  write: (fd: number, bytes: number, rng: Rng) => void,
): string {
  const path = join(benchCacheDir(), name);
  if (existsSync(path) && statSync(path).size >= bytes) return path;
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  try {
    write(fd, bytes, createRng(20250627));
  } finally {
    closeSync(fd);
  }
  renameSync(partial, path);
  return path;
}

const WORDS = (
  'I you we they it feel think want need help work friend family partner sister brother mother ' +
  'father job interview exam deadline sleep tired anxious happy worried excited lonely stress plan ' +
  'week weekend morning evening tonight tomorrow yesterday really maybe always never sometimes just ' +
  'about because but and or so if when how what why could should would talk call text message ' +
  'write code recipe trip budget money rent move city garden run gym doctor study learn practice ' +
  'idea question answer advice suggest try step first next then together calm honest kind time ' +
  'café naïve déjà vu — “quoted” 😊 ✨ über façade'
).split(' ');

function sentence(rng: Rng, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(pick(rng, WORDS));
  const s = out.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${pick(rng, ['.', '?', '!', '.', '.'])}`;
}

function paragraph(rng: Rng, sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(rng, 4 + randInt(rng, 16)));
  return out.join(randInt(rng, 6) === 0 ? '\n\n' : ' ');
}

/** 2-12 messages alternating user/assistant; assistants write longer. */
function turns(rng: Rng): { role: 'user' | 'assistant'; text: string }[] {
  const n = 2 + randInt(rng, 11);
  const out: { role: 'user' | 'assistant'; text: string }[] = [];
  for (let i = 0; i < n; i++) {
    const user = i % 2 === 0;
    out.push({
      role: user ? 'user' : 'assistant',
      text: paragraph(rng, user ? 1 + randInt(rng, 3) : 2 + randInt(rng, 6)),
    });
  }
  return out;
}

function writeBatches(fd: number, bytes: number, next: (i: number) => string, open = '', close = ''): void {
  let written = 0;
  let i = 0;
  if (open) written += writeSync(fd, open);
  while (written < bytes) {
    const parts: string[] = [];
    let size = 0;
    while (size < 4 * MB) {
      const s = next(i++);
      parts.push(s);
      size += s.length;
    }
    written += writeSync(fd, parts.join(''));
  }
  if (close) writeSync(fd, close);
}

function writeOpenAiJsonl(fd: number, bytes: number, rng: Rng): void {
  const t0 = 1_700_000_000;
  writeBatches(fd, bytes, (i) => {
    const messages: { role: string; content: string }[] = [];
    if (randInt(rng, 4) === 0) messages.push({ role: 'system', content: sentence(rng, 8) });
    for (const t of turns(rng)) messages.push({ role: t.role, content: t.text });
    const rec = { id: `c${i}`, user: `u${randInt(rng, 50_000)}`, created_at: t0 + i * 7, messages };
    return `${JSON.stringify(rec)}\n`;
  });
}

function writeChatGptArray(fd: number, bytes: number, rng: Rng): void {
  const t0 = 1_700_000_000.5;
  writeBatches(
    fd,
    bytes,
    (i) => {
      const id = `conv-${i}`;
      const mapping: Record<string, unknown> = {};
      const add = (nid: string, message: unknown, parent: string | null) => {
        mapping[nid] = { id: nid, message, parent, children: [] };
        if (parent) (mapping[parent] as { children: string[] }).children.push(nid);
      };
      add(`${id}-root`, null, null);
      let prev = `${id}-root`;
      let k = 0;
      for (const t of turns(rng)) {
        const nid = `${id}-${k++}`;
        add(
          nid,
          {
            id: nid,
            author: { role: t.role, name: null, metadata: {} },
            create_time: t0 + i * 7 + k,
            update_time: null,
            content: { content_type: 'text', parts: [t.text] },
            status: 'finished_successfully',
            end_turn: t.role === 'assistant',
            weight: 1,
            metadata:
              t.role === 'assistant' ? { model_slug: 'gpt-4o', finish_details: { type: 'stop' } } : {},
            recipient: 'all',
          },
          prev,
        );
        prev = nid;
      }
      const conv = {
        title: sentence(rng, 3),
        create_time: t0 + i * 7,
        update_time: t0 + i * 7 + 60,
        mapping,
        current_node: prev,
        conversation_id: id,
        id,
      };
      return `${i === 0 ? '' : ',\n'}${JSON.stringify(conv)}`;
    },
    '[',
    ']\n',
  );
}
