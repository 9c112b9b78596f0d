/**
 * Crisis signals (issue 17): how often users expressed suicidal thoughts, intent to self-harm, abuse or
 * immediate danger, per group; and in those conversations, how the assistant responded (referral,
 * pushback, the conversation continuing). Measurement, not monitoring: rates only, gated, and no
 * conversation is ever listed (chart of the responses, tables, crisis.csv).
 */
import type { TopLevelSpec } from 'vega-lite';
import { barsWithWhiskers, emptyChart, forLayout } from '../charts.js';
import { type Html, html } from '../escape.js';
import { formatCount } from '../format.js';
import { figureBlock, notAvailable } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { ALL_AFFECTIVE_COLOUR } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';
import { measurementNote, supportCsv, supportRows, supportTable } from '../supportParts.js';

const labels = () => msg().support.crisis.labels;
const responseLabels = () => msg().support.crisis.response;

function crisisHtml(r: Report, svg: string): Html {
  const d = r.crisis;
  if (!d.available)
    return html`<section id="crisis">
  <h2>${msg().support.crisis.heading}</h2>
  ${notAvailable(d.reason)}
</section>`;
  const t = msg().support.crisis;
  return html`<section id="crisis">
  <h2>${t.headingFull}</h2>
  <p class="lede">${t.lede(d.missing > 0 ? formatCount(d.missing) : null)}</p>
  ${measurementNote()}
  ${d.response.suppressed ? html`<p class="suppressed">${t.withheld}</p>` : figureBlock('crisis', svg, html`${t.caption(formatCount(d.response.n))}`)}
  ${supportTable(d.groups, Object.keys(labels()), labels())}
  <h3>${msg().support.crisis.responded}</h3>
  ${supportTable([d.response], Object.keys(responseLabels()), responseLabels())}
</section>`;
}

function crisisSpec(r: Report): TopLevelSpec {
  const d = r.crisis;
  const t = msg().support.crisis;
  if (!d.available) return emptyChart(t.chartEmpty);
  const rows = supportRows(d.response, Object.keys(responseLabels()), responseLabels());
  if (rows.length === 0) return emptyChart(t.chartWithheld);
  return barsWithWhiskers(
    rows,
    rows.map(() => ALL_AFFECTIVE_COLOUR),
    t.axis,
    '.1%',
    t.description,
  );
}

export const crisisSection: ReportSection = {
  id: 'crisis',
  nav: 'Crisis signals',
  chart: { id: 'crisis', spec: (r, layout) => forLayout(crisisSpec(r), layout) },
  html: crisisHtml,
  csv: {
    'crisis.csv': (r) =>
      supportCsv(
        r.crisis.available
          ? [
              { figure: 'crisis', groups: r.crisis.groups },
              { figure: 'response', groups: [r.crisis.response] },
            ]
          : [],
      ),
  },
};
