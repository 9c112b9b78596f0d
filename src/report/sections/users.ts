/** Per-user counts: shown when the log has user ids, and said so when it has none. */

import { type Html, html } from '../escape.js';
import { formatCount, formatPercent } from '../format.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';
import { withheldText } from '../withheld.js';

function usersHtml(r: Report): Html {
  const u = r.perUser;
  if (!u) {
    return html`<section id="users">
  <h2>Per user</h2>
  <p class="suppressed" data-notice="no-per-user">Not available: no conversation in this log carries a user id, so nothing can be counted per person. Every conversation counts as its own user in the privacy thresholds.</p>
</section>`;
  }
  const w = u.usersWithAffective;
  const c = u.concentration;
  return html`<section id="users">
  <h2>Per user</h2>
  <p class="lede">Counts only. Conversations without a user id count as their own user.</p>
  <dl class="kv">
    <dt>Distinct users</dt><dd>${formatCount(u.users)}</dd>
    <dt>Users with any affective conversation</dt><dd>${w.suppressed ? withheldText(r) : html`${formatCount(w.count)} (${formatPercent(w.share)} of users)`}</dd>
    <dt>Concentration</dt><dd>${
      c.suppressed
        ? html`${withheldText(r)} <span class="suppressed">(the top 1% of users is too small a group to describe)</span>`
        : c.topUsers === 0
          ? 'No user had an affective conversation.'
          : html`The top ${formatCount(c.topUsers)} users (top 1%) account for ${formatPercent(c.share)} of affective conversations.`
    }</dd>
  </dl>
</section>`;
}

export const usersSection: ReportSection = {
  id: 'users',
  nav: 'Per user',
  html: (r) => usersHtml(r),
};
