/** The privacy section: thresholds, the gates that ran and what each removed. */

import { type Html, html } from '../escape.js';
import { formatCount } from '../format.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';
import { userIdNotice } from '../withheld.js';

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
  return html`<section id="privacy">
  <h2>Privacy</h2>
  <p class="lede">Every number and cluster in a breakdown rests on at least <strong>${formatCount(pr.thresholds.minUsers)}</strong> distinct users and <strong>${formatCount(pr.thresholds.minConversations)}</strong> conversations; smaller groups are withheld (shown as “suppressed”) and counted below. A group with no conversation at all is shown as 0. Totals over all conversations are always shown.</p>
  ${userIdNotice(r)}
  <dl class="kv">
    <dt>Gates run</dt><dd>${pr.gatesRun.length === 0 ? html`<span class="suppressed">none recorded</span>` : pr.gatesRun.join(', ')}</dd>
  </dl>
  <div class="table-scroll"><table><thead><tr><th>What each gate removed</th><th class="num">Count</th></tr></thead><tbody>
  ${(Object.keys(GATE_TEXT) as (keyof typeof GATE_TEXT)[]).map((k) => html`<tr><td>${GATE_TEXT[k]}</td><td class="num">${formatCount(pr.gates[k])}</td></tr>`)}
  </tbody></table></div>
  <p>No conversation text, summary or identifier appears in this report. Cluster names and descriptions describe groups and passed, in order, the PII detector, the vocabulary check, the support rule, the echo rule and the privacy audit before they were written here; each text withheld is counted once, under the first check that stopped it.</p>
</section>`;
}

export const privacySection: ReportSection = {
  id: 'privacy',
  nav: 'Privacy',
  html: (r) => privacyHtml(r),
};
