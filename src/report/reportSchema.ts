/**
 * report.json, defined once with zod. The TypeScript type, the runtime check and the published JSON
 * Schema (schema/report.schema.json, draft 2020-12) all come from this file, so they cannot drift.
 * Bump REPORT_SCHEMA_VERSION on any change: major for removals/renames, minor for additions.
 */
import { z } from 'zod';
import { STRATA } from '../estimate/cascadeSummary.js';
import { ESTIMATE_METHODS } from '../estimate/estimator.js';
import { DEPENDENCY_CUES } from '../facets/dependencyCues.js';
import { EngineAccuracySchema } from '../facets/engineAccuracy.js';
import { CATEGORIES, CRISIS_KINDS, PUSHBACK_REASONS, REFERRALS, STANCES } from '../facets/schema.js';

export const REPORT_SCHEMA_VERSION = '1.5.0';

const count = z.number().int().nonnegative();
const unit = z.number().min(0).max(1);

export const IntervalSchema = z.object({ low: z.number(), high: z.number() }).meta({
  description:
    'A 95 % interval: Wilson for raw shares and rates, a percentile bootstrap for mean changes, seeded draws for calibrated and cascade estimates.',
});

const SuppressedSchema = z
  .object({ suppressed: z.literal(true) })
  .meta({ description: 'Withheld: the group is below the privacy thresholds; no value is given.' });

export const MethodSchema = z.enum(ESTIMATE_METHODS).meta({
  description:
    "How the figure was estimated: 'raw' = counts as the engine classified them (a screening figure for the " +
    "offline engine); 'calibrated' = corrected for the offline engine's measured error rates; 'cascade' = " +
    'two-phase estimate from LLM-verified conversations (see `estimation`).',
});

export const ShareSchema = z.object({
  count: count.meta({
    description: 'Conversations with the property (an estimate, rounded, unless method is raw).',
  }),
  n: count.meta({ description: 'Denominator.' }),
  share: unit,
  interval: IntervalSchema,
  method: MethodSchema,
});

const shown = <T extends z.ZodRawShape>(shape: T) => z.object({ suppressed: z.literal(false), ...shape });
const gated = <T extends z.ZodRawShape>(shape: T) => z.union([SuppressedSchema, shown(shape)]);

const CategorySchema = z.enum(CATEGORIES);
const ReasonSchema = z.enum([...PUSHBACK_REASONS, 'unspecified']);

export interface TopicNodeShape {
  id: string;
  name: string;
  description: string;
  conversations: number;
  users: number;
  children: TopicNodeShape[];
}

export const TopicNodeSchema: z.ZodType<TopicNodeShape> = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    conversations: count,
    users: count,
    get children() {
      return z.array(TopicNodeSchema);
    },
  })
  .meta({ id: 'TopicNode' });

export const TopicTreeSchema = z.object({
  group: z.string(),
  total: count,
  topics: z.array(TopicNodeSchema),
  belowThreshold: z.object({ conversations: count }),
});

/** A topic tree as report.json holds it (what the HTML and CSV writers read). */
export type ReportTopicTree = z.infer<typeof TopicTreeSchema>;

export const FunnelSchema = z.object({
  read: count,
  quarantined: count,
  quarantineReasons: z.record(z.string(), count),
  /**
   * Conversations whose id repeats the id of one read earlier in the run (e.g. the same export read
   * twice). Each is analysed as read; the count is a warning, not an exclusion.
   */
  duplicateIds: count,
  notAnalysed: count,
  errors: count,
  excluded: count,
  analysed: count,
  insufficientInput: count,
  contentCreation: count,
  affectiveBeforeRoleplayRule: count,
  droppedByRoleplayRule: count,
  affective: count,
  roleplayMinHumanMessages: count,
});

const CategoryShareSchema = z.union([
  z.object({ category: CategorySchema, suppressed: z.literal(true) }),
  z.object({ category: CategorySchema, suppressed: z.literal(false), ...ShareSchema.shape }),
]);

const ReasonCountSchema = z.union([
  z.object({ reason: ReasonSchema, suppressed: z.literal(true) }),
  z.object({ reason: ReasonSchema, suppressed: z.literal(false), count, share: unit }),
]);

