/**
 * Where a calibrated run's error rates come from: the user's own labelled conversations (scored with
 * the engine of this run), or the rates the project measured for the shipped offline rules on real
 * assistant conversations (data/offline/calibration.json, written by `npm run eval`). A facet counts
 * as positive the way the report counts it: content creation is never affective, and romantic roleplay
 * counts only from the minimum number of human messages on, for the labels as for the engine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { effectiveCategories } from '../analysis/groups.js';
import { readConversations } from '../conversation/read.js';
import type { Calibration, ConfusionCounts } from '../estimate/calibrated.js';
import type { FacetEngine } from '../facets/engine.js';
import { CATEGORIES, type Facets } from '../facets/schema.js';
import { boolLabel, goldCategories, type LabelledItem } from '../facets/validate.js';
import { PACKAGE_ROOT } from '../version.js';

/** The rates shipped for the offline rules, when they were measured for this rules version. */
export function shippedCalibration(engine: Pick<FacetEngine, 'promptVersion'>): Calibration | undefined {
  const file = fileURLToPath(new URL('data/offline/calibration.json', PACKAGE_ROOT));
  if (!existsSync(file)) return undefined;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Calibration;
  return raw.engine === engine.promptVersion ? raw : undefined;
}

/** Confusion counts of `engine` on a labelled file, per facet; a clear error when it cannot calibrate. */
export async function calibrationFromLabelled(file: string, engine: FacetEngine): Promise<Calibration> {
  const items: LabelledItem[] = [];
  for await (const it of readConversations([file], { format: 'labelled' })) {
    if (it.kind === 'quarantined') continue;
    const labels = it.conversation.metadata.labels;
    items.push({
      conversation: it.conversation,
      labels: typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : {},
    });
  }
  if (items.length === 0) throw new CalibrationError(`${file}: no labelled conversations to calibrate with`);
  const results = await engine.extractFacets(items.map((i) => i.conversation));
  const counts = calibrationCounts(
    items,
    results.map((r) => r.facets),
  );
  const affective = counts.affective;
  if (!affective || affective.tp + affective.fn === 0 || affective.fp + affective.tn === 0)
    throw new CalibrationError(
      `${file}: a calibration set needs affective and non-affective conversations (labels "affective" or "categories"); ` +
        `it has ${affective ? affective.tp + affective.fn : 0} positive and ${affective ? affective.fp + affective.tn : 0} negative`,
    );
  return {
    source: `${file.split('/').pop()} (${items.length} labelled conversations)`,
    engine: engine.promptVersion,
    facets: counts,
  };
}

export class CalibrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalibrationError';
  }
}

/** Per facet ('affective', 'category:<c>', 'pushback', 'contentCreation'), how the engine fared on the labels it has. */
export function calibrationCounts(
  items: readonly LabelledItem[],
  results: readonly Facets[],
): Record<string, ConfusionCounts> {
  const counts: Record<string, ConfusionCounts> = {};
  const add = (facet: string, gold: boolean, pred: boolean) => {
    if (!counts[facet]) counts[facet] = { tp: 0, fn: 0, fp: 0, tn: 0 };
    const c = counts[facet];
    if (gold && pred) c.tp++;
    else if (gold) c.fn++;
    else if (pred) c.fp++;
    else c.tn++;
  };
  items.forEach((item, i) => {
    const facets = results[i];
    if (facets.status.kind === 'error') return;
    const humanMessages = facets.humanMessages;
    const predicted = effectiveCategories({ conversationId: '', humanMessages, facets });
    const goldContent = boolLabel(item, 'content_creation');
    const goldList = goldCategories(item);
    const goldAffective = boolLabel(item, 'affective');
    if (goldList !== undefined || goldAffective !== undefined) {
      // The labels' categories, counted by the report's rules (content creation first, roleplay minimum).
      const gold = effectiveCategories({
        conversationId: '',
        humanMessages,
        facets: { ...facets, contentCreation: goldContent ?? false, categories: goldList ?? [] },
      });
      add(
        'affective',
        goldList !== undefined ? gold.length > 0 : (goldAffective as boolean),
        predicted.length > 0,
      );
      if (goldList !== undefined)
        for (const c of CATEGORIES) add(`category:${c}`, gold.includes(c), predicted.includes(c));
    }
    const goldPushback = boolLabel(item, 'pushback');
    if (goldPushback !== undefined) add('pushback', goldPushback, facets.pushback);
    if (goldContent !== undefined) add('contentCreation', goldContent, facets.contentCreation);
  });
  return counts;
}
