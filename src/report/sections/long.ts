/** Very long conversations: how many, and their topics. */
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent } from '../format.js';
import { explorer } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { groupColour } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';
import { withheldText } from '../withheld.js';

function shareText(r: Report, x: Report['longConversations']['all'], of: string): Html {
  if (x.suppressed) return withheldText(r);
  return msg().long.share(
    html`<strong>${formatCount(x.count)}</strong>`,
    formatPercent(x.share),
    formatCount(x.n),
    of,
    formatInterval(x.interval.low, x.interval.high),
  );
}

function longHtml(r: Report): Html {
  const l = r.longConversations;
  const t = msg().long;
  return html`<section id="long">
  <h2>${t.heading}</h2>
  <p class="lede">${t.lede(l.minHumanMessages)}</p>
  <dl class="kv">
    <dt>${t.all}</dt><dd>${shareText(r, l.all, t.ofAnalysed)}</dd>
    <dt>${t.affective}</dt><dd>${shareText(r, l.affective, t.ofAffective)}</dd>
  </dl>
  ${l.topics ? explorer(l.topics, t.topics, groupColour('all_affective')) : html`<p class="suppressed">${t.notClustered}</p>`}
</section>`;
}

export const longSection: ReportSection = {
  id: 'long',
  nav: 'Long conversations',
  html: (r) => longHtml(r),
};
