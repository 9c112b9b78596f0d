/** The privacy section: thresholds, the gates that ran and what each removed. */

import { type Html, html } from '../escape.js';
import { formatCount } from '../format.js';
import { msg } from '../i18n/reportLanguage.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';
import { userIdNotice } from '../withheld.js';

/** The gates in page order (their words are in the report's message catalogue). */
const GATE_TEXT: Record<keyof Report['privacy']['gates'], string> = {
  clustersMergedByThreshold: 'Topic clusters merged into their parent or removed for being too small',
  conversationsSuppressedByThreshold:
    'Conversations in groups too small to describe (counted, not described)',
  textsDroppedByPiiDetector:
    'Texts (names, descriptions, reasons) dropped by the PII detector (names of people or organisations, contact details, ids)',
  textsDroppedByVocabulary: 'Texts dropped for a word outside general English and the curated domain terms',
  textsDroppedBySupport:
    'Texts dropped for a condition, medication, app or number too few genuinely different conversations mention (near-duplicates count once)',
  textsDroppedByEcho:
    'Texts dropped for repeating a summary, or a run of its words, that too few people wrote',
  textsDroppedByAudit:
    'Texts the privacy audit judged and rated below 3 of 5 (after passing every check above)',
  numbersSuppressedByThreshold: 'Figures withheld because their group was below the thresholds',
};

function privacyHtml(r: Report): Html {
  const pr = r.privacy;
  const t = msg().privacy;
  return html`<section id="privacy">
  <h2>${t.heading}</h2>
  <p class="lede">${t.lede(formatCount(pr.thresholds.minUsers), formatCount(pr.thresholds.minConversations))}</p>
  ${userIdNotice(r)}
  <dl class="kv">
    <dt>${t.gatesRun}</dt><dd>${pr.gatesRun.length === 0 ? html`<span class="suppressed">${t.noneRecorded}</span>` : pr.gatesRun.map((g, i) => html`${i > 0 ? msg().parts.listSeparator : ''}${t.gateRun(g)}`)}</dd>
  </dl>
  <div class="table-scroll"><table><thead><tr><th>${t.removed}</th><th class="num">${msg().parts.count}</th></tr></thead><tbody>
  ${(Object.keys(GATE_TEXT) as (keyof typeof GATE_TEXT)[]).map((k) => html`<tr><td>${t.gates[k]}</td><td class="num">${formatCount(pr.gates[k])}</td></tr>`)}
  </tbody></table></div>
  <p>${t.closing}</p>
</section>`;
}

export const privacySection: ReportSection = {
  id: 'privacy',
  nav: 'Privacy',
  html: (r) => privacyHtml(r),
};