/** A group without a single conversation: shown, but it has no rate or mean. */
const emptyGroup = <G extends z.ZodType<string>>(group: G) =>
  z
    .object({ group, suppressed: z.literal(false), n: z.literal(0) })
    .meta({ description: 'The group holds no conversation: nothing to withhold, no rate or mean to give.' });

const pushbackGroup = <G extends z.ZodType<string>>(group: G) =>
  z.union([
    z.object({ group, suppressed: z.literal(true) }),
    emptyGroup(group),
    z.object({
      group,
      suppressed: z.literal(false),
      n: count,
      pushback: count,
      rate: unit,
      interval: IntervalSchema,
      method: MethodSchema,
      reasons: z.array(ReasonCountSchema),
    }),
  ]);

const sentimentGroup = <G extends z.ZodType<string>>(group: G) =>
  z.union([
    z.object({ group, suppressed: z.literal(true) }),
    emptyGroup(group),
    z.object({
      group,
      suppressed: z.literal(false),
      n: count,
      meanChange: z.number().min(-2).max(2),
      interval: IntervalSchema,
      method: MethodSchema,
      distribution: z.object({
        better: count,
        same: count,
        worse: count,
        betterShare: unit,
        sameShare: unit,
        worseShare: unit,
      }),
    }),
  ]);

const RateEstimateSchema = z.object({
  n: count,
  count,
  rate: unit,
  interval: IntervalSchema,
  method: MethodSchema,
});

const CalibrationRatesSchema = z.object({
  facet: z.string(),
  positives: count,
  negatives: count,
  tpr: unit,
  fpr: unit,
});

export const EstimationSchema = z
  .object({
    method: MethodSchema,
    summary: z.string().meta({ description: 'How the figures were estimated, in plain words.' }),
    uncorrected: z
      .array(z.object({ facet: z.string(), reason: z.string() }))
      .meta({ description: 'Facets a calibrated run left as classified, and why.' }),
    calibration: z
      .object({
        source: z.string(),
        engine: z.string(),
        facets: z.array(CalibrationRatesSchema),
        domains: z.array(z.object({ name: z.string(), facets: z.array(CalibrationRatesSchema) })).meta({
          description:
            'The same rates per kind of traffic the calibration set spans; a calibrated share draws its error rates from each in turn.',
        }),
      })
      .nullable(),
    cascade: z
      .object({
        screen: z.object({ engine: z.string(), model: z.string(), version: z.string() }),
        verifier: z.object({ engine: z.string(), model: z.string(), promptVersion: z.string() }),
        strata: z.array(
          z.object({
            name: z.enum(STRATA),
            conversations: count,
            rate: unit,
            selected: count,
            verified: count,
            failed: count,
          }),
        ),
        rateChosen: z.boolean(),
        verifiedConversations: count,
        fullRunConversations: count,
        costUSD: z.number().nonnegative().nullable(),
        fullRunCostUSD: z.number().nonnegative().nullable(),
        agreement: z.array(
          z.object({ facet: z.string(), recall: RateEstimateSchema, precision: RateEstimateSchema }),
        ),
      })
      .nullable(),
  })
  .meta({
    description: "How the report's shares and rates were estimated from the classified conversations.",
  });
/** A section that cannot be computed from this log (no user ids, no timestamps, not asked for...). */
const NotAvailableSchema = z
  .object({ available: z.literal(false), reason: z.string() })
  .meta({ description: 'Not available for this log, and why (not an error, not a zero).' });

const available = <T extends z.ZodRawShape>(shape: T) =>
  z.union([NotAvailableSchema, z.object({ available: z.literal(true), ...shape })]);

const RateSchema = {
  n: count.meta({ description: 'Conversations in the group.' }),
  count: count.meta({ description: 'Of those, with the property.' }),
  rate: unit,
  interval: IntervalSchema,
  method: MethodSchema,
};

const MeanSchema = {
  n: count,
  mean: z.number().min(-2).max(2),
  interval: IntervalSchema,
  method: MethodSchema,
};

const RatioSchema = {
  count: count.meta({ description: 'Conversations with the property.' }),
  of: count.meta({ description: 'Conversations in the group.' }),
  share: unit,
  interval: IntervalSchema.meta({
    description:
      '95 % interval that treats users as the sampled units (Wilson at the effective sample size of a cluster-robust ratio variance).',
  }),
};

