/**
 * The parts the three support sections (referral, crisis, stance; issue 17) share: a table of gated
 * rates per group, the chart rows of one group, and the CSV of every group's cells. Every value comes
 * from report.json as the analyses gated it (src/analysis/supportTally.ts); nothing here decides what
 * is shown.
 */
import type { Suppressed } from '../privacy/thresholds.js';
import type { Row } from './charts.js';
import { type Cell, csvTable } from './csv.js';
import { type Html, html } from './escape.js';
import { formatCount, formatInterval, formatPercent } from './format.js';
import { suppressedMark } from './htmlParts.js';
import { msg } from './i18n/reportLanguage.js';
import { groupLabel } from './labels.js';

export interface SupportCellView {
  key: string;
  suppressed: boolean;
  count?: number;
  rate?: number;
  interval?: { low: number; high: number };
}

export type SupportGroupView =
  | ({ group: string } & Suppressed)
  | { group: string; suppressed: false; n: number; method: string; cells: SupportCellView[] };

export function supportGroupLabel(group: string): string {
  return msg().support.groups[group] ?? groupLabel(group);
}

/** One row per group, one column per key: the rate and its interval, or the withheld mark. */
export function supportTable(
  groups: readonly SupportGroupView[],
  keys: readonly string[],
  labels: Record<string, string>,
): Html {
  return html`<div class="wide"><div class="table-scroll"><table><thead><tr><th>${msg().support.group}</th><th class="num">n</th>${keys.map((k) => html`<th class="num">${labels[k] ?? k}</th>`)}</tr></thead><tbody>
  ${groups.map((g) => {
    if (g.suppressed)
      return html`<tr><td>${supportGroupLabel(g.group)}</td><td class="num" colspan="${keys.length + 1}">${suppressedMark()}</td></tr>`;
    const byKey = new Map(g.cells.map((c) => [c.key, c]));
    return html`<tr><td>${supportGroupLabel(g.group)}</td><td class="num">${formatCount(g.n)}</td>${keys.map(
      (k) => {
        const c = byKey.get(k);
        if (!c || c.suppressed || c.rate === undefined || !c.interval)
          return html`<td class="num">${suppressedMark()}</td>`;
        return html`<td class="num">${formatPercent(c.rate)}<br><span class="suppressed">${formatInterval(c.interval.low, c.interval.high)}</span></td>`;
      },
    )}</tr>`;
  })}
  </tbody></table></div></div>`;
}

/** The chart rows of one group's shown cells, in `keys` order. */
export function supportRows(
  g: SupportGroupView | undefined,
  keys: readonly string[],
  labels: Record<string, string>,
): Row[] {
  if (!g || g.suppressed) return [];
  const rows: Row[] = [];
  for (const k of keys) {
    const c = g.cells.find((x) => x.key === k);
    if (!c || c.suppressed || c.rate === undefined || !c.interval) continue;
    rows.push({
      label: labels[k] ?? k,
      value: c.rate,
      low: c.interval.low,
      high: c.interval.high,
      text: `${formatPercent(c.rate)} (${formatCount(c.count ?? 0)})`,
    });
  }
  return rows;
}

/** Every group's cells as CSV rows: group, figure, key, suppressed, count, n, rate, ci. */
export function supportCsv(
  parts: readonly { figure: string; groups: readonly SupportGroupView[] }[],
): string {
  const rows: Cell[][] = [];
  for (const { figure, groups } of parts)
    for (const g of groups) {
      if (g.suppressed) {
        rows.push([g.group, figure, null, true, null, null, null, null, null, null]);
        continue;
      }
      for (const c of g.cells)
        rows.push(
          c.suppressed || c.rate === undefined || !c.interval
            ? [g.group, figure, c.key, true, null, g.n, null, null, null, g.method]
            : [
                g.group,
                figure,
                c.key,
                false,
                c.count ?? null,
                g.n,
                c.rate,
                c.interval.low,
                c.interval.high,
                g.method,
              ],
        );
    }
  return csvTable(
    ['group', 'figure', 'key', 'suppressed', 'count', 'n', 'rate', 'ci_low', 'ci_high', 'method'],
    rows,
  );
}

/** Said once in each support section. */
export function measurementNote(): Html {
  return html`<p class="note">${msg().parts.measurementNote}</p>`;
}
