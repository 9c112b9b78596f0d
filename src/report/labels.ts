/** Human labels and the fixed colour of each category, shared by the charts, tables and HTML. */
import { CATEGORIES, type Category } from '../facets/schema.js';
import { EN } from './i18n/reportEn.js';
import { msg } from './i18n/reportLanguage.js';

/** The English labels (the message catalogue's, src/report/i18n/reportEn.ts); pages use groupLabel(). */
export const CATEGORY_LABELS: Record<Category, string> = EN.categories as Record<Category, string>;

/** Okabe–Ito derived: distinguishable with the common colour-vision deficiencies and in greyscale print. */
export const CATEGORY_COLOURS: Record<Category, string> = {
  interpersonal_advice: '#0072B2',
  coaching: '#E69F00',
  counseling: '#009E73',
  companionship: '#CC79A7',
  romantic_roleplay: '#D55E00',
};

export const ALL_AFFECTIVE_LABEL = EN.allAffective;
export const ALL_AFFECTIVE_COLOUR = '#44475a';

export const REASON_LABELS: Record<string, string> = EN.reasons;

/** The dependency cues (src/facets/dependencyCues.ts), in words. */
export const CUE_LABELS: Record<string, string> = EN.cues;

/** The headline series of the over-time and segment figures, in words. */
export function seriesLabel(series: string): string {
  if (series.startsWith('category:')) return groupLabel(series.slice('category:'.length));
  return msg().series[series] ?? series;
}

/** A transition state of the drift table, in words. */
export function stateLabel(state: string): string {
  return state === 'none' ? msg().notAffective : groupLabel(state);
}

export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

export function groupLabel(group: string): string {
  if (group === 'all_affective') return msg().allAffective;
  return msg().categories[group] ?? group;
}

export function groupColour(group: string): string {
  if (group === 'all_affective') return ALL_AFFECTIVE_COLOUR;
  return (CATEGORY_COLOURS as Record<string, string>)[group] ?? '#777777';
}

/** The category legend in the language of the page being rendered. */
export function categoryLegend(): { label: string; colour: string }[] {
  return CATEGORIES.map((c) => ({ label: groupLabel(c), colour: CATEGORY_COLOURS[c] }));
}

/** A pushback reason, in words. */
export function reasonLabel(reason: string): string {
  return msg().reasons[reason] ?? reason;
}

/** A dependency cue, in words. */
export function cueLabel(cue: string): string {
  return msg().cues[cue] ?? cue;
}
