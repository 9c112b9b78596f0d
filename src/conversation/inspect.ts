/**
 * What is in a set of logs before any analysis: formats, counts of conversations, users and
 * messages, how many human messages conversations have (the study's thresholds are 4, 6 and 50),
 * and what was quarantined and why. Counts only; no text is kept.
 */

import { planFile } from './detect.js';
import type { FormatName, ReadOptions } from './formats.js';
import { humanMessageCount } from './model.js';
import type { QuarantineEntry } from './quarantine.js';
import { expandInputs, forcedFormat, readPlannedFile } from './read.js';

export const HISTOGRAM_BUCKETS = ['1', '2', '3-5', '6-9', '10-19', '20-49', '50+'] as const;

export interface InspectFileSummary {
  file: string;
  format: FormatName;
  conversations: number;
  quarantined: number;
}

export interface InspectSummary {
  format: FormatName | 'mixed';
  files: InspectFileSummary[];
  conversations: number;
  /** Distinct user ids; a conversation without one counts as its own user. */
  users: number;
  /** Conversations that carry a user id. */
  conversationsWithUserId: number;
  messages: number;
  humanMessages: number;
  humanMessageHistogram: Record<string, number>;
  quarantined: number;
  quarantineReasons: Record<string, number>;
  /** The first quarantine entries (file, position, reason; never content), for a quick look. */
  quarantineSamples: QuarantineEntry[];
}

const SAMPLES = 20;

export function histogramBucket(humanMessages: number): (typeof HISTOGRAM_BUCKETS)[number] {
  if (humanMessages <= 1) return '1';
  if (humanMessages === 2) return '2';
  if (humanMessages <= 5) return '3-5';
  if (humanMessages <= 9) return '6-9';
  if (humanMessages <= 19) return '10-19';
  if (humanMessages <= 49) return '20-49';
  return '50+';
}

export async function inspectInputs(inputs: string[], options: ReadOptions = {}): Promise<InspectSummary> {
  const files: InspectFileSummary[] = [];
  const userIds = new Set<string>();
  const histogram: Record<string, number> = Object.fromEntries(HISTOGRAM_BUCKETS.map((b) => [b, 0]));
  const reasons: Record<string, number> = {};
  const samples: QuarantineEntry[] = [];
  let anonymous = 0;
  let messages = 0;
  let human = 0;
  for (const file of await expandInputs(inputs)) {
    const plan = await planFile(file, forcedFormat(options), options);
    let conversations = 0;
    let quarantined = 0;
    for await (const item of readPlannedFile(plan, options)) {
      if (item.kind === 'quarantined') {
        quarantined++;
        reasons[item.entry.reason] = (reasons[item.entry.reason] ?? 0) + 1;
        if (samples.length < SAMPLES) samples.push(item.entry);
        continue;
      }
      const c = item.conversation;
      conversations++;
      if (c.userId === undefined) anonymous++;
      else userIds.add(c.userId);
      const h = humanMessageCount(c);
      messages += c.messages.length;
      human += h;
      histogram[histogramBucket(h)]++;
    }
    files.push({ file, format: plan.format, conversations, quarantined });
  }
  const formats = new Set(files.map((f) => f.format));
  const conversations = files.reduce((n, f) => n + f.conversations, 0);
  return {
    format: formats.size === 1 ? files[0].format : 'mixed',
    files,
    conversations,
    users: userIds.size + anonymous,
    conversationsWithUserId: conversations - anonymous,
    messages,
    humanMessages: human,
    humanMessageHistogram: histogram,
    quarantined: files.reduce((n, f) => n + f.quarantined, 0),
    quarantineReasons: reasons,
    quarantineSamples: samples,
  };
}
