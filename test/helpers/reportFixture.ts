/**
 * A realistic ReportInput built from hand-made records (no other stage needed): a few hundred
 * conversations with the mix the study describes — mostly not affective, some content creation,
 * interpersonal advice and coaching most common, a little companionship and roleplay, a few errors.
 */
import type { AnalysisRecord } from '../../src/analysis/record.js';
import type { TopicNode, TopicTree } from '../../src/cluster/topicTreeTypes.js';
import type { Category, Facets, PushbackReason, SentimentValue } from '../../src/facets/schema.js';
import { emptyGateCounts } from '../../src/privacy/gateCounts.js';
import { DEFAULT_THRESHOLDS } from '../../src/privacy/thresholds.js';
import type { RecordsReportInput } from '../../src/report/reportInput.js';

export const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

export function record(
  id: string,
  opts: {
    user?: string;
    categories?: Category[];
    human?: number;
    content?: boolean;
    pushback?: PushbackReason | null | false;
    sentiment?: SentimentValue[];
    status?: Facets['status'];
  } = {},
): AnalysisRecord {
  const human = opts.human ?? opts.sentiment?.length ?? 2;
  return {
    conversationId: id,
    userId: opts.user,
    humanMessages: human,
    facets: {
      contentCreation: opts.content ?? false,
      categories: opts.categories ?? [],
      pushback: opts.pushback !== undefined && opts.pushback !== false,
      pushbackReason: opts.pushback === undefined || opts.pushback === false ? null : opts.pushback,
      sentiment: opts.sentiment ?? Array.from({ length: human }, () => 0 as SentimentValue),
      concern: '',
      language: 'en',
      humanMessages: human,
      status: opts.status ?? { kind: 'ok' },
    },
  };
}

const RISING: SentimentValue[] = [-1, -0.5, -0.5, 0, 0.5, 0.5, 0.5];
const FLAT: SentimentValue[] = [0, 0, 0.5, 0, 0, 0];
const FALLING: SentimentValue[] = [0.5, 0, 0, -0.5, -0.5, -0.5];

export function fixtureRecords(): AnalysisRecord[] {
  const out: AnalysisRecord[] = [];
  const user = (i: number) => `user-${i % 90}`;
  for (let i = 0; i < 600; i++) {
    const id = `c${String(i).padStart(4, '0')}`;
    const k = i % 20;
    if (k < 9) out.push(record(id, { user: user(i), human: 1 + (i % 5) }));
    else if (k < 11)
      out.push(
        record(id, { user: user(i), content: true, categories: i % 4 === 0 ? ['companionship'] : [] }),
      );
    else if (k < 14)
      out.push(
        record(id, {
          user: user(i),
          categories: ['interpersonal_advice'],
          sentiment: i % 3 === 0 ? RISING : i % 3 === 1 ? FLAT : FALLING,
          pushback: i % 7 === 0 ? 'false_premise' : false,
        }),
      );
    else if (k < 16)
      out.push(
        record(id, {
          user: user(i),
          categories: i % 2 === 0 ? ['coaching'] : ['coaching', 'interpersonal_advice'],
          sentiment: i % 4 === 0 ? FALLING : RISING,
          pushback: i % 5 === 0 ? 'dangerous_health' : false,
        }),
      );
    else if (k === 16)
      out.push(
        record(id, {
          user: user(i),
          categories: ['counseling'],
          sentiment: RISING,
          pushback: i % 3 === 0 ? 'safety_self_harm' : i % 3 === 1 ? 'medical_therapy_boundary' : false,
        }),
      );
    else if (k === 17)
      out.push(record(id, { user: user(i), categories: ['companionship'], human: i % 40 === 17 ? 60 : 8 }));
    else if (k === 18)
      // Short roleplay prompts: dropped by the >= 4 human messages rule unless long enough.
      out.push(
        record(id, { user: `rp-${i % 3}`, categories: ['romantic_roleplay'], human: i % 60 === 18 ? 5 : 2 }),
      );
    else
      out.push(
        record(id, {
          user: user(i),
          status: i % 40 === 19 ? { kind: 'error', reason: 'timeout' } : { kind: 'ok' },
        }),
      );
  }
  return out;
}

function node(
  id: string,
  name: string,
  conversations: number,
  users: number,
  children: TopicNode[] = [],
): TopicNode {
  return { id, name, description: `Users ask about ${name.toLowerCase()}.`, conversations, users, children };
}

export function fixtureTopics(): TopicTree[] {
  return [
    {
      group: 'interpersonal_advice',
      total: 120,
      topics: [
        node('ia-1', 'Navigating conflict with a partner', 40, 30, [
          node('ia-1-1', 'Arguments about chores and money', 18, 14),
          node('ia-1-2', 'Rebuilding trust after a breakup', 14, 11),
        ]),
        node('ia-2', 'Workplace relationships and difficult managers', 35, 28),
        node('ia-3', HOSTILE_NAME, 22, 18),
        node('ia-4', 'Family expectations and boundaries', 13, 11),
      ],
      belowThreshold: { conversations: 10 },
    },
    {
      group: 'coaching',
      total: 60,
      topics: [
        node('co-1', 'Career direction and job changes', 30, 25),
        node('co-2', 'Building study habits', 20, 16),
      ],
      belowThreshold: { conversations: 10 },
    },
    {
      group: 'counseling',
      total: 30,
      topics: [node('cn-1', 'Coping with anxiety at night', 18, 15)],
      belowThreshold: { conversations: 12 },
    },
  ];
}

export function fixtureInput(overrides: Partial<RecordsReportInput> = {}): RecordsReportInput {
  return {
    records: fixtureRecords(),
    counts: { read: 612, quarantined: 10, quarantineReasons: { 'invalid JSON': 6, 'no messages': 4 } },
    topics: fixtureTopics(),
    longTopics: null,
    reasonTopics: [
      {
        group: 'pushback_reasons:interpersonal_advice',
        total: 12,
        topics: [node('pr-1', 'Challenging an assumption about a friend', 12, 9)],
        belowThreshold: { conversations: 0 },
      },
    ],
    gates: { ...emptyGateCounts(), clustersMergedByThreshold: 3, textsDroppedByAudit: 1 },
    thresholds: DEFAULT_THRESHOLDS,
    seed: 42,
    provenance: {
      affectlensVersion: '0.1.0',
      engine: 'offline',
      model: null,
      promptVersion: 'facets-v1',
      parameters: { sample: null, strict: false },
      inputs: [{ file: 'conversations.jsonl', sha256: 'a'.repeat(64), bytes: 123456, format: 'openai' }],
      tokenUsage: { inputTokens: 0, outputTokens: 0 },
      costUSD: 0,
      gatesRun: ['pii-detector', 'thresholds', 'audit'],
    },
    ...overrides,
  };
}