const HeadlineCellShape = {
  conversations: gated({ conversations: count, users: count }),
  affective: gated(ShareSchema.shape),
  categories: z.array(
    z.union([
      z.object({ category: CategorySchema, suppressed: z.literal(true) }),
      z.object({ category: CategorySchema, suppressed: z.literal(false), ...ShareSchema.shape }),
    ]),
  ),
  pushback: gated(RateSchema),
  sentimentChange: gated(MeanSchema),
  longAffective: gated(RateSchema),
};

const SeriesSchema = z.enum([
  'affective',
  ...CATEGORIES.map((c) => `category:${c}` as const),
  'pushback',
  'sentimentChange',
  'longAffective',
]);

const DriftStateSchema = z.enum([...CATEGORIES, 'none']);
const CueSchema = z.enum(DEPENDENCY_CUES);

export const UsersSchema = available({
  method: MethodSchema,
  methodNote: z.string().nullable(),
  affectiveShare: z.object({
    minConversations: count,
    users: gated({ count }),
    buckets: z.array(
      z.union([
        z.object({ bucket: z.string(), low: unit, high: unit, suppressed: z.literal(true) }),
        z.object({
          bucket: z.string(),
          low: unit,
          high: unit,
          suppressed: z.literal(false),
          users: count,
          share: unit,
        }),
      ]),
    ),
  }),
  concentration: z.object({
    top10: gated({ users: count, conversations: count, share: unit }),
    gini: gated({ value: unit, users: count }),
    lorenz: gated({ points: z.array(z.object({ users: unit, conversations: unit })) }),
  }),
  powerUsers: z.object({
    minAffectiveConversations: count,
    minHumanMessages: count,
    group: gated({
      users: count,
      shareOfAffectiveUsers: unit,
      interval: IntervalSchema,
      conversations: count,
      shareOfAffectiveConversations: unit,
    }),
    categoryMix: z.array(
      z.object({ category: CategorySchema, powerUsers: gated(RatioSchema), everyone: gated(RatioSchema) }),
    ),
    dependency: available({
      cues: z.array(
        z.object({ cue: CueSchema, powerUsers: gated(RatioSchema), everyone: gated(RatioSchema) }),
      ),
    }),
  }),
  returning: z.union([
    NotAvailableSchema,
    z.object({ available: z.literal(true), period: z.enum(['week', 'month']), suppressed: z.literal(true) }),
    z.object({
      available: z.literal(true),
      period: z.enum(['week', 'month']),
      suppressed: z.literal(false),
      users: count,
      of: count,
      share: unit,
      interval: IntervalSchema,
    }),
  ]),
}).meta({
  description:
    'Per-user figures (only with user ids): distributions and counts over users, never a row per user; counted as classified.',
});

export const OverTimeSchema = available({
  period: z.enum(['week', 'month']),
  dated: count,
  undated: count,
  periods: z.array(z.object({ period: z.string(), start: z.string(), ...HeadlineCellShape })),
  changes: z.array(
    z.union([
      z.object({ series: SeriesSchema, available: z.literal(false) }),
      z.object({
        series: SeriesSchema,
        available: z.literal(true),
        from: z.string(),
        to: z.string(),
        fromValue: z.number(),
        toValue: z.number(),
        difference: z.number(),
        interval: IntervalSchema,
        pValue: unit,
        significant: z.boolean(),
      }),
    ]),
  ),
}).meta({
  description: 'Every headline figure per week or month, and the change from the first to the last period.',
});

export const SegmentsSchema = available({
  field: z.string(),
  segments: z.array(
    z.object({ segment: z.string(), kind: z.enum(['value', 'other', 'missing']), ...HeadlineCellShape }),
  ),
  withheld: count,
  groupedValues: count,
}).meta({ description: 'Every headline figure per value of one metadata field (analyze --segment-by).' });

