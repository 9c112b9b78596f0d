/** Figure 3: how often the assistant pushes back, and why (chart, tables, pushback.csv and pushback_reasons.csv). */

import type { TopLevelSpec } from 'vega-lite';
import { parseTopicGroup } from '../../cluster/topicTreeTypes.js';
import { barsWithWhiskers, type ChartLayout, emptyChart, type Row } from '../charts.js';
import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent } from '../format.js';
import { explorer, figureBlock } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { groupColour, groupLabel, reasonLabel } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';
import { emptyGroupsNote, hiddenGroupsNote, withheldMark } from '../withheld.js';

function pushbackHtml(r: Report, svg: string): Html {
  const groups = [r.pushback.allAffective, ...r.pushback.categories];
  const hidden = r.pushback.categories.filter((g) => g.suppressed).map((g) => g.group);
  const empty = r.pushback.categories.filter((g) => !g.suppressed && g.n === 0).map((g) => g.group);
  const all = r.overall.pushback;
  const t = msg();
  return html`<section id="fig-pushback">
  <h2>${t.pushback.heading}</h2>
  <p class="lede">${t.pushback.lede}</p>
  ${figureBlock(
    'pushback',
    svg,
    html`${t.pushback.caption}${hiddenGroupsNote(r, hidden)}${emptyGroupsNote(empty)}`,
  )}
  <p>${t.pushback.overall(formatCount(all.n), html`${formatPercent(all.share)}`, formatCount(all.count), formatInterval(all.interval.low, all.interval.high))}</p>
  <h3>${t.pushback.reasons}</h3>
  <div class="table-scroll"><table class="stack"><thead><tr><th>${t.parts.group}</th><th class="num">${t.parts.rate}</th><th>${t.pushback.reasonsColumn}</th></tr></thead><tbody>
  ${groups.map((g) =>
    g.suppressed
      ? html`<tr><td>${groupLabel(g.group)}</td><td class="num">${withheldMark(r)}</td><td></td></tr>`
      : !('rate' in g)
        ? html`<tr><td>${groupLabel(g.group)}</td><td class="num">${t.pushback.zero}</td><td></td></tr>`
        : html`<tr><td>${groupLabel(g.group)}</td><td class="num">${formatPercent(g.rate)} <span class="suppressed">(${formatCount(g.pushback)}/${formatCount(g.n)})</span></td><td>${
            g.reasons.length === 0
              ? html`<span class="suppressed">${t.parts.none}</span>`
              : g.reasons
                  .slice(0, 4)
                  .map(
                    (x, i) =>
                      html`${i > 0 ? ' · ' : ''}${reasonLabel(x.reason)} ${x.suppressed ? withheldMark(r) : html`<strong>${formatPercent(x.share)}</strong>`}`,
                  )
          }</td></tr>`,
  )}
  </tbody></table></div>
  ${
    r.pushback.reasonTopics.length > 0
      ? html`<h3>${t.pushback.clustered}</h3>${r.pushback.reasonTopics.map((t) => {
          const g = parseTopicGroup(t.group);
          const category = g && g.kind !== 'long' ? g.category : t.group;
          return explorer(t, msg().pushback.clusteredLabel(groupLabel(category)), groupColour(category));
        })}`
      : ''
  }
</section>`;
}

function pushbackSpec(report: Report, layout: ChartLayout): TopLevelSpec {
  const rows: Row[] = [];
  const colours: string[] = [];
  for (const g of [report.pushback.allAffective, ...report.pushback.categories]) {
    if (g.suppressed || !('rate' in g)) continue;
    rows.push({
      label: groupLabel(g.group),
      value: g.rate,
      low: g.interval.low,
      high: g.interval.high,
      text: `${formatPercent(g.rate)} (n=${formatCount(g.n)})`,
    });
    colours.push(groupColour(g.group));
  }
  if (rows.length === 0) return emptyChart(msg().pushback.chartEmpty, layout);
  return barsWithWhiskers(rows, colours, msg().pushback.axis, '.0%', msg().pushback.description, layout);
}

function pushbackCsv(r: Report): string {
  const rows: Cell[][] = [];
  for (const g of [r.pushback.allAffective, ...r.pushback.categories]) {
    if (g.suppressed) {
      rows.push([g.group, true, null, null, null, null, null, null]);
      continue;
    }
    if (!('rate' in g)) {
      rows.push([g.group, false, 0, 0, null, null, null, '']);
      continue;
    }
    const top = g.reasons
      .filter((x) => !x.suppressed)
      .map((x) => x.reason)
      .join(';');
    rows.push([g.group, false, g.pushback, g.n, g.rate, g.interval.low, g.interval.high, top]);
  }
  return csvTable(
    ['group', 'suppressed', 'pushback', 'n', 'rate', 'ci_low', 'ci_high', 'reasons_by_frequency'],
    rows,
  );
}

function pushbackReasonsCsv(r: Report): string {
  const rows: Cell[][] = [];
  for (const g of [r.pushback.allAffective, ...r.pushback.categories]) {
    if (g.suppressed || !('rate' in g)) continue;
    for (const x of g.reasons) {
      rows.push(
        x.suppressed ? [g.group, x.reason, true, null, null] : [g.group, x.reason, false, x.count, x.share],
      );
    }
  }
  return csvTable(['group', 'reason', 'suppressed', 'conversations', 'share_of_pushback'], rows);
}

export const pushbackSection: ReportSection = {
  id: 'fig-pushback',
  nav: 'Pushback',
  chart: { id: 'pushback', spec: pushbackSpec },
  html: pushbackHtml,
  csv: { 'pushback.csv': pushbackCsv, 'pushback_reasons.csv': pushbackReasonsCsv },
};
