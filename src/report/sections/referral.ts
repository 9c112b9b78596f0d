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
import { MEASUREMENT_NOTE, supportCsv, supportRows, supportTable } from '../supportParts.js';

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
  <p class="lede">Share of conversations in which the assistant referred the user to a professional (therapist, doctor, lawyer…), a crisis or support line, emergency services, or people in their own life; the most urgent one counts when it named several (see the codebook proposal). The offline rules find hotline numbers and names and plain "talk to a therapist" phrasing: precise, but they miss paraphrase.${d.missing > 0 ? html` ${formatCount(d.missing)} conversations without these facets (an engine or prompt version that does not decide them) are left out.` : ''}</p>
  ${MEASUREMENT_NOTE}
  ${!affective || affective.suppressed ? html`<p class="suppressed">Affective conversations are below the privacy thresholds.</p>` : figureBlock('referral', svg, html`Share of affective conversations with each referral (95% interval).`)}
  ${supportTable(d.groups, KEYS, labels())}
</section>`;
}

function referralSpec(r: Report): TopLevelSpec {
  const d = r.referral;
  if (!d.available) return emptyChart('Referral is not available for this log.');
  const rows = supportRows(
    d.groups.find((g) => g.group === 'all_affective'),
    KEYS,
    labels(),
  );
  if (rows.length === 0)
    return emptyChart('Referral among affective conversations is below the privacy thresholds.');
  return barsWithWhiskers(
    rows,
    rows.map(() => ALL_AFFECTIVE_COLOUR),
    'Share of affective conversations (95% interval)',
    '.1%',
    'Referral to help among affective conversations',
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
