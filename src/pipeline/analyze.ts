/**
 * One run, end to end: read → extract facets (through the run store) → cluster + privacy gates →
 * analyse → report. Each stage is its own module; this file only wires them and keeps the counts
 * that must reconcile (read = analysed + excluded + quarantined).
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AnalysisAccumulator, type TopicCandidate } from '../analysis/accumulate.js';
import { type ClusterDeps, clusterTopics, type TopicItem } from '../cluster/topics.js';
import { emptyGateCounts, type PrivacyGateCounts, type TopicTree } from '../cluster/types.js';
import type { FormatName, ReadOptions } from '../conversation/formats.js';
import type { Conversation } from '../conversation/model.js';
import { expandInputs, readConversationBatches } from '../conversation/read.js';
import type { Deps, FacetEngine } from '../facets/engine.js';
import { CATEGORIES, type Category, type Usage } from '../facets/schema.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../privacy/thresholds.js';
import { buildReport } from '../report/build.js';
import type { Provenance } from '../report/types.js';
import { writeReport } from '../report/write.js';
import { RunStore } from '../store/runStore.js';
import { createRng, deriveSeed } from '../util/random.js';
import { VERSION } from '../version.js';
import { clusterDepsFor } from './clusterDeps.js';
import { type ExtractOutcome, extractFacetsWithStore } from './extract.js';
import { QuarantineLog } from './quarantineLog.js';
import { shippedValidation } from './validation.js';

/** Conversations with at least this many human messages form the "very long" group. */
export { LONG_CONVERSATION_MIN_HUMAN_MESSAGES } from '../analysis/long.js';

export interface AnalyzeOptions {
  inputs: string[];
  outDir: string;
  read?: ReadOptions;
  /** Analyse only the first N valid conversations (the rest are counted as excluded). */
  limit?: number;
  /** Analyse a seeded uniform sample of N valid conversations (reservoir sampling). */
  sample?: number;
  seed: number;
  thresholds?: Thresholds;
  /** Conversations per engine call batch. */
  batchSize?: number;
  /** Batches handed to the engine before waiting for the oldest (default 2); a kill loses at most these. */
  batchesInFlight?: number;
  /**
   * Folder of the run store (per-conversation results, embeddings, batch state): kept OUT of the
   * report folder, because its contents are sensitive. Default: none for the offline engine (it
   * recomputes faster than it could read back), `.affectlens/store` for LLM engines.
   */
  storeDir?: string;
  /** Delete the run store's results after the report is written. */
  purgeStore?: boolean;
  /** OpenAI-compatible embeddings endpoint for the topic stage (offline embeddings otherwise). */
  embeddings?: { baseUrl: string; model: string };
  /** Cost of the token usage, when the engine has a price (LLM engines). */
  costOf?: (usage: Usage) => number | null;
  /** The engine's validated accuracy, shown in the report's methods section. */
  validation?: Provenance['validation'];
}

export interface AnalyzeDeps extends Deps {
  engine: FacetEngine;
  /** Embedder, namer and auditor for the topic stage; offline ones by default. */
  cluster?: ClusterDeps;
  onProgress?: (p: AnalyzeProgress) => void;
}

export interface AnalyzeProgress {
  stage: 'read+facets' | 'cluster' | 'report';
  conversations: number;
  quarantined: number;
  elapsedMs: number;
  /** Input bytes consumed and in total (on disk), for the ETA. */
  bytesRead: number;
  totalBytes: number;
}

export interface AnalyzeResult {
  outDir: string;
  files: string[];
  read: number;
  analysed: number;
  excluded: number;
  quarantined: number;
  errors: number;
  reusedFromStore: number;
  usage: Usage;
}

