/**
 * The accuracy an engine vouches for, measured against labels: what the report's Methods quote.
 */
import { z } from 'zod';

export const EngineAccuracySchema = z
  .object({
    summary: z
      .string()
      .meta({ description: 'One or two plain sentences on how accurate the engine was found to be.' }),
    source: z.string().optional().meta({ description: 'What it was validated on (data set, labels, date).' }),
    metrics: z.array(
      z.object({
        facet: z.string(),
        metric: z.string().meta({ description: 'precision, recall, f1, kappa, accuracy, ...' }),
        value: z.number(),
        n: z.number().int().nonnegative().optional(),
      }),
    ),
  })
  .meta({ description: "The engine's measured accuracy against human labels, when it was validated." });

export type EngineAccuracy = z.infer<typeof EngineAccuracySchema>;
