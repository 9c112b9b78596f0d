/**
 * Segments: every headline figure per value of one metadata field (analyze --segment-by), side by side
 * (chart of the affective share, table, segments.csv).
 */
import type { TopLevelSpec } from 'vega-lite';
import { barsWithWhiskers, emptyChart, forLayout, type Row } from '../charts.js';
import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatPercent } from '../format.js';
import { headlineColumns, headlineSeries } from '../headlineTable.js';
import { figureBlock, notAvailable } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { ALL_AFFECTIVE_COLOUR } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

function segmentsHtml(r: Report, svg: string): Html {
  const s = r.segments;
  if (!s.available)
    return html`<section id="segments">
  <h2>${msg().segments.heading}</h2>
  ${notAvailable(s.reason)}
</section>`;
  return html`<section id="segments">
  <h2>${msg().segments.headingAvailable(s.field)}</h2>
  <p class="lede">${msg().segments.lede(s.field, s.withheld, s.groupedValues)}</p>
  ${s.segments.length === 0 ? html`<p class="suppressed">${msg().segments.allWithheld}</p>` : figureBlock('segments', svg, html`${msg().segments.caption}`)}
  ${
    s.segments.length === 0
      ? ''
      : headlineColumns(
          s.segments.map((x) => ({ name: x.segment, cell: x })),
          msg().segments.segment,
        )
  }
</section>`;
}

function segmentsSpec(r: Report): TopLevelSpec {
  const s = r.segments;
  if (!s.available) return emptyChart(msg().segments.chartEmpty);
  const rows: Row[] = [];
  for (const x of s.segments) {
    if (x.affective.suppressed) continue;
    rows.push({
      label: x.segment,
      value: x.affective.share,
      low: x.affective.interval.low,
      high: x.affective.interval.high,
      text: `${formatPercent(x.affective.share)} (n=${formatCount(x.affective.n)})`,
    });
  }
  if (rows.length === 0) return emptyChart(msg().segments.chartNone);
  return barsWithWhiskers(
    rows,
    rows.map(() => ALL_AFFECTIVE_COLOUR),
    msg().segments.axis,
    '.1%',
    msg().segments.description(s.field),
  );
}

function segmentsCsv(r: Report): string {
  const s = r.segments;
  const rows: Cell[][] = [];
  if (s.available)
    for (const x of s.segments) {
      rows.push(
        x.conversations.suppressed
          ? [x.segment, x.kind, 'conversations', true, null, null, null, null]
          : [
              x.segment,
              x.kind,
              'conversations',
              false,
              x.conversations.conversations,
              null,
              null,
              x.conversations.users,
            ],
      );
      for (const p of headlineSeries(x, true))
        rows.push(
          !p.shown
            ? [x.segment, x.kind, p.series, true, null, null, null, null]
            : [x.segment, x.kind, p.series, false, p.value, p.low, p.high, p.n],
        );
    }
  return csvTable(['segment', 'kind', 'figure', 'suppressed', 'value', 'ci_low', 'ci_high', 'n'], rows);
}

export const segmentsSection: ReportSection = {
  id: 'segments',
  nav: 'Segments',
  chart: { id: 'segments', spec: (r, layout) => forLayout(segmentsSpec(r), layout) },
  html: segmentsHtml,
  csv: { 'segments.csv': segmentsCsv },
};
