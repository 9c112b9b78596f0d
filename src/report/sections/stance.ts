/**
 * Stance and validation (issue 17): the assistant's stance toward what the user asserts or plans, on
 * five points, and how often it validated a false or harmful belief or plan, per group (chart of the
 * affective group's stance distribution, tables, stance.csv).
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

const labels = () => msg().support.stance.labels;
const validatesLabels = () => msg().support.stance.validates;

function stanceHtml(r: Report, svg: string): Html {
  const d = r.stance;
  if (!d.available)
    return html`<section id="stance">
  <h2>${msg().support.stance.heading}</h2>
  ${notAvailable(d.reason)}
</section>`;
  const affective = d.stance.find((g) => g.group === 'all_affective');
  return html`<section id="stance">
  <h2>${msg().support.stance.headingFull}</h2>
  <p class="lede">${msg().support.stance.lede(d.missing > 0 ? formatCount(d.missing) : null)}</p>
  ${measurementNote()}
  ${!affective || affective.suppressed ? html`<p class="suppressed">${msg().parts.affectiveBelow}</p>` : figureBlock('stance', svg, html`${msg().support.stance.caption}`)}
  ${supportTable(d.stance, Object.keys(labels()), labels())}
  <h3>${msg().support.stance.validating}</h3>
  ${supportTable(d.validatesHarmful, Object.keys(validatesLabels()), validatesLabels())}
</section>`;
}

function stanceSpec(r: Report): TopLevelSpec {
  const d = r.stance;
  if (!d.available) return emptyChart(msg().support.stance.chartEmpty);
  const rows = supportRows(
    d.stance.find((g) => g.group === 'all_affective'),
    Object.keys(labels()),
    labels(),
  );
  if (rows.length === 0) return emptyChart(msg().support.stance.chartWithheld);
  return barsWithWhiskers(
    rows,
    rows.map(() => ALL_AFFECTIVE_COLOUR),
    msg().parts.shareOfAffective,
    '.1%',
    msg().support.stance.description,
  );
}

export const stanceSection: ReportSection = {
  id: 'stance',
  nav: 'Stance and validation',
  chart: { id: 'stance', spec: (r, layout) => forLayout(stanceSpec(r), layout) },
  html: stanceHtml,
  csv: {
    'stance.csv': (r) =>
      supportCsv(
        r.stance.available
          ? [
              { figure: 'stance', groups: r.stance.stance },
              { figure: 'validatesHarmful', groups: r.stance.validatesHarmful },
            ]
          : [],
      ),
  },
};
