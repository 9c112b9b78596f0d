/**
 * One conversation's decision with its evidence (`affectlens explain LOGS --id ID`), for an analyst
 * checking a row of the decisions export or a surprising figure. The conversation is found in the
 * logs by id; an engine whose answers are stored (LLM engines) answers from the run store when it
 * can, so explaining a decision does not pay for it again, and stores what it had to ask; the
 * offline engine recomputes.
 */
import type { ReadOptions } from '../conversation/formats.js';
import type { Conversation } from '../conversation/model.js';
import { InputError } from '../conversation/quarantine.js';
import { readConversations } from '../conversation/read.js';
import type { Evidence, FacetEngine } from '../facets/engine.js';
import type { Facets } from '../facets/schema.js';
import { sentimentChangeOf } from '../facets/sentimentChange.js';
import type { Usage } from '../llm/usage.js';
import { storeFor } from '../store/paths.js';
import { extractFacetsWithStore, openResultStore } from './extract.js';

export interface ExplainOptions {
  inputs: string[];
  /** The conversation id, as the logs (or the decisions export) give it. */
  id: string;
  read?: ReadOptions;
  /** Run store to read answers from (default: as `analyze` chooses it for this engine). */
  storeDir?: string;
}

export interface Explanation {
  conversation: Pick<Conversation, 'id' | 'userId' | 'source'> & { messages: number };
  facets: Facets;
  /** mean(last 3) − mean(first 3) sentiment, or null under 6 user messages. */
  sentimentChange: number | null;
  engine: Pick<FacetEngine, 'name' | 'model' | 'promptVersion'>;
  evidence?: Evidence;
  /** Where the answer came from: the run store (no new work, nothing paid) or the engine, now. */
  answeredFrom: 'store' | 'engine';
  /** The run store consulted, if any. */
  store?: string;
  usage: Usage;
}

/** Finds the first conversation with `options.id` in the logs and explains the engine's decision on it. */
export async function explainConversation(
  options: ExplainOptions,
  deps: { engine: FacetEngine },
): Promise<Explanation> {
  const { engine } = deps;
  const conversation = await findConversation(options);
  const paths = storeFor(engine, options.storeDir);
  const store = paths ? openResultStore(paths.results) : null;
  try {
    const outcome = await extractFacetsWithStore([conversation], engine, store);
    const result = outcome.results[0];
    return {
      conversation: {
        id: conversation.id,
        userId: conversation.userId,
        source: conversation.source,
        messages: conversation.messages.length,
      },
      facets: result.facets,
      sentimentChange: sentimentChangeOf(result.facets.sentiment),
      engine: { name: engine.name, model: engine.model, promptVersion: engine.promptVersion },
      evidence: engine.evidence?.(conversation, result.facets),
      answeredFrom: outcome.reused > 0 ? 'store' : 'engine',
      store: paths?.results,
      usage: result.usage,
    };
  } finally {
    store?.close();
  }
}

async function findConversation(options: ExplainOptions): Promise<Conversation> {
  for await (const item of readConversations(options.inputs, options.read)) {
    if (item.kind === 'conversation' && item.conversation.id === options.id) return item.conversation;
  }
  throw new InputError(
    `${options.inputs.join(', ')}: no conversation with id ${JSON.stringify(options.id)} (a quarantined record has no decision)`,
  );
}
