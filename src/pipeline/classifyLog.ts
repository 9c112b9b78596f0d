/**
 * The classification stage of a run: the run store, the decisions export, and either one pass of the
 * engine over every conversation (classify.ts) or the cascade (cascade.ts).
 */
import type { AnalysisRecord } from '../analysis/record.js';
import type { Conversation } from '../conversation/model.js';
import type { FacetEngine } from '../facets/engine.js';
import type { Thresholds } from '../privacy/thresholds.js';
import type { StorePaths } from '../store/paths.js';
import { classifyWithCascade } from './cascade.js';
import { type Classification, type ClassifyOnceOptions, classifyOnce } from './classify.js';
import { DecisionsExport } from './decisions.js';
import { openResultStore } from './extract.js';
import { type IngestOptions, IngestTally, QuarantineCount, selectConversations } from './ingest.js';

/**
 * A part of the selected conversations (a shard, see src/shard/): only those it includes are
 * classified, and each record is handed over with its position among ALL the selected conversations,
 * so parts can be folded back together in the order one run would have folded them.
 */
export interface ConversationSubset {
  includes(conversation: Conversation): boolean;
  onRecord(position: number, record: AnalysisRecord): void;
}

export interface ClassifyLogOptions extends Omit<ClassifyOnceOptions, 'tagOf' | 'onRecord'>, IngestOptions {
  thresholds: Thresholds;
  subset?: ConversationSubset;
  cascade?: { verifyRate?: number };
  exportDecisions?: string;
}

export interface ClassifyLogDeps {
  engine: FacetEngine;
  screen?: FacetEngine;
  storePaths: StorePaths | null;
  log: (line: string) => void;
}

/**
 * Opens the run store (answers that cost nothing to recompute are not kept in memory once written),
 * then classifies every selected conversation once, or runs the cascade; every decision also goes to
 * the decisions export when one was asked for.
 */
export async function classifyLog(
  tally: IngestTally,
  options: ClassifyLogOptions,
  deps: ClassifyLogDeps,
  onBatch: () => void,
): Promise<Classification & { invalidStored: number }> {
  const { engine, storePaths } = deps;
  const store = storePaths && openResultStore(storePaths.results, { retainWritten: engine.storesResults });
  const invalidStored = store ? store.stats.invalidResults + store.stats.skippedLines : 0;
  if (store && invalidStored > 0)
    deps.log(
      `run store ${store.file}: ${invalidStored} stored line(s) were not valid results (damaged or of another shape); those conversations are asked again`,
    );
  const decisions = options.exportDecisions
    ? new DecisionsExport(options.exportDecisions, engine)
    : undefined;
  if (options.cascade && options.subset)
    throw new Error(
      'a cascade cannot run on a part of the input (its sampling rates depend on the whole input)',
    );
  try {
    const classified = options.cascade
      ? await classifyWithCascade(
          // The first pass reads (and quarantines); later passes read the same conversations again.
          (pass) =>
            selectConversations(
              pass === 1 ? tally : new IngestTally(tally.files, new QuarantineCount()),
              options,
            ),
          screenOf(deps),
          engine,
          store,
          { ...options, verifyRate: options.cascade.verifyRate, onProgress: onBatch, decisions },
        )
      : await classifyOnce(subsetOf(selectConversations(tally, options), options.subset), engine, store, {
          ...options,
          onBatch,
          decisions,
          ...(options.subset ? subsetHooks(options.subset) : {}),
        });
    if (decisions) {
      await decisions.close();
      deps.log(
        `warning: ${decisions.file} holds per-conversation data (${decisions.rows} decisions; user ids hashed, no message text): keep it as private as the logs`,
      );
    }
    return { ...classified, invalidStored };
  } catch (err) {
    decisions?.abort();
    throw err;
  } finally {
    store?.close();
  }
}

const positions = new WeakMap<Conversation, number>();

/** The conversations `subset` includes, each remembering its position among all of them. */
async function* subsetOf(
  conversations: AsyncIterable<Conversation>,
  subset: ConversationSubset | undefined,
): AsyncGenerator<Conversation> {
  if (!subset) {
    yield* conversations;
    return;
  }
  let i = 0;
  for await (const c of conversations) {
    if (subset.includes(c)) {
      positions.set(c, i);
      yield c;
    }
    i++;
  }
}

function subsetHooks(subset: ConversationSubset) {
  return {
    tagOf: (c: Conversation) => positions.get(c)!,
    onRecord: (ref: { tag?: number }, record: AnalysisRecord) => subset.onRecord(ref.tag!, record),
    positioned: true,
  };
}

/** The offline screen a cascade needs. */
function screenOf(deps: ClassifyLogDeps): FacetEngine {
  if (!deps.screen) throw new Error('a cascade needs a screening engine (deps.screen: the offline engine)');
  return deps.screen;
}
