/**
 * One section of the report: its part of report.html, its chart and its CSV tables, in one file under
 * report/sections/. The page, the chart renderer and the CSV writer only loop over the sections listed
 * in pageSections.ts, so a new figure is one new section file plus its line there.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartLayout } from './charts.js';
import type { Html } from './escape.js';
import type { Report } from './reportSchema.js';

export interface ReportSection {
  /** Anchor id in report.html. */
  id: string;
  /** Label in the page's table of contents; absent = not listed there. */
  nav?: string;
  /**
   * The section's chart as a Vega-Lite spec, rendered to inline SVG at build time in both layouts
   * (wide for screens and print, narrow for phones: report.html switches by CSS alone).
   */
  chart?: { id: string; spec: (r: Report, layout: ChartLayout) => TopLevelSpec };
  /** The section's HTML; `svg` is its rendered chart, both layouts ('' when it has none). */
  html: (r: Report, svg: string) => Html | string;
  /** CSV tables this section writes: file name → table. */
  csv?: Record<string, (r: Report) => string>;
}
