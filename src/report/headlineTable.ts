/**
 * The headline figures of a slice of the log (a period, a segment) as the over-time and segment
 * sections show them: one table row per slice, one column per figure, and the same figures as a flat
 * list of series for charts and CSVs.
 */
import { type Html, html } from './escape.js';
import { formatCount, formatInterval, formatPercent, formatSigned } from './format.js';
import { suppressedMark } from './htmlParts.js';
import { msg } from './i18n/reportLanguage.js';
import { seriesLabel } from './labels.js';
import type { Report } from './reportSchema.js';

/** One slice's figures, as report.json holds them (periods and segments share the shape). */
export type HeadlineCellFigures = Omit<
  Extract<Report['overTime'], { available: true }>['periods'][number],
  'period' | 'start'
>;

export interface HeadlineRow {
  name: string;
  cell: HeadlineCellFigures;
}

/** One figure of a slice, flattened: `shown` false when report.json has it withheld. */
export type SeriesPoint = { series: string } & (
  | { shown: false }
  | { shown: true; value: number; low: number; high: number; n: number }
);

/** Every headline figure of a slice (not its size), in a fixed order; withheld ones only when asked. */
export function headlineSeries(c: HeadlineCellFigures, includeSuppressed = false): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  const add = (_series: string, x: SeriesPoint) => {
    if (includeSuppressed || x.shown) out.push(x);
  };
  add(
    'affective',
    c.affective.suppressed
      ? { series: 'affective', shown: false }
      : {
          series: 'affective',
          shown: true,
          value: c.affective.share,
          low: c.affective.interval.low,
          high: c.affective.interval.high,
          n: c.affective.n,
        },
  );
  for (const k of c.categories) {
    const series = `category:${k.category}`;
    add(
      series,
      k.suppressed
        ? { series, shown: false }
        : { series, shown: true, value: k.share, low: k.interval.low, high: k.interval.high, n: k.n },
    );
  }
  for (const [series, x] of [
    ['pushback', c.pushback],
    ['longAffective', c.longAffective],
  ] as const)
    add(
      series,
      x.suppressed
        ? { series, shown: false }
        : { series, shown: true, value: x.rate, low: x.interval.low, high: x.interval.high, n: x.n },
    );
  const s = c.sentimentChange;
  add(
    'sentimentChange',
    s.suppressed
      ? { series: 'sentimentChange', shown: false }
      : {
          series: 'sentimentChange',
          shown: true,
          value: s.mean,
          low: s.interval.low,
          high: s.interval.high,
          n: s.n,
        },
  );
  return out;
}

const COLUMNS = [
  'affective',
  'category:interpersonal_advice',
  'category:coaching',
  'category:counseling',
  'category:companionship',
  'category:romantic_roleplay',
  'pushback',
  'sentimentChange',
  'longAffective',
] as const;

function valueCell(p: SeriesPoint | undefined): Html {
  if (!p?.shown) return html`<td class="num">${suppressedMark()}</td>`;
  const f = p.series === 'sentimentChange' ? formatSigned : formatPercent;
  return html`<td class="num">${f(p.value)}<br><span class="suppressed">${formatInterval(p.low, p.high, f)}</span></td>`;
}

/** A table with a row per slice and a column per headline figure, values over their 95% intervals. */
export function headlineColumns(rows: readonly HeadlineRow[], sliceName: string): Html {
  return html`<div class="wide"><div class="table-scroll"><table class="headline-table"><thead><tr><th>${sliceName}</th><th class="num">${msg().parts.conversationsColumn}</th>${COLUMNS.map((c) => html`<th class="num">${seriesLabel(c)}</th>`)}</tr></thead><tbody>
  ${rows.map((r) => {
    const points = new Map(headlineSeries(r.cell, true).map((p) => [p.series, p]));
    const n = r.cell.conversations;
    return html`<tr><td>${r.name}</td><td class="num">${n.suppressed ? suppressedMark() : html`${formatCount(n.conversations)}<br><span class="suppressed">${msg().parts.users(formatCount(n.users))}</span>`}</td>${COLUMNS.map((c) => valueCell(points.get(c)))}</tr>`;
  })}
  </tbody></table></div>`;
}
