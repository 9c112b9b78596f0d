/**
 * Writes a tiny llama-architecture GGUF model (about 100 KB, F32, one layer) for testing the
 * local engine's happy path with the real node-llama-cpp: nothing is downloaded, the file is made
 * here. Its weights are not trained: attention and feed-forward are zero, every token embeds to the
 * same vector, so the next-token logits are a fixed preference over the vocabulary. Under the JSON
 * grammar the engine always sets, greedy decoding then writes the shortest valid answer (close each
 * string at once, one item per list), deterministically.
 *
 * Format: GGUF v3 (magic, version, tensor and key-value counts, key-values, tensor infos, padding
 * to the alignment, tensor data), as llama.cpp's gguf.cpp reads it.
 */
import { writeFileSync } from 'node:fs';

enum T {
  UINT32 = 4,
  INT32 = 5,
  FLOAT32 = 6,
  BOOL = 7,
  STRING = 8,
  ARRAY = 9,
}
const GGML_F32 = 0;
const ALIGNMENT = 32;

type Value =
  | { t: T.UINT32 | T.INT32; v: number }
  | { t: T.FLOAT32; v: number }
  | { t: T.BOOL; v: boolean }
  | { t: T.STRING; v: string }
  | { t: T.ARRAY; of: T.STRING; v: string[] }
  | { t: T.ARRAY; of: T.FLOAT32 | T.INT32; v: number[] };

class Writer {
  private readonly parts: Buffer[] = [];
  size = 0;
  private push(b: Buffer): void {
    this.parts.push(b);
    this.size += b.length;
  }
  u32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.push(b);
  }
  i32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    this.push(b);
  }
  u64(n: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.push(b);
  }
  f32(n: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(n);
    this.push(b);
  }
  str(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.push(b);
  }
  bytes(b: Buffer): void {
    this.push(b);
  }
  pad(): void {
    const rest = this.size % ALIGNMENT;
    if (rest) this.push(Buffer.alloc(ALIGNMENT - rest));
  }
  value(v: Value): void {
    this.u32(v.t);
    if (v.t === T.ARRAY) {
      this.u32(v.of);
      this.u64(v.v.length);
      for (const x of v.v) {
        if (v.of === T.STRING) this.str(x as string);
        else if (v.of === T.FLOAT32) this.f32(x as number);
        else this.i32(x as number);
      }
    } else if (v.t === T.STRING) this.str(v.v);
    else if (v.t === T.FLOAT32) this.f32(v.v);
    else if (v.t === T.BOOL) this.bytes(Buffer.from([v.v ? 1 : 0]));
    else if (v.t === T.INT32) this.i32(v.v);
    else this.u32(v.v);
  }
  buffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

/** Token types as llama.cpp numbers them. */
const NORMAL = 1;
const UNKNOWN = 2;
const CONTROL = 3;
const BYTE = 6;

/**
 * The vocabulary: <unk>, <s>, </s>, the 256 byte-fallback tokens, then "▁" (space) and every
 * printable ASCII character, so any text tokenises.
 */
function vocabulary(): { tokens: string[]; types: number[] } {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [UNKNOWN, CONTROL, CONTROL];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(BYTE);
  }
  tokens.push('\u2581');
  types.push(NORMAL);
  for (let c = 0x21; c <= 0x7e; c++) {
    tokens.push(String.fromCharCode(c));
    types.push(NORMAL);
  }
  return { tokens, types };
}

/**
 * Next-token preference: end of text, then closing a string, a list, an object; then the few
 * letters that start the shortest enum values and booleans. Everything else is far behind.
 */
function preference(token: string): number {
  const order = ['</s>', '"', ']', '}', ',', ':', '[', '{', 'f', 'n', 'e', 'a', 'l', 's', 'r', 'u', 't'];
  const i = order.indexOf(token);
  return i >= 0 ? 20 - i : 0;
}

export interface TinyGgufOptions {
  embedding?: number;
  contextLength?: number;
}

