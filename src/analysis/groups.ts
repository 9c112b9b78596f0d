/**
 * The study's inclusion rules, applied in one place so every figure counts the same conversations,
 * and the category order every table and chart uses.
 */
import { CATEGORIES, type Category } from '../facets/schema.js';
import type { AnalysisRecord } from './record.js';

/** Romantic/sexual roleplay counts only from this many human messages on (short exchanges are mostly one-off prompts). */
export const ROLEPLAY_MIN_HUMAN_MESSAGES = 4;

/** The category order every table and chart uses. */
export const CATEGORY_ORDER: readonly Category[] = CATEGORIES;

/**
 * The categories a conversation counts in for every per-category figure: none when the facets failed
 * or the user used the assistant as a content tool; roleplay dropped below the message minimum.
 * The result keeps CATEGORIES order and has no duplicates.
 */
export function effectiveCategories(r: AnalysisRecord): Category[] {
  const f = r.facets;
  if (f.status.kind === 'error' || f.contentCreation) return [];
  const out: Category[] = [];
  for (const c of CATEGORIES) {
    if (!f.categories.includes(c)) continue;
    if (c === 'romantic_roleplay' && r.humanMessages < ROLEPLAY_MIN_HUMAN_MESSAGES) continue;
    out.push(c);
  }
  return out;
}

export function categoryMap<T>(make: (c: Category) => T): Record<Category, T> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, make(c)])) as Record<Category, T>;
}

/**
 * A breakdown group with no conversation in it: shown (it describes nobody), with no rate or mean,
 * since neither exists over zero conversations.
 */
export interface EmptyGroup {
  n: 0;
}
