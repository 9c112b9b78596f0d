/**
 * The local provider: a GGUF model file run in-process by node-llama-cpp (an optional dependency,
 * imported only when this engine is chosen), with the output constrained by a grammar built from
 * the answer's JSON Schema. Nothing is downloaded: the user names a file they already have.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import {
  InvalidAnswerError,
  type JsonRequest,
  type JsonResponse,
  type LlmClient,
  LlmConfigError,
} from '../client.js';

/** The slice of node-llama-cpp this file uses (so tests can inject a stand-in importer). */
export type LlamaModule = typeof import('node-llama-cpp');
export type LlamaImporter = () => Promise<LlamaModule>;

export interface LocalClientOptions {
  /** Path to a .gguf file. */
  modelPath: string;
  /** Context window in tokens (default: what fits, up to the model's own). */
  contextSize?: number;
  /** CPU threads (default: llama.cpp's choice). Fewer is faster on a machine busy with other work. */
  threads?: number;
  importer?: LlamaImporter;
}

const defaultImporter: LlamaImporter = () => import('node-llama-cpp');

/** Checks the file before loading anything heavy: present, and a GGUF file by its magic bytes. */
export function checkGgufFile(path: string | undefined): void {
  if (!path)
    throw new LlmConfigError(
      'the local engine needs --model path/to/model.gguf (a GGUF file on this machine)',
    );
  if (!existsSync(path) || !statSync(path).isFile())
    throw new LlmConfigError(
      `model file ${path} not found; pass --model with the path of a GGUF file you have downloaded`,
    );
  const fd = openSync(path, 'r');
  const magic = Buffer.alloc(4);
  try {
    readSync(fd, magic, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (magic.toString('latin1') !== 'GGUF')
    throw new LlmConfigError(
      `${path} is not a GGUF model file (it does not start with "GGUF"); use a .gguf model from llama.cpp`,
    );
}

/** JSON Schema as the answer schemas write it → the subset node-llama-cpp's grammar accepts. */
export function toGrammarSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toGrammarSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as Record<string, unknown>;
  // {type: 'string', enum} would be read as any string; the grammar wants the enum alone.
  if (Array.isArray(s.enum)) return { enum: s.enum };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === '$schema') continue;
    if (k === 'anyOf') out.oneOf = toGrammarSchema(v);
    else if (k === 'properties' && v && typeof v === 'object')
      out.properties = Object.fromEntries(Object.entries(v).map(([pk, pv]) => [pk, toGrammarSchema(pv)]));
    else out[k] = toGrammarSchema(v);
  }
  return out;
}

export async function createLocalClient(opts: LocalClientOptions): Promise<LlmClient> {
  checkGgufFile(opts.modelPath);
  let mod: LlamaModule;
  try {
    mod = await (opts.importer ?? defaultImporter)();
  } catch {
    throw new LlmConfigError(
      'the local engine needs the optional package node-llama-cpp 3; install it with `npm install node-llama-cpp@3`',
    );
  }
  const llama = await mod.getLlama();
  let model: Awaited<ReturnType<typeof llama.loadModel>>;
  try {
    model = await llama.loadModel({ modelPath: opts.modelPath });
  } catch (err) {
    if (err instanceof mod.InsufficientMemoryError || /memory/i.test((err as Error).message))
      throw new LlmConfigError(
        `${opts.modelPath} is too big for this machine's memory; use a smaller model or a smaller quantisation (e.g. Q4_K_M)`,
      );
    throw new LlmConfigError(`could not load ${opts.modelPath}: ${(err as Error).message.split('\n')[0]}`);
  }
  const context = await model.createContext({
    ...(opts.contextSize ? { contextSize: opts.contextSize } : {}),
    ...(opts.threads ? { threads: opts.threads } : {}),
  });
  const sequence = context.getSequence();
  const grammars = new Map<string, Awaited<ReturnType<typeof llama.createGrammarForJsonSchema>>>();
  // One sequence: calls run one at a time (the engine also sets concurrency 1 for local).
  let queue: Promise<unknown> = Promise.resolve();

  async function answer(req: JsonRequest): Promise<JsonResponse> {
    let grammar = grammars.get(req.schemaName);
    if (!grammar) {
      grammar = await llama.createGrammarForJsonSchema(toGrammarSchema(req.jsonSchema) as never);
      grammars.set(req.schemaName, grammar);
    }
    sequence.clearHistory();
    const session = new mod.LlamaChatSession({ contextSequence: sequence, systemPrompt: req.system });
    try {
      const text = await session.prompt(req.user, {
        grammar,
        maxTokens: req.maxOutputTokens,
        temperature: 0,
      });
      const usage = {
        inputTokens: model.tokenize(`${req.system}\n${req.user}`).length,
        outputTokens: model.tokenize(text).length,
      };
      try {
        return { value: grammar.parse(text), usage };
      } catch {
        throw new InvalidAnswerError('answer is not JSON (cut off at the output limit?)', usage);
      }
    } finally {
      session.dispose({ disposeSequence: false });
    }
  }

  return {
    provider: 'local',
    model: basename(opts.modelPath),
    completeJson(req) {
      const run = queue.then(() => answer(req));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    },
  };
}