/** Writes the model to `path` and returns its vocabulary size. */
export function writeTinyGguf(path: string, options: TinyGgufOptions = {}): number {
  const nEmbd = options.embedding ?? 32;
  const nHead = 2;
  const nFf = 64;
  const { tokens, types } = vocabulary();
  const nVocab = tokens.length;

  const kv: [string, Value][] = [
    ['general.architecture', { t: T.STRING, v: 'llama' }],
    ['general.name', { t: T.STRING, v: 'affectlens-tiny-test' }],
    ['general.alignment', { t: T.UINT32, v: ALIGNMENT }],
    ['llama.context_length', { t: T.UINT32, v: options.contextLength ?? 16_384 }],
    ['llama.embedding_length', { t: T.UINT32, v: nEmbd }],
    ['llama.block_count', { t: T.UINT32, v: 1 }],
    ['llama.feed_forward_length', { t: T.UINT32, v: nFf }],
    ['llama.attention.head_count', { t: T.UINT32, v: nHead }],
    ['llama.attention.head_count_kv', { t: T.UINT32, v: nHead }],
    ['llama.rope.dimension_count', { t: T.UINT32, v: nEmbd / nHead }],
    ['llama.attention.layer_norm_rms_epsilon', { t: T.FLOAT32, v: 1e-5 }],
    ['tokenizer.ggml.model', { t: T.STRING, v: 'llama' }],
    ['tokenizer.ggml.tokens', { t: T.ARRAY, of: T.STRING, v: tokens }],
    ['tokenizer.ggml.scores', { t: T.ARRAY, of: T.FLOAT32, v: tokens.map(() => 0) }],
    ['tokenizer.ggml.token_type', { t: T.ARRAY, of: T.INT32, v: types }],
    ['tokenizer.ggml.unknown_token_id', { t: T.UINT32, v: 0 }],
    ['tokenizer.ggml.bos_token_id', { t: T.UINT32, v: 1 }],
    ['tokenizer.ggml.eos_token_id', { t: T.UINT32, v: 2 }],
    ['tokenizer.ggml.add_bos_token', { t: T.BOOL, v: true }],
    ['tokenizer.ggml.add_eos_token', { t: T.BOOL, v: false }],
  ];

  const filled = (n: number, x: number) => new Float32Array(n).fill(x);
  const output = new Float32Array(nEmbd * nVocab);
  tokens.forEach((tok, j) => {
    output.fill(preference(tok) / nEmbd, j * nEmbd, (j + 1) * nEmbd);
  });
  // ggml dimension order: ne[0] is the fastest-moving (the row length).
  const tensors: [string, number[], Float32Array][] = [
    ['token_embd.weight', [nEmbd, nVocab], filled(nEmbd * nVocab, 1)],
    ['output_norm.weight', [nEmbd], filled(nEmbd, 1)],
    ['output.weight', [nEmbd, nVocab], output],
    ['blk.0.attn_norm.weight', [nEmbd], filled(nEmbd, 1)],
    ['blk.0.attn_q.weight', [nEmbd, nEmbd], filled(nEmbd * nEmbd, 0)],
    ['blk.0.attn_k.weight', [nEmbd, nEmbd], filled(nEmbd * nEmbd, 0)],
    ['blk.0.attn_v.weight', [nEmbd, nEmbd], filled(nEmbd * nEmbd, 0)],
    ['blk.0.attn_output.weight', [nEmbd, nEmbd], filled(nEmbd * nEmbd, 0)],
    ['blk.0.ffn_norm.weight', [nEmbd], filled(nEmbd, 1)],
    ['blk.0.ffn_gate.weight', [nEmbd, nFf], filled(nEmbd * nFf, 0)],
    ['blk.0.ffn_up.weight', [nEmbd, nFf], filled(nEmbd * nFf, 0)],
    ['blk.0.ffn_down.weight', [nFf, nEmbd], filled(nEmbd * nFf, 0)],
  ];

  const w = new Writer();
  w.bytes(Buffer.from('GGUF', 'latin1'));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(kv.length);
  for (const [k, v] of kv) {
    w.str(k);
    w.value(v);
  }
  let offset = 0;
  for (const [name, dims, data] of tensors) {
    w.str(name);
    w.u32(dims.length);
    for (const d of dims) w.u64(d);
    w.u32(GGML_F32);
    w.u64(offset);
    offset += Math.ceil(data.byteLength / ALIGNMENT) * ALIGNMENT;
  }
  w.pad();
  for (const [, , data] of tensors) {
    w.bytes(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    w.pad();
  }
  writeFileSync(path, w.buffer());
  return nVocab;
}
