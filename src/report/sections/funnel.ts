/** The funnel: where every conversation read went (and funnel.csv). */

import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount } from '../format.js';
import { msg } from '../i18n/reportLanguage.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

function funnelHtml(r: Report): Html {
  const f = r.funnel;
  const max = Math.max(1, f.read);
  const row = (label: string, n: number, out = false) =>
    html`<div class="row${out ? ' out' : ''}"><div>${label}</div><div class="bar"><span style="width: ${((100 * n) / max).toFixed(2)}%"></span></div><div class="count">${formatCount(n)}</div></div>`;
  const reasons = Object.entries(f.quarantineReasons);
  const t = msg().funnel;
  return html`<section id="funnel">
  <h2>${t.heading}</h2>
  <p class="lede">${t.lede(formatCount(f.read), formatCount(f.analysed), formatCount(f.excluded), formatCount(f.quarantined))}</p>
  <div class="funnel">
    ${row(t.read, f.read)}
    ${row(t.quarantined, f.quarantined, true)}
    ${row(t.errors, f.errors, true)}
    ${f.notAnalysed > 0 ? row(t.notAnalysed, f.notAnalysed, true) : ''}
    ${row(t.analysed, f.analysed)}
    ${row(t.contentCreation, f.contentCreation, true)}
    ${row(t.anyAffective, f.affectiveBeforeRoleplayRule)}
    ${row(t.roleplayRule(f.roleplayMinHumanMessages), f.droppedByRoleplayRule, true)}
    ${row(t.affective, f.affective)}
  </div>
  ${duplicateWarning(f.duplicateIds)}${f.insufficientInput > 0 ? html`<p class="suppressed">${t.insufficient(formatCount(f.insufficientInput))}</p>` : ''}
  ${reasons.length > 0 ? html`<details class="numbers"><summary>${t.quarantineReasons}</summary><div class="table-scroll"><table><tbody>${reasons.map(([k, v]) => html`<tr><td>${msg().parts.quarantineReason(k)}</td><td class="num">${formatCount(v)}</td></tr>`)}</tbody></table></div></details>` : ''}
</section>`;
}

/** Conversations whose id repeated an earlier one (a log read twice?); nothing when there are none. */
function duplicateWarning(n: number): Html | '' {
  if (n === 0) return '';
  return html`<p class="suppressed">${msg().funnel.duplicates(n, formatCount(n))}</p>
  `;
}

function funnelCsv(r: Report): string {
  const f = r.funnel;
  const rows: Cell[][] = [
    ['read', f.read],
    ['quarantined', f.quarantined],
    ['duplicate_ids', f.duplicateIds],
    ['excluded', f.excluded],
    ['excluded_errors', f.errors],
    ['excluded_not_analysed', f.notAnalysed],
    ['analysed', f.analysed],
    ['insufficient_input', f.insufficientInput],
    ['content_creation', f.contentCreation],
    ['affective_before_roleplay_rule', f.affectiveBeforeRoleplayRule],
    ['dropped_by_roleplay_rule', f.droppedByRoleplayRule],
    ['affective', f.affective],
  ];
  return csvTable(['stage', 'conversations'], rows);
}

export const funnelSection: ReportSection = {
  id: 'funnel',
  nav: 'Funnel',
  html: (r) => funnelHtml(r),
  csv: { 'funnel.csv': funnelCsv },
};
