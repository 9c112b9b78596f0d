/**
 * The report's language: one message catalogue per language (reportEn.ts, reportZh.ts; the key set is
 * the English catalogue's type) and the one in force while a page is rendered. The language is held in
 * an AsyncLocalStorage for the duration of renderHtml, so every section, label and chart of that page
 * reads it without each helper taking a parameter, and two pages rendered at once in two languages
 * never see each other's.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { EN, type ReportMessages } from './reportEn.js';
import { ZH } from './reportZh.js';

export type { ReportMessages } from './reportEn.js';

export const REPORT_LANGUAGES = ['en', 'zh'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

const CATALOGUES: Record<ReportLanguage, ReportMessages> = { en: EN, zh: ZH };

const current = new AsyncLocalStorage<ReportMessages>();

export function isReportLanguage(x: string): x is ReportLanguage {
  return (REPORT_LANGUAGES as readonly string[]).includes(x);
}

/** Runs `fn` (and everything it awaits) with the report in `lang`. */
export function withReportLanguage<T>(lang: ReportLanguage, fn: () => T): T {
  return current.run(CATALOGUES[lang], fn);
}

/** The messages of the page being rendered (English outside withReportLanguage). */
export function msg(): ReportMessages {
  return current.getStore() ?? EN;
}

export function catalogue(lang: ReportLanguage): ReportMessages {
  return CATALOGUES[lang];
}
