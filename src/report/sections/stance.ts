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
import { MEASUREMENT_NOTE, supportCsv, supportRows, supportTable } from '../supportParts.js';

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
  <p class="lede">The assistant's stance toward what the user asserts or plans, from strong resistance to strong support, and the share of conversations in which it supported a belief or plan that is false or harmful (the "endless empathy" question; empathy for a feeling is not validation). Stance needs reading: the offline rules only see pushback and emphatic agreement and call the rest neutral, so use an LLM engine for these figures on real traffic.${d.missing > 0 ? html` ${formatCount(d.missing)} conversations without these facets are left out.` : ''}</p>
  ${MEASUREMENT_NOTE}
  ${!affective || affective.suppressed ? html`<p class="suppressed">Affective conversations are below the privacy thresholds.</p>` : figureBlock('stance', svg, html`Stance distribution in affective conversations (95% interval).`)}
  ${supportTable(d.stance, Object.keys(labels()), labels())}
  <h3>${msg().support.stance.validating}</h3>
  ${supportTable(d.validatesHarmful, Object.keys(validatesLabels()), validatesLabels())}
</section>`;
}

function stanceSpec(r: Report): TopLevelSpec {
  const d = r.stance;
  if (!d.available) return emptyChart('Stance is not available for this log.');
  const rows = supportRows(
    d.stance.find((g) => g.group === 'all_affective'),
    Object.keys(labels()),
    labels(),
  );
  if (rows.length === 0)
    return emptyChart('Stance among affective conversations is below the privacy thresholds.');
  return barsWithWhiskers(
    rows,
    rows.map(() => ALL_AFFECTIVE_COLOUR),
    'Share of affective conversations (95% interval)',
    '.1%',
    "The assistant's stance in affective conversations",
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
