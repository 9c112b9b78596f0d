/** Figure 1: how common each kind of affective use is (chart, table and prevalence.csv). */

import type { TopLevelSpec } from 'vega-lite';
import { barsWithWhiskers, type ChartLayout, type Row } from '../charts.js';
import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent } from '../format.js';
import { figureBlock, legend } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { groupColour, groupLabel } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';
import { hiddenGroupsNote, withheldMark } from '../withheld.js';

function prevalenceHtml(r: Report, svg: string): Html {
  const p = r.prevalence;
  const hidden = p.categories.filter((c) => c.suppressed).map((c) => c.category);
  const t = msg();
  return html`<section id="fig-prevalence">
  <h2>${t.prevalence.heading}</h2>
  <p class="lede">${t.prevalence.lede}</p>
  ${legend()}
  ${figureBlock(
    'prevalence',
    svg,
    html`${t.prevalence.caption(formatCount(p.n))}${hiddenGroupsNote(r, hidden)}`,
  )}
  <details class="numbers"><summary>${t.parts.numbersBehind}</summary>
  <div class="table-scroll"><table><thead><tr><th>${t.parts.group}</th><th class="num">${t.parts.conversationsColumn}</th><th class="num">${t.parts.share}</th><th class="num">${t.parts.interval}</th></tr></thead><tbody>
  <tr><td>${groupLabel('all_affective')}</td><td class="num">${formatCount(p.affective.count)}</td><td class="num">${formatPercent(p.affective.share)}</td><td class="num">${formatInterval(p.affective.interval.low, p.affective.interval.high)}</td></tr>
  ${p.categories.map((c) =>
    c.suppressed
      ? html`<tr><td>${groupLabel(c.category)}</td><td class="num" colspan="3">${withheldMark(r)}</td></tr>`
      : html`<tr><td>${groupLabel(c.category)}</td><td class="num">${formatCount(c.count)}</td><td class="num">${formatPercent(c.share)}</td><td class="num">${formatInterval(c.interval.low, c.interval.high)}</td></tr>`,
  )}
  </tbody></table></div></details>
</section>`;
}

function prevalenceSpec(report: Report, layout: ChartLayout): TopLevelSpec {
  const p = report.prevalence;
  const rows: Row[] = [];
  const colours: string[] = [];
  const push = (
    group: string,
    s: { count: number; share: number; interval: { low: number; high: number } },
  ) => {
    rows.push({
      label: groupLabel(group),
      value: s.share,
      low: s.interval.low,
      high: s.interval.high,
      text: `${formatPercent(s.share)} (${formatCount(s.count)})`,
    });
    colours.push(groupColour(group));
  };
  push('all_affective', p.affective);
  for (const c of p.categories) if (!c.suppressed) push(c.category, c);
  return barsWithWhiskers(
    rows,
    colours,
    msg().prevalence.axis(formatCount(p.n)),
    '.1~%',
    msg().prevalence.description,
    layout,
  );
}

function prevalenceCsv(r: Report): string {
  const p = r.prevalence;
  const rows: Cell[][] = [
    [
      'all_affective',
      false,
      p.affective.count,
      p.n,
      p.affective.share,
      p.affective.interval.low,
      p.affective.interval.high,
    ],
  ];
  for (const c of p.categories) {
    rows.push(
      c.suppressed
        ? [c.category, true, null, null, null, null, null]
        : [c.category, false, c.count, c.n, c.share, c.interval.low, c.interval.high],
    );
  }
  return csvTable(['group', 'suppressed', 'conversations', 'n', 'share', 'ci_low', 'ci_high'], rows);
}

export const prevalenceSection: ReportSection = {
  id: 'fig-prevalence',
  nav: 'Prevalence',
  chart: { id: 'prevalence', spec: prevalenceSpec },
  html: prevalenceHtml,
  csv: { 'prevalence.csv': prevalenceCsv },
};
