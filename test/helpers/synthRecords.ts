/**
 * Synthetic conversations as analysis records whose facets are their truth: what a perfect engine would
 * answer. The analyses' recovery tests run on these, so what they check is the figures' arithmetic and
 * intervals, not a classifier's accuracy.
 */
import type { AnalysisRecord } from '../../src/analysis/record.js';
import type { SynthRecord } from '../../src/synth/generate.js';

export function truthRecord(rec: SynthRecord, segmentBy?: string): AnalysisRecord {
  const t = rec.truth;
  const c = rec.conversation;
  const human = t.sentiment.length;
  const r: AnalysisRecord = {
    conversationId: c.id,
    userId: c.userId,
    humanMessages: human,
    facets: {
      contentCreation: t.contentCreation,
      categories: [...t.categories],
      pushback: t.pushback,
      pushbackReason: t.pushbackReason,
      sentiment: [...t.sentiment],
      concern: '',
      language: t.language,
      humanMessages: human,
      status: { kind: 'ok' },
    },
  };
  if (t.drift) r.facets.drift = t.drift;
  if (t.dependency) r.facets.dependency = t.dependency;
  if (c.createdAt) r.createdAt = c.createdAt;
  if (segmentBy !== undefined && c.metadata[segmentBy] !== undefined)
    r.segment = String(c.metadata[segmentBy]);
  return r;
}
