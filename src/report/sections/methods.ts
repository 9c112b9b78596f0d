/** Methods and limits, and the accuracy the engine vouches for. */

import { type Html, html } from '../escape.js';
import { formatCount } from '../format.js';
import { asData } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

/** What the prevalence interval carries, by the run's estimation method. */
function prevalenceIntervalWords(r: Report): string {
  const m = r.estimation.method;
  const t = msg().methods;
  if (m === 'cascade') return t.intervalCascade;
  if (m === 'calibrated') return t.intervalCalibrated;
  return t.intervalWilson;
}

function methodsHtml(r: Report): Html {
  const v = r.provenance.validation;
  const s = r.sentimentChange;
  const t = msg().methods;
  return html`<section id="methods" class="methods">
  <h2>${t.heading}</h2>
  <h3>${t.meaning}</h3>
  <ul>
    <li>${t.affective(r.funnel.roleplayMinHumanMessages)}</li>
    <li>${t.prevalence(prevalenceIntervalWords(r))}</li>
    <li>${t.topics}</li>
    <li>${t.pushback}</li>
    <li>${t.sentiment({ min: s.minHumanMessages, window: s.window, resamples: formatCount(s.resamples), seed: s.seed, band: s.sameBand })}</li>
  </ul>
  <h3>${t.limits}</h3>
  <ul>
    ${t.limitsList(s.minHumanMessages).map((x, i) => html`${i === 0 ? '' : '\n    '}<li>${x}</li>`)}
  </ul>
  <h3>${t.accuracy}</h3>
  ${
    v
      ? html`<p>${asData(v.summary)}${v.source ? html` <span class="suppressed">(${asData(v.source)})</span>` : ''}</p>
  ${v.metrics.length > 0 ? accuracyTable(v.metrics) : ''}`
      : html`<p class="note">${t.notValidated}</p>`
  }
</section>`;
}

type Metric = NonNullable<Report['provenance']['validation']>['metrics'][number];

/** The accuracy figures; the n column only when some figure says what it was measured on. */
function accuracyTable(metrics: readonly Metric[]): Html {
  const withN = metrics.some((m) => m.n !== undefined);
  return html`<div class="table-scroll"><table><thead><tr><th>${msg().methods.facet}</th><th>${msg().methods.metric}</th><th class="num">${msg().methods.value}</th>${withN ? html`<th class="num">n</th>` : ''}</tr></thead><tbody>${metrics.map(
    (m) =>
      html`<tr><td>${msg().estimation.facetName(m.facet)}</td><td>${asData(m.metric)}</td><td class="num">${m.value.toFixed(3)}</td>${withN ? html`<td class="num">${m.n === undefined ? '—' : formatCount(m.n)}</td>` : ''}</tr>`,
  )}</tbody></table></div>`;
}

export const methodsSection: ReportSection = {
  id: 'methods',
  nav: 'Methods',
  html: (r) => methodsHtml(r),
};
