/**
 * A worker thread of the offline engine's pool: conversations in, facet results out. The rules are
 * pure functions, so each worker computes exactly what the main thread would.
 */
import { parentPort } from 'node:worker_threads';
import type { Conversation } from '../../conversation/model.js';
import { offlineResult } from './offlineEngine.js';

export interface WorkRequest {
  id: number;
  conversations: Pick<Conversation, 'messages'>[];
}

parentPort?.on('message', (req: WorkRequest) => {
  parentPort?.postMessage({ id: req.id, results: req.conversations.map(offlineResult) });
});
