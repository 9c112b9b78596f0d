/**
 * The offline engine spread over worker threads. Facet extraction is CPU-bound and the rules are
 * pure, so a batch is split across workers while the main thread goes on reading input; the answers
 * are identical to the single-thread engine's, in the same order.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Conversation } from '../../conversation/model.js';
import type { FacetEngine, FacetResult } from '../engine.js';
import { createOfflineEngine } from './offlineEngine.js';
import type { WorkRequest } from './worker.js';

export function createOfflineEnginePool(workers: number): FacetEngine {
  const base = createOfflineEngine();
  const file = workerFile();
  const pool = Array.from({ length: workers }, () => startWorker(file));
  let nextId = 0;
  let turn = 0;

  function run(slot: PooledWorker, conversations: readonly Conversation[]): Promise<FacetResult[]> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      slot.worker.ref();
      // Only the messages cross the thread boundary: ids, sources and metadata are not needed.
      const req: WorkRequest = { id, conversations: conversations.map((c) => ({ messages: c.messages })) };
      slot.worker.postMessage(req);
    });
  }

  return {
    ...base,
    // Not an async function: the conversations are copied to the workers by postMessage, and no
    // suspended frame keeps them alive until the answers come back.
    extractFacets(conversations) {
      if (conversations.length === 0) return Promise.resolve([]);
      const per = Math.ceil(conversations.length / pool.length);
      const parts: Promise<FacetResult[]>[] = [];
      for (let i = 0; i < conversations.length; i += per) {
        parts.push(run(pool[turn++ % pool.length], conversations.slice(i, i + per)));
      }
      return Promise.all(parts).then((answers) => answers.flat());
    },
    async close() {
      await Promise.all(pool.map((p) => p.worker.terminate()));
    },
  };
}

interface PooledWorker {
  worker: Worker;
  waiting: Map<number, { resolve: (r: FacetResult[]) => void; reject: (e: Error) => void }>;
}

function startWorker(file: URL): PooledWorker {
  const worker = new Worker(file);
  const slot: PooledWorker = { worker, waiting: new Map() };
  worker.on('message', (msg: { id: number; results: FacetResult[] }) => {
    slot.waiting.get(msg.id)?.resolve(msg.results);
    slot.waiting.delete(msg.id);
    if (slot.waiting.size === 0) worker.unref();
  });
  worker.on('error', (err) => {
    for (const w of slot.waiting.values()) w.reject(err);
    slot.waiting.clear();
    worker.unref();
  });
  // An idle pool must not keep the process alive; a busy one must (see run()).
  worker.unref();
  return slot;
}

/** The compiled worker; when running from TypeScript sources (tests), the built one in dist/. */
function workerFile(): URL {
  const beside = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(beside))) return beside;
  const built = new URL('../../../dist/facets/offline/worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error('offline worker pool: dist/facets/offline/worker.js not found (run npm run build)');
}
