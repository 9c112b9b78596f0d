/**
 * `npm run eval reconstruction`: Clio's reconstruction metric on the synthetic corpus, whose
 * conversations carry a known topic. Per affective category (grouped by the true categories, so
 * the clustering is judged apart from the classifier): embed the concerns, build the base clusters
 * exactly as the topic stage does, map each cluster to its majority true topic, and report the
 * share of conversations whose cluster maps to their own topic. Clio reported 94 %.
 *
 * Three concern sources, so the figure can be read:
 *   engine — the offline engine's `concern` facet (what a real run clusters);
 *   label  — the true topic's label (a perfect summariser: the upper bound of the clustering);
 *   opener — the user's first message, raw (what clustering without a summary step would see).
 */

import { clusterTexts, hierarchyOptions } from '../cluster/clusterTopics.js';
import { createOfflineClusterDeps } from '../cluster/offlineDeps.js';
import { offlineFacets } from '../facets/offline/facets.js';
import { CATEGORIES, type Category } from '../facets/schema.js';
import type { MemberCluster } from '../privacy/clusterSuppression.js';
import { DEFAULT_THRESHOLDS } from '../privacy/thresholds.js';
import { generateConversations } from '../synth/generate.js';
import { TOPICS_BY_ID } from '../synth/topicTree.js';
import type { EvalSection } from './evalSection.js';

const N = 8_000;
const SEED = 1;

type Source = 'engine' | 'label' | 'opener';
const SOURCES: Source[] = ['engine', 'label', 'opener'];

interface Row {
  topic: string;
  texts: Record<Source, string>;
}

export interface ReconstructionScore {
  conversations: number;
  topics: number;
  clusters: number;
  /** Share of conversations whose cluster's majority topic is their own topic. */
  accuracy: number;
}

/** The metric itself: `clusterOf[i]` and `topicOf[i]` for each conversation i. */
export function reconstructionAccuracy(clusterOf: readonly number[], topicOf: readonly string[]): number {
  if (clusterOf.length === 0) return Number.NaN;
  const counts = new Map<number, Map<string, number>>();
  clusterOf.forEach((c, i) => {
    let m = counts.get(c);
    if (!m) {
      m = new Map();
      counts.set(c, m);
    }
    m.set(topicOf[i], (m.get(topicOf[i]) ?? 0) + 1);
  });
  const majority = new Map<number, string>();
  for (const [c, m] of counts) {
    let best = '';
    let n = -1;
    for (const [t, k] of m) if (k > n || (k === n && t < best)) [best, n] = [t, k];
    majority.set(c, best);
  }
  let ok = 0;
  clusterOf.forEach((c, i) => {
    if (majority.get(c) === topicOf[i]) ok++;
  });
  return ok / clusterOf.length;
}

async function score(group: string, rows: Row[], source: Source): Promise<ReconstructionScore> {
  const deps = createOfflineClusterDeps(SEED);
  const texts = rows.map((r) => r.texts[source].trim() || '(empty)');
  const roots = await clusterTexts(
    deps.embedder,
    texts,
    rows.map((_, i) => i),
    hierarchyOptions(group, SEED, { thresholds: DEFAULT_THRESHOLDS }),
  );
  const clusterOf = new Array<number>(rows.length);
  let leafCount = 0;
  const walk = (c: MemberCluster) => {
    if (c.children.length === 0) {
      for (const i of c.members) clusterOf[i] = leafCount;
      leafCount++;
    } else c.children.forEach(walk);
  };
  roots.forEach(walk);
  const topicOf = rows.map((r) => r.topic);
  return {
    conversations: rows.length,
    topics: new Set(topicOf).size,
    clusters: leafCount,
    accuracy: reconstructionAccuracy(clusterOf, topicOf),
  };
}

export const reconstructionSection: EvalSection = {
  name: 'reconstruction',
  description: `Clio reconstruction metric on ${N.toLocaleString('en-US')} synthetic conversations (seed ${SEED}), offline deps`,
  async run() {
    const groups = new Map<Category, Row[]>();
    for (const { conversation, truth } of generateConversations({
      n: N,
      seed: SEED,
      affectiveShare: 0.9,
      contentCreationShare: 0.05,
    })) {
      if (truth.categories.length === 0 || truth.language !== 'en') continue;
      const facets = offlineFacets(conversation);
      const opener = conversation.messages.find((m) => m.role === 'user')?.content ?? '';
      const row: Row = {
        topic: truth.topic,
        texts: { engine: facets.concern, label: TOPICS_BY_ID.get(truth.topic)?.label ?? truth.topic, opener },
      };
      for (const c of truth.categories) {
        const list = groups.get(c) ?? [];
        list.push(row);
        groups.set(c, list);
      }
    }
    const lines = [
      `${'category'.padEnd(22)} ${'conv'.padStart(6)} ${'topics'.padStart(6)} ${'clusters'.padStart(8)}   ${SOURCES.map((s) => s.padStart(7)).join(' ')}`,
    ];
    const totals: Record<Source, { ok: number; n: number }> = {
      engine: { ok: 0, n: 0 },
      label: { ok: 0, n: 0 },
      opener: { ok: 0, n: 0 },
    };
    for (const c of CATEGORIES) {
      const rows = groups.get(c) ?? [];
      if (rows.length === 0) {
        lines.push(`${c.padEnd(22)} ${'0'.padStart(6)}   (no conversations)`);
        continue;
      }
      const scores = await Promise.all(SOURCES.map((s) => score(c, rows, s)));
      scores.forEach((sc, j) => {
        totals[SOURCES[j]].ok += sc.accuracy * sc.conversations;
        totals[SOURCES[j]].n += sc.conversations;
      });
      lines.push(
        `${c.padEnd(22)} ${String(rows.length).padStart(6)} ${String(scores[0].topics).padStart(6)} ${scores
          .map((s) => String(s.clusters))
          .join('/')
          .padStart(8)}   ${scores.map((s) => pct(s.accuracy).padStart(7)).join(' ')}`,
      );
    }
    lines.push(
      `${'all (weighted)'.padEnd(22)} ${String(totals.engine.n).padStart(6)} ${''.padStart(6)} ${''.padStart(8)}   ${SOURCES.map((s) => pct(totals[s].ok / totals[s].n).padStart(7)).join(' ')}`,
    );
    lines.push(
      'share of conversations whose base cluster maps (by majority) to their true topic; Clio: 94 %.',
      'engine = offline concern facet; label = true topic label (upper bound); opener = first user message, raw.',
      'clusters = base clusters per source (engine/label/opener), k by the stage rule (n / 30, default thresholds).',
    );
    return lines.join('\n');
  },
};

function pct(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : 'n/a';
}