export async function analyzeLogs(options: AnalyzeOptions, deps: AnalyzeDeps): Promise<AnalyzeResult> {
  const t0 = deps.now();
  const thresholds = options.thresholds ?? DEFAULT_THRESHOLDS;
  // Offline batches are small too: a batch waits on the main thread until it is full, and a few
  // thousand parsed conversations alive at once make every young-generation GC copy them.
  const batchSize = options.batchSize ?? (deps.engine.name === 'offline' ? 256 : 64);
  mkdirSync(options.outDir, { recursive: true });
  const files = await expandInputs(options.inputs);
  const storeDir = options.storeDir ?? defaultStoreDir(deps.engine.name);
  const storeFile = storeDir ? join(storeDir, 'results.jsonl') : null;
  const store = storeFile
    ? RunStore.open(storeFile, {
        // Offline answers are cheap to recompute: keep only keys in memory for million-row runs.
        retainWritten: deps.engine.name !== 'offline',
      })
    : null;
  const quarantine = new QuarantineLog(join(options.outDir, 'quarantine.jsonl'));
  const formats = new Map<string, FormatName>();
  // Each conversation is folded into the analyses as its facets come back; only the affective and
  // long ones are kept (for the topic stages), so memory does not grow with the other conversations.
  const analysis = new AnalysisAccumulator();
  const usage: Usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 };
  let read = 0;
  let excluded = 0;
  let reused = 0;
  let bytesRead = 0;
  // Input hashes for the provenance, computed from the bytes as they are read (not a second pass).
  const digests = new InputDigests();
  const totalBytes = files.reduce((sum, f) => sum + statSync(f).size, 0);

  const progress = (stage: AnalyzeProgress['stage']) =>
    deps.onProgress?.({
      stage,
      conversations: read - quarantine.count,
      quarantined: quarantine.count,
      elapsedMs: deps.now() - t0,
      bytesRead,
      totalBytes,
    });

  // Batches go to the engine while reading continues; results are taken back in input order.
  const maxInFlight = Math.max(1, options.batchesInFlight ?? 2);
  // In flight, only the ids are kept: the messages can be collected as soon as the engine is done
  // with them (the worker pool copies them at once), instead of surviving until the answers are in.
  const inFlight: { ids: Pick<Conversation, 'id' | 'userId'>[]; outcome: Promise<ExtractOutcome> }[] = [];
  let batch: Conversation[] = [];
  const takeOldest = async () => {
    const { ids, outcome } = inFlight.shift()!;
    const out = await outcome;
    reused += out.reused;
    out.results.forEach((r, i) => {
      addUsage(usage, r.usage);
      const conv = ids[i];
      analysis.add({
        conversationId: conv.id,
        userId: conv.userId,
        humanMessages: r.facets.humanMessages,
        facets: r.facets,
      });
    });
    progress('read+facets');
  };
  const flushBatch = async () => {
    if (batch.length > 0) {
      const outcome = extractFacetsWithStore(batch, deps.engine, store);
      // Awaited in order below; this only keeps a failure during an earlier wait from going unhandled.
      outcome.catch(() => {});
      inFlight.push({ ids: batch.map((c) => ({ id: c.id, userId: c.userId })), outcome });
      batch = [];
    }
    while (inFlight.length >= maxInFlight) await takeOldest();
  };
  const drain = async () => {
    await flushBatch();
    while (inFlight.length > 0) await takeOldest();
  };

  const sampler =
    options.sample !== undefined ? new Reservoir<Conversation>(options.sample, options.seed) : null;
  let selected = 0;
  try {
    const readOptions = {
      ...options.read,
      onRawChunk: (file: string, chunk: Buffer) => {
        bytesRead += chunk.length;
        digests.add(file, chunk);
      },
    };
    for await (const items of readConversationBatches(files, readOptions)) {
      for (const item of items) {
        read++;
        if (item.kind === 'quarantined') {
          quarantine.add(item.entry);
          continue;
        }
        const conv = item.conversation;
        if (!formats.has(conv.source.file)) formats.set(conv.source.file, item.format);
        if (options.limit !== undefined && selected >= options.limit) {
          excluded++;
          continue;
        }
        selected++;
        if (sampler) {
          if (sampler.offer(conv)) excluded++; // one conversation (new or evicted) left the sample
          continue;
        }
        batch.push(conv);
        if (batch.length >= batchSize) await flushBatch();
      }
    }
    if (sampler) {
      for (const conv of sampler.items()) {
        batch.push(conv);
        if (batch.length >= batchSize) await flushBatch();
      }
    }
    await drain();
  } finally {
    quarantine.close();
    store?.close();
  }

  progress('cluster');
  const clusterDeps =
    deps.cluster ??
    clusterDepsFor(deps.engine, {
      seed: options.seed,
      embeddings: options.embeddings,
      storeDir: storeDir ?? undefined,
    });
  const gates = emptyGateCounts();
  const topics: TopicTree[] = [];
  const reasonTopics: TopicTree[] = [];
  // Item ids are record positions: unique even when a log repeats conversation ids.
  const item = (c: TopicCandidate, text: string): TopicItem => ({
    conversationId: String(c.index),
    userId: c.userId,
    text,
  });
  const byCategory = new Map<Category, TopicCandidate[]>(CATEGORIES.map((c) => [c, []]));
  const long: TopicCandidate[] = [];
  for (const c of analysis.topicCandidates()) {
    for (const category of c.categories) byCategory.get(category)!.push(c);
    if (c.long) long.push(c);
  }
  for (const category of CATEGORIES) {
    const members = byCategory.get(category)!;
    if (members.length === 0) continue;
    const concerns = members.map((c) => item(c, c.concern));
    topics.push(await clusterGroup(category, concerns, clusterDeps, thresholds, gates));
    // Pushback reasons: the reason class with what the person brought, so clusters read as
    // "false premise: ..." rather than as topics alone.
    const reasons = members
      .filter((c) => c.pushback)
      .map((c) => item(c, `${(c.pushbackReason ?? 'policy_other').replace(/_/g, ' ')}: ${c.concern}`));
    if (reasons.length > 0) {
      reasonTopics.push(
        await clusterGroup(`pushback_reasons:${category}`, reasons, clusterDeps, thresholds, gates),
      );
    }
  }
  const longTopics =
    long.length > 0
      ? await clusterGroup(
          'long_conversations',
          long.map((c) => item(c, c.concern)),
          clusterDeps,
          thresholds,
          gates,
        )
      : null;

  progress('report');
  const report = buildReport({
    analysis,
    counts: { read, quarantined: quarantine.count, quarantineReasons: quarantine.reasons() },
    topics,
    longTopics,
    reasonTopics,
    gates,
    thresholds,
    seed: options.seed,
    provenance: {
      affectlensVersion: VERSION,
      engine: deps.engine.name,
      model: deps.engine.model,
      promptVersion: deps.engine.promptVersion,
      parameters: { ...deps.engine.parameters, limit: options.limit ?? null, sample: options.sample ?? null },
      inputs: await Promise.all(
        files.map(async (f) => ({
          // The basename only: a full path can name the person or machine that ran the export.
          file: basename(f),
          ...(await digests.of(f)),
          format: formats.get(f) ?? 'unknown',
        })),
      ),
      tokenUsage: usage,
      costUSD: options.costOf ? options.costOf(usage) : deps.engine.name === 'offline' ? 0 : null,
      gatesRun: [
        'pii-free summaries (layer 1)',
        `aggregation thresholds: ${thresholds.minUsers} users and ${thresholds.minConversations} conversations (layer 2)`,
        'group-describing cluster names (layer 3)',
        `privacy audit: ${clusterDeps.auditor.description} and PII detector (layer 4)`,
      ],
      validation: options.validation ?? shippedValidation(deps.engine),
    },
  });
  await writeReport(options.outDir, report);
  if (options.purgeStore && storeDir) {
    // Per-conversation results and the embeddings of their summaries: both sensitive.
    RunStore.open(join(storeDir, 'results.jsonl')).purge();
    rmSync(join(storeDir, 'embeddings.bin'), { force: true });
  }

  const errors = analysis.errors;
  return {
    outDir: options.outDir,
    files,
    read,
    analysed: analysis.records - errors,
    excluded: excluded + errors,
    quarantined: quarantine.count,
    errors,
    reusedFromStore: reused,
    usage,
  };
}

