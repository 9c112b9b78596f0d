/** Per-user counts (only when the log has user ids). */

import { type Html, html } from '../escape.js';
import { formatCount, formatPercent } from '../format.js';
import { SUPPRESSED } from '../htmlParts.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

function usersHtml(r: Report): Html | string {
  const u = r.perUser;
  if (!u) return '';
  return html`<section id="users">
  <h2>Per user</h2>
  <p class="lede">Counts only. Conversations without a user id count as their own user.</p>
  <dl class="kv">
    <dt>Distinct users</dt><dd>${formatCount(u.users)}</dd>
    <dt>Users with any affective conversation</dt><dd>${u.usersWithAffective.suppressed ? SUPPRESSED : html`${formatCount(u.usersWithAffective.count)} (${formatPercent(u.usersWithAffective.share)} of users)`}</dd>
    <dt>Concentration</dt><dd>${
      u.concentration.suppressed
        ? html`${SUPPRESSED} <span class="suppressed">(the top 1% of users is too small a group to describe)</span>`
        : html`The top ${formatCount(u.concentration.topUsers)} users (top 1%) account for ${formatPercent(u.concentration.share)} of affective conversations.`
    }</dd>
  </dl>
</section>`;
}

export const usersSection: ReportSection = {
  id: 'users',
  html: (r) => usersHtml(r),
};
