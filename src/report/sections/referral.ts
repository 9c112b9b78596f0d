/**
 * Referral (issue 17): how often the assistant pointed the user to professional help, a crisis line,
 * emergency services or people in their life, among all conversations, the affective ones and per
 * category (chart of the affective group, table, referral.csv).
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

const labels = () => msg().support.referral.labels;
const KEYS = ['any', 'professional', 'crisis_line', 'emergency', 'people'];

function referralHtml(r: Report, svg: string): Html {
  const d = r.referral;
  if (!d.available)
    return html`<section id="referral">
  <h2>${msg().support.referral.heading}</h2>
  ${notAvailable(d.reason)}
</section>`;
  const affective = d.groups.find((g) => g.group === 'all_affective');
  return html`<section id="referral">
  <h2>${msg().support.referral.headingFull}</h2>
  <p class="lede">${msg().support.referral.lede(d.missing > 0 ? formatCount(d.missing) : null)}</p>
  ${measurementNote()}
  ${!affective || affective.suppressed ? html`<p class="suppressed">${msg().parts.affectiveBelow}</p>` : figureBlock('referral', svg, html`${msg().support.referral.caption}`)}
  ${supportTable(d.groups, KEYS, labels())}
</section>`;
}

function referralSpec(r: Report): TopLevelSpec {
  const d = r.referral;
  if (!d.available) return emptyChart(msg().support.referral.chartEmpty);
  const rows = supportRows(
    d.groups.find((g) => g.group === 'all_affective'),
    KEYS,
    labels(),
  );
  if (rows.length === 0) return emptyChart(msg().support.referral.chartWithheld);
  return barsWithWhiskers(
    rows,
    rows.map(() => ALL_AFFECTIVE_COLOUR),
    msg().parts.shareOfAffective,
    '.1%',
    msg().support.referral.description,
  );
}

export const referralSection: ReportSection = {
  id: 'referral',
  nav: 'Referral to help',
  chart: { id: 'referral', spec: (r, layout) => forLayout(referralSpec(r), layout) },
  html: referralHtml,
  csv: {
    'referral.csv': (r) =>
      supportCsv(r.referral.available ? [{ figure: 'referral', groups: r.referral.groups }] : []),
  },
};
