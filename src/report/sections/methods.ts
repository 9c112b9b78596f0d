/** Methods and limits, and the accuracy the engine vouches for. */

import { type Html, html } from '../escape.js';
import { formatCount } from '../format.js';
import { msg } from '../i18n/reportLanguage.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

/** What the prevalence interval carries, by the run's estimation method. */
function prevalenceIntervalWords(r: Report): string {
  const m = r.estimation.method;
  if (m === 'cascade')
    return 'The range is a 95% interval from seeded draws of a stratified two-phase estimator: it carries the sampling of conversations for verification and the verifier’s labels, not the verifier’s own mistakes (see How the figures were estimated).';
  if (m === 'calibrated')
    return 'The range is a 95% interval from seeded draws that carry both sampling noise and the uncertainty of the offline engine’s error rates measured on the calibration set (see How the figures were estimated).';
  return 'The range is a 95% Wilson interval: it reflects sampling noise only, not classifier mistakes.';
}

function methodsHtml(r: Report): Html {
  const v = r.provenance.validation;
  const s = r.sentimentChange;
  return html`<section id="methods" class="methods">
  <h2>${msg().methods.heading}</h2>
  <h3>${msg().methods.meaning}</h3>
  <ul>
    <li><strong>Affective conversation</strong>: the classifier found at least one of five kinds of use — interpersonal advice, coaching, psychotherapy or counseling, companionship, romantic or sexual roleplay. Conversations where the assistant is used as a writing tool (a story, a post, a fictional dialogue) are never counted, even when their content is emotional. Romantic or sexual roleplay counts only from ${r.funnel.roleplayMinHumanMessages} human messages on.</li>
    <li><strong>Prevalence</strong> is a share of <em>all</em> analysed conversations, not of affective ones. ${prevalenceIntervalWords(r)}</li>
    <li><strong>Topics</strong> are clusters of short summaries written without identifying details; their names are machine-written descriptions of the group.</li>
    <li><strong>Pushback rate</strong> is the share of a group's conversations in which the assistant declined or challenged the user; reasons are classes the classifier assigned.</li>
    <li><strong>Sentiment change</strong> uses conversations with at least ${s.minHumanMessages} human messages; each human message is rated from very negative (−1) to very positive (+1); the change is the mean of the last ${s.window} minus the mean of the first ${s.window}. The interval is a 95% percentile bootstrap over conversations (${formatCount(s.resamples)} resamples, seed ${s.seed}). “Same” means a change within ±${s.sameBand}; since one message moving one step changes the mean by 1/6, that is “no change at all”.</li>
  </ul>
  <h3>${msg().methods.limits}</h3>
  <ul>
    <li>These are measurements of <strong>expressed language</strong>, not of anyone's emotional state or wellbeing. People write more politely as they wrap up, and a change within a conversation says nothing about the days after it.</li>
    <li>There is no comparison group: a positive change does not show that the assistant caused it.</li>
    <li>Conversations that reach ${s.minHumanMessages} messages are a selected subset; the sentiment figures describe them, not all conversations.</li>
    <li>Intervals treat conversations as independent; several conversations from the same person are not, so the true uncertainty can be wider.</li>
    <li>The figures describe this log, not every user of the assistant.</li>
    <li>Every figure is only as good as the classifier behind it.</li>
  </ul>
  <h3>${msg().methods.accuracy}</h3>
  ${
    v
      ? html`<p>${v.summary}${v.source ? html` <span class="suppressed">(${v.source})</span>` : ''}</p>
  ${v.metrics.length > 0 ? accuracyTable(v.metrics) : ''}`
      : html`<p class="note">The classifier was <strong>not validated in this run</strong>. Its accuracy on your data is unknown until it is scored against human labels: run <code>affectlens validate</code> on a labelled sample and read these figures in that light.</p>`
  }
</section>`;
}

type Metric = NonNullable<Report['provenance']['validation']>['metrics'][number];

/** The accuracy figures; the n column only when some figure says what it was measured on. */
function accuracyTable(metrics: readonly Metric[]): Html {
  const withN = metrics.some((m) => m.n !== undefined);
  return html`<div class="table-scroll"><table><thead><tr><th>${msg().methods.facet}</th><th>${msg().methods.metric}</th><th class="num">${msg().methods.value}</th>${withN ? html`<th class="num">n</th>` : ''}</tr></thead><tbody>${metrics.map(
    (m) =>
      html`<tr><td>${m.facet}</td><td>${m.metric}</td><td class="num">${m.value.toFixed(3)}</td>${withN ? html`<td class="num">${m.n === undefined ? '—' : formatCount(m.n)}</td>` : ''}</tr>`,
  )}</tbody></table></div>`;
}

export const methodsSection: ReportSection = {
  id: 'methods',
  nav: 'Methods',
  html: (r) => methodsHtml(r),
};