async function clusterGroup(
  group: string,
  items: TopicItem[],
  deps: ClusterDeps,
  thresholds: Thresholds,
  gates: PrivacyGateCounts,
): Promise<TopicTree> {
  const out = await clusterTopics(group, items, deps, { thresholds });
  for (const k of Object.keys(gates) as (keyof PrivacyGateCounts)[]) gates[k] += out.gates[k];
  return out.tree;
}

function addUsage(total: Usage, u: Usage): void {
  total.inputTokens += u.inputTokens;
  total.outputTokens += u.outputTokens;
  total.cacheReadTokens = (total.cacheReadTokens ?? 0) + (u.cacheReadTokens ?? 0);
  total.cacheWriteTokens = (total.cacheWriteTokens ?? 0) + (u.cacheWriteTokens ?? 0);
}

/** SHA-256 and size of each input, fed by the reader; a file it did not stream is hashed on its own. */
class InputDigests {
  private readonly byFile = new Map<string, { hash: Hash; bytes: number }>();

  add(file: string, chunk: Buffer): void {
    let d = this.byFile.get(file);
    if (!d) {
      d = { hash: createHash('sha256'), bytes: 0 };
      this.byFile.set(file, d);
    }
    d.hash.update(chunk);
    d.bytes += chunk.length;
  }

  async of(file: string): Promise<{ sha256: string; bytes: number }> {
    const seen = this.byFile.get(file);
    if (seen && seen.bytes === statSync(file).size)
      return { sha256: seen.hash.copy().digest('hex'), bytes: seen.bytes };
    // Parquet (read by DuckDB), or a file that was not read to the end.
    const h = createHash('sha256');
    let bytes = 0;
    for await (const chunk of createReadStream(file)) {
      h.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    return { sha256: h.digest('hex'), bytes };
  }
}

/** Seeded reservoir sampling (Algorithm R); items() returns the sample in input order. */
class Reservoir<T> {
  private readonly kept: { order: number; item: T }[] = [];
  private seen = 0;
  private readonly rng;

  constructor(
    private readonly size: number,
    seed: number,
  ) {
    this.rng = createRng(deriveSeed(seed, 'sample'));
  }

  /** Returns true when an item left the sample (the offered one or an evicted one). */
  offer(item: T): boolean {
    const order = this.seen++;
    if (this.kept.length < this.size) {
      this.kept.push({ order, item });
      return false;
    }
    const j = Math.floor(this.rng() * this.seen);
    if (j < this.size) this.kept[j] = { order, item };
    return true;
  }

  items(): T[] {
    return [...this.kept].sort((a, b) => a.order - b.order).map((k) => k.item);
  }
}

/** Where the run store lives unless --store says otherwise (see AnalyzeOptions.storeDir). */
export function defaultStoreDir(engine: string): string | null {
  return engine === 'offline' ? null : join(process.cwd(), '.affectlens', 'store');
}
