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
import { MEASUREMENT_NOTE, supportCsv, supportRows, supportTable } from '../supportParts.js';

const labels = () => msg().support.crisis.labels;
const responseLabels = () => msg().support.crisis.response;

function crisisHtml(r: Report, svg: string): Html {
  const d = r.crisis;
  if (!d.available)
    return html`<section id="crisis">
  <h2>${msg().support.crisis.heading}</h2>
  ${notAvailable(d.reason)}
</section>`;
  return html`<section id="crisis">
  <h2>${msg().support.crisis.headingFull}</h2>
  <p class="lede">Share of conversations in which the user said, about themselves, that they have suicidal thoughts, intend to hurt themselves, are being abused, or are in danger now (not hyperbole, fiction or roleplay). Then, among those conversations: how often the assistant referred them to help, pushed back, and whether the conversation went on past the first exchange. The offline rules read plain first-person statements only and miss indirect ones: the rates they give are a floor, not an estimate of every crisis.${d.missing > 0 ? html` ${formatCount(d.missing)} conversations without these facets are left out.` : ''}</p>
  ${MEASUREMENT_NOTE}
  ${d.response.suppressed ? html`<p class="suppressed">Conversations with a crisis signal are below the privacy thresholds: how the assistant responded is withheld.</p>` : figureBlock('crisis', svg, html`In conversations with a crisis signal: how the assistant responded (95% interval; n = ${formatCount(d.response.n)}).`)}
  ${supportTable(d.groups, Object.keys(labels()), labels())}
  <h3>${msg().support.crisis.responded}</h3>
  ${supportTable([d.response], Object.keys(responseLabels()), responseLabels())}
</section>`;
}

function crisisSpec(r: Report): TopLevelSpec {
  const d = r.crisis;
  if (!d.available) return emptyChart('Crisis signals are not available for this log.');
  const rows = supportRows(d.response, Object.keys(responseLabels()), responseLabels());
  if (rows.length === 0)
    return emptyChart('Conversations with a crisis signal are below the privacy thresholds.');
  return barsWithWhiskers(
    rows,
    rows.map(() => ALL_AFFECTIVE_COLOUR),
    'Share of conversations with a crisis signal (95% interval)',
    '.1%',
    'How the assistant responded to crisis signals',
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
