/** Writes the report folder: report.json, report.html and one CSV per figure. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type HtmlOptions, renderHtml } from './html.js';
import { PAGE_SECTIONS } from './pageSections.js';
import type { Report } from './reportSchema.js';

/** Every section's CSV tables: file name → table. */
export function csvTables(): Record<string, (r: Report) => string> {
  return Object.assign({}, ...PAGE_SECTIONS.map((s) => s.csv ?? {}));
}

export interface WriteReportOptions extends HtmlOptions {
  /** Default true. */
  html?: boolean;
  /** Default true. */
  csv?: boolean;
}

/** report.json exactly as written: 2-space JSON with a trailing newline, keys in schema order. */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export async function writeReport(
  outDir: string,
  report: Report,
  options: WriteReportOptions = {},
): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files: [string, string][] = [['report.json', reportJson(report)]];
  if (options.html !== false) files.push(['report.html', await renderHtml(report, options)]);
  if (options.csv !== false)
    for (const [name, make] of Object.entries(csvTables())) files.push([name, make(report)]);
  const paths: string[] = [];
  for (const [name, text] of files) {
    const path = join(outDir, name);
    await writeFile(path, text, 'utf8');
    paths.push(path);
  }
  return paths;
}