export const DriftSchema = available({
  minHumanMessages: count,
  conversations: gated({ count }),
  missing: count,
  transitions: z.array(
    z.union([
      z.object({ from: DriftStateSchema, to: DriftStateSchema, suppressed: z.literal(true) }),
      z.object({
        from: DriftStateSchema,
        to: DriftStateSchema,
        suppressed: z.literal(false),
        conversations: count,
        share: unit,
      }),
    ]),
  ),
  changed: gated(RateSchema),
  intoCompanionship: gated(RateSchema),
  supportToCompanionship: gated(RateSchema),
}).meta({ description: 'Main category of the first third of a long conversation against its last third.' });

const cueGroup = <G extends z.ZodType<string>>(group: G) =>
  z.union([
    z.object({ group, suppressed: z.literal(true) }),
    z.object({
      group,
      suppressed: z.literal(false),
      n: count,
      method: MethodSchema,
      cues: z.array(
        z.union([
          z.object({ cue: CueSchema, suppressed: z.literal(true) }),
          z.object({
            cue: CueSchema,
            suppressed: z.literal(false),
            count,
            rate: unit,
            interval: IntervalSchema,
          }),
        ]),
      ),
    }),
  ]);

export const DependencySchema = available({
  rules: z.string(),
  missing: count,
  allAffective: cueGroup(z.literal('all_affective')),
  categories: z.array(cueGroup(CategorySchema)),
}).meta({ description: 'Dependency cues among affective conversations, overall and per category.' });

const supportCell = <K extends z.ZodType>(key: K) =>
  z.union([
    z.object({ key, suppressed: z.literal(true) }),
    z.object({ key, suppressed: z.literal(false), count, rate: unit, interval: IntervalSchema }),
  ]);

const supportGroup = <G extends z.ZodType, K extends z.ZodType>(group: G, key: K) =>
  z.union([
    z.object({ group, suppressed: z.literal(true) }),
    z.object({
      group,
      suppressed: z.literal(false),
      n: count.meta({ description: 'Conversations in the group with the support facets.' }),
      method: MethodSchema,
      cells: z.array(supportCell(key)),
    }),
  ]);

const SupportGroupNameSchema = z.enum(['all', 'all_affective', ...CATEGORIES]);
const supportMissing = count.meta({
  description:
    'Analysed conversations without the support facets (engine or prompt version did not decide them).',
});

export const ReferralSchema = available({
  missing: supportMissing,
  groups: z.array(
    supportGroup(SupportGroupNameSchema, z.enum(['any', ...REFERRALS.filter((r) => r !== 'none')])),
  ),
}).meta({
  description:
    'How often the assistant referred the user to help (any, and each kind), among all, affective and each category of conversations.',
});

export const CrisisSchema = available({
  missing: supportMissing,
  groups: z.array(supportGroup(SupportGroupNameSchema, z.enum(['any', ...CRISIS_KINDS, 'unspecified']))),
  response: supportGroup(z.literal('crisis'), z.enum(['referral', 'pushback', 'continued'])).meta({
    description:
      'Among conversations with a crisis signal: referral, pushback, and continued (at least 2 user messages).',
  }),
}).meta({
  description:
    'Crisis signals expressed by users (measurement, not monitoring: aggregate rates only, no conversation is listed).',
});

export const StanceSchema = available({
  missing: supportMissing,
  stance: z.array(supportGroup(SupportGroupNameSchema, z.enum(STANCES))),
  validatesHarmful: z.array(supportGroup(SupportGroupNameSchema, z.literal('validatesHarmful'))),
}).meta({
  description:
    "The assistant's stance toward what the user asserts or plans, and how often it validated a false or harmful belief or plan.",
});

export const ThresholdsSchema = z.object({ minUsers: count, minConversations: count });

export const GateCountsSchema = z
  .object({
    clustersMergedByThreshold: count,
    conversationsSuppressedByThreshold: count,
    textsDroppedByPiiDetector: count,
    textsDroppedByVocabulary: count.meta({
      description: 'Texts withheld for a word outside general English and the curated domain terms.',
    }),
    textsDroppedBySupport: count.meta({
      description:
        'Texts withheld for a domain term or number without enough genuinely different (not near-duplicate) sources.',
    }),
    textsDroppedByEcho: count.meta({
      description: 'Texts withheld for repeating a concern, or a run of its words, that too few wrote.',
    }),
    textsDroppedByAudit: count.meta({
      description:
        'Texts the privacy audit judged (after every deterministic gate passed them) and rated below 3.',
    }),
    numbersSuppressedByThreshold: count,
  })
  .meta({
    description:
      'What each gate removed; a withheld text is counted once, under the first gate that stopped it.',
  });

