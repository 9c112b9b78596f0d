/**
 * Over time: every headline figure per week or month with its interval, a trend chart, and the change
 * from the first to the last period with a test (chart, over_time.csv, over_time_change.csv).
 */
import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, emptyChart, forLayout } from '../charts.js';
import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent, formatSigned } from '../format.js';
import { type HeadlineRow, headlineColumns, headlineSeries } from '../headlineTable.js';
import { figureBlock, notAvailable } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { groupColour, seriesLabel } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

type Shown = Extract<Report['overTime'], { available: true }>;

function periodName(p: string, period: Shown['period']): string {
  return period === 'week' ? msg().overTime.weekOf(p) : p;
}

function formatValue(series: string, x: number): string {
  return series === 'sentimentChange' ? formatSigned(x) : formatPercent(x);
}

function overTimeHtml(r: Report, svg: string): Html {
  const t = r.overTime;
  if (!t.available)
    return html`<section id="over-time">
  <h2>${msg().overTime.heading}</h2>
  ${notAvailable(t.reason)}
</section>`;
  const m = msg().overTime;
  const week = t.period === 'week';
  const unit = week ? m.week : m.month;
  const rows: HeadlineRow[] = t.periods.map((p) => ({ name: periodName(p.period, t.period), cell: p }));
  return html`<section id="over-time">
  <h2>${m.headingAvailable(unit)}</h2>
  <p class="lede">${m.lede(week, formatCount(t.dated), t.undated > 0 ? formatCount(t.undated) : null)}</p>
  ${figureBlock('over-time', svg, html`${m.caption(week)}`)}
  <details class="numbers"><summary>${m.numbersPer(unit)}</summary>
  ${headlineColumns(rows, m.slice(week))}
  </details>
  <h3>${m.change(unit)}</h3>
  <p>${m.changeText(week)}</p>
  <div class="table-scroll"><table><thead><tr><th>${msg().overTime.figure}</th><th>${msg().overTime.from}</th><th>${msg().overTime.to}</th><th class="num">${msg().overTime.first}</th><th class="num">${msg().overTime.last}</th><th class="num">${msg().overTime.change2}</th><th class="num">${msg().parts.interval}</th><th class="num">p</th></tr></thead><tbody>
  ${t.changes.map((c) =>
    !c.available
      ? html`<tr><td>${seriesLabel(c.series)}</td><td colspan="7" class="suppressed">${m.fewerThanTwo(week)}</td></tr>`
      : html`<tr><td>${seriesLabel(c.series)}</td><td>${periodName(c.from, t.period)}</td><td>${periodName(c.to, t.period)}</td><td class="num">${formatValue(c.series, c.fromValue)}</td><td class="num">${formatValue(c.series, c.toValue)}</td><td class="num">${c.significant ? html`<strong>${changeText(c.series, c.difference)}</strong>` : changeText(c.series, c.difference)}</td><td class="num">${formatInterval(c.interval.low, c.interval.high, (x) => changeText(c.series, x))}</td><td class="num">${c.pValue < 0.001 ? '<0.001' : c.pValue.toFixed(3)}</td></tr>`,
  )}
  </tbody></table></div>
</section>`;
}

/** A difference of shares in percentage points, of means on the −1..1 scale. */
function changeText(series: string, d: number): string {
  if (series === 'sentimentChange') return formatSigned(d);
  const pts = d * 100;
  const abs = Math.abs(pts);
  const s = abs < 1 ? abs.toPrecision(2) : abs.toFixed(abs < 10 ? 2 : 1);
  return msg().overTime.points(`${pts < 0 ? '−' : pts > 0 ? '+' : ''}${s}`);
}

function overTimeSpec(r: Report): TopLevelSpec {
  const t = r.overTime;
  const m = msg().overTime;
  if (!t.available) return emptyChart(m.chartEmpty);
  const names = t.periods.map((p) => p.period);
  const points = t.periods.flatMap((p) =>
    headlineSeries(p)
      .filter((s) => s.series === 'affective' || s.series.startsWith('category:'))
      .map((s) => ({ period: p.period, label: seriesLabel(s.series), ...s })),
  );
  if (points.length === 0) return emptyChart(m.chartAllWithheld);
  const labels = [...new Set(points.map((p) => p.label))];
  const colours = labels.map((l) => {
    const s = points.find((p) => p.label === l)!.series;
    return groupColour(s === 'affective' ? 'all_affective' : s.slice('category:'.length));
  });
  const x = {
    field: 'period',
    type: 'ordinal',
    sort: names,
    title: t.period === 'week' ? m.xWeek : m.xMonth,
    axis: { labelAngle: -40 },
  } as const;
  const y = {
    field: 'value',
    type: 'quantitative',
    title: m.y,
    axis: { format: '.1%' },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: m.description,
    width: Math.max(320, Math.min(760, 60 * names.length)),
    height: 260,
    data: { values: points },
    layer: [
      {
        transform: [{ filter: "datum.series === 'affective'" }],
        mark: { type: 'area', opacity: 0.18, color: groupColour('all_affective') },
        encoding: { x, y: { field: 'low', type: 'quantitative' }, y2: { field: 'high' } },
      },
      {
        mark: { type: 'line', point: true },
        encoding: {
          x,
          y,
          color: {
            field: 'label',
            type: 'nominal',
            title: null,
            scale: { domain: labels, range: colours },
            legend: { labelLimit: 320, columns: 3 },
          },
        },
      },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}

function overTimeCsv(r: Report): string {
  const t = r.overTime;
  const rows: Cell[][] = [];
  if (t.available)
    for (const p of t.periods) {
      rows.push(
        p.conversations.suppressed
          ? [p.period, 'conversations', true, null, null, null, null]
          : [
              p.period,
              'conversations',
              false,
              p.conversations.conversations,
              null,
              null,
              p.conversations.users,
            ],
      );
      for (const s of headlineSeries(p, true))
        rows.push(
          !s.shown
            ? [p.period, s.series, true, null, null, null, null]
            : [p.period, s.series, false, s.value, s.low, s.high, s.n],
        );
    }
  return csvTable(['period', 'figure', 'suppressed', 'value', 'ci_low', 'ci_high', 'n'], rows);
}

function changeCsv(r: Report): string {
  const t = r.overTime;
  const rows: Cell[][] = [];
  if (t.available)
    for (const c of t.changes)
      rows.push(
        c.available
          ? [
              c.series,
              true,
              c.from,
              c.to,
              c.fromValue,
              c.toValue,
              c.difference,
              c.interval.low,
              c.interval.high,
              c.pValue,
              c.significant,
            ]
          : [c.series, false, null, null, null, null, null, null, null, null, null],
      );
  return csvTable(
    [
      'figure',
      'available',
      'from',
      'to',
      'first',
      'last',
      'change',
      'ci_low',
      'ci_high',
      'p_value',
      'significant',
    ],
    rows,
  );
}

export const overTimeSection: ReportSection = {
  id: 'over-time',
  nav: 'Over time',
  chart: { id: 'over-time', spec: (r, layout) => forLayout(overTimeSpec(r), layout) },
  html: overTimeHtml,
  csv: { 'over_time.csv': overTimeCsv, 'over_time_change.csv': changeCsv },
};
