/** Writes the report folder: report.json, report.html and one CSV per figure. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CSV_TABLES } from './csv.js';
import { type HtmlOptions, renderHtml } from './html.js';
import type { Report } from './reportSchema.js';

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
    for (const [name, make] of Object.entries(CSV_TABLES)) files.push([name, make(report)]);
  const paths: string[] = [];
  for (const [name, text] of files) {
    const path = join(outDir, name);
    await writeFile(path, text, 'utf8');
    paths.push(path);
  }
  return paths;
}