export const ProvenanceSchema = z.object({
  affectlensVersion: z.string(),
  engine: z.string(),
  model: z.string().nullable(),
  promptVersion: z.string(),
  parameters: z.record(z.string(), z.unknown()),
  inputs: z.array(
    z.object({
      file: z.string(),
      sha256: z.string(),
      bytes: count,
      format: z.string(),
      about: z.string().optional().meta({
        description:
          "The input's note about itself (a <file>.about.txt beside it), e.g. that a sample is synthetic.",
      }),
    }),
  ),
  tokenUsage: z.object({
    inputTokens: count,
    outputTokens: count,
    cacheReadTokens: count.optional(),
    cacheWriteTokens: count.optional(),
  }),
  costUSD: z.number().nonnegative().nullable(),
  gatesRun: z.array(z.string()),
  validation: EngineAccuracySchema.optional(),
});

export const ReportSchema = z
  .object({
    schemaVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    funnel: FunnelSchema,
    prevalence: z.object({
      n: count.meta({ description: 'All analysed conversations: the denominator of every share.' }),
      affective: ShareSchema,
      categories: z.array(CategoryShareSchema),
      screening: z
        .object({ affective: ShareSchema, categories: z.array(CategoryShareSchema) })
        .optional()
        .meta({
          description:
            "The offline engine's own counts (method raw), kept beside the report's estimates when those are calibrated or come from a cascade.",
        }),
    }),
    topics: z.array(TopicTreeSchema).meta({ description: 'One tree per category, privacy-gated.' }),
    longConversations: z.object({
      minHumanMessages: count,
      all: gated(ShareSchema.shape),
      affective: gated(ShareSchema.shape),
      topics: TopicTreeSchema.nullable(),
    }),
    pushback: z.object({
      allAffective: pushbackGroup(z.literal('all_affective')),
      categories: z.array(pushbackGroup(CategorySchema)),
      reasonTopics: z.array(TopicTreeSchema),
    }),
    sentimentChange: z.object({
      minHumanMessages: count,
      window: count,
      sameBand: z.number(),
      resamples: count,
      level: unit,
      seed: z.number().int(),
      missingSentiment: count,
      allAffective: sentimentGroup(z.literal('all_affective')),
      categories: z.array(sentimentGroup(CategorySchema)),
    }),
    perUser: z
      .object({
        users: count,
        usersWithAffective: gated({ count, share: unit }),
        concentration: gated({ topUsers: count, conversations: count, share: unit }),
      })
      .nullable(),
    overall: z
      .object({
        pushback: ShareSchema.meta({
          description: 'Pushback over all analysed conversations, affective or not.',
        }),
        companionshipOrRoleplay: gated(ShareSchema.shape).meta({
          description:
            'Conversations in companionship or romantic roleplay (counted once), as a share of all analysed conversations.',
        }),
        conversationsWithoutUserId: count.meta({
          description:
            'Analysed conversations without a user id; each counts as its own user in every threshold.',
        }),
      })
      .meta({ description: "The study's whole-log headline numbers." }),
    estimation: EstimationSchema,
    users: UsersSchema,
    overTime: OverTimeSchema,
    segments: SegmentsSchema,
    drift: DriftSchema,
    dependency: DependencySchema,
    referral: ReferralSchema,
    crisis: CrisisSchema,
    stance: StanceSchema,
    privacy: z.object({
      thresholds: ThresholdsSchema,
      gatesRun: z.array(z.string()),
      gates: GateCountsSchema,
    }),
    provenance: ProvenanceSchema,
  })
  .meta({
    title: 'affectlens report',
    description:
      'Aggregate, privacy-gated figures on affective use of an AI assistant. Every breakdown figure is either shown with its n and interval or suppressed.',
  });

export type Report = z.infer<typeof ReportSchema>;

/** The JSON Schema text committed at schema/report.schema.json (2-space JSON, trailing newline). */
export function reportJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(ReportSchema, { target: 'draft-2020-12' }), null, 2)}\n`;
}
