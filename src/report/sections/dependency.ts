/**
 * Dependency cues: how often affective conversations show the user preferring the assistant to people,
 * seeking its approval for decisions, distressed at losing it, or treating it as their main support;
 * overall and per category (chart, table, dependency.csv). Among power users: the power-user section.
 */
import type { TopLevelSpec } from 'vega-lite';
import { barsWithWhiskers, emptyChart, forLayout, type Row } from '../charts.js';
import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent } from '../format.js';
import { figureBlock, notAvailable, suppressedMark } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { ALL_AFFECTIVE_COLOUR, CUE_LABELS, cueLabel, groupLabel } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

type Shown = Extract<Report['dependency'], { available: true }>;

function groupsOf(d: Shown) {
  return [d.allAffective, ...d.categories];
}

function dependencyHtml(r: Report, svg: string): Html {
  const d = r.dependency;
  if (!d.available)
    return html`<section id="dependency">
  <h2>${msg().dependency.heading}</h2>
  ${notAvailable(d.reason)}
</section>`;
  const cues = Object.keys(CUE_LABELS);
  return html`<section id="dependency">
  <h2>${msg().dependency.headingAvailable}</h2>
  <p class="lede">${msg().dependency.lede(d.rules, d.missing > 0 ? formatCount(d.missing) : null)}</p>
  ${d.allAffective.suppressed ? html`<p class="suppressed">${msg().parts.affectiveBelow}</p>` : figureBlock('dependency', svg, html`${msg().dependency.caption}`)}
  <div class="wide"><div class="table-scroll"><table><thead><tr><th>${msg().parts.group}</th><th class="num">n</th>${cues.map((c) => html`<th class="num">${cueLabel(c)}</th>`)}</tr></thead><tbody>
  ${groupsOf(d).map((g) =>
    g.suppressed
      ? html`<tr><td>${groupLabel(g.group)}</td><td class="num" colspan="${cues.length + 1}">${suppressedMark()}</td></tr>`
      : html`<tr><td>${groupLabel(g.group)}</td><td class="num">${formatCount(g.n)}</td>${g.cues.map((c) => (c.suppressed ? html`<td class="num">${suppressedMark()}</td>` : html`<td class="num">${formatPercent(c.rate)}<br><span class="suppressed">${formatInterval(c.interval.low, c.interval.high)}</span></td>`))}</tr>`,
  )}
  </tbody></table></div>
</section>`;
}

function dependencySpec(r: Report): TopLevelSpec {
  const d = r.dependency;
  if (!d.available || d.allAffective.suppressed) return emptyChart(msg().dependency.chartEmpty);
  const rows: Row[] = d.allAffective.cues.flatMap((c) =>
    c.suppressed
      ? []
      : [
          {
            label: cueLabel(c.cue),
            value: c.rate,
            low: c.interval.low,
            high: c.interval.high,
            text: `${formatPercent(c.rate)} (${formatCount(c.count)})`,
          },
        ],
  );
  if (rows.length === 0) return emptyChart(msg().dependency.chartAllWithheld);
  return barsWithWhiskers(
    rows,
    rows.map(() => ALL_AFFECTIVE_COLOUR),
    msg().parts.shareOfAffective,
    '.1%',
    msg().dependency.description,
  );
}

function dependencyCsv(r: Report): string {
  const d = r.dependency;
  const rows: Cell[][] = [];
  if (d.available)
    for (const g of groupsOf(d)) {
      if (g.suppressed) {
        rows.push([g.group, null, true, null, null, null, null, null]);
        continue;
      }
      for (const c of g.cues)
        rows.push(
          c.suppressed
            ? [g.group, c.cue, true, null, g.n, null, null, null]
            : [g.group, c.cue, false, c.count, g.n, c.rate, c.interval.low, c.interval.high],
        );
    }
  return csvTable(['group', 'cue', 'suppressed', 'count', 'n', 'rate', 'ci_low', 'ci_high'], rows);
}

export const dependencySection: ReportSection = {
  id: 'dependency',
  nav: 'Dependency cues',
  chart: { id: 'dependency', spec: (r, layout) => forLayout(dependencySpec(r), layout) },
  html: dependencyHtml,
  csv: { 'dependency.csv': dependencyCsv },
};
