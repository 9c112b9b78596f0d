/** Very long conversations: how many, and their topics. */
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent } from '../format.js';
import { explorer } from '../htmlParts.js';
import { groupColour } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';
import { withheldText } from '../withheld.js';

function shareText(r: Report, x: Report['longConversations']['all'], of: string): Html {
  if (x.suppressed) return withheldText(r);
  return html`<strong>${formatCount(x.count)}</strong> (${formatPercent(x.share)} of ${formatCount(x.n)} ${of}; ${formatInterval(x.interval.low, x.interval.high)})`;
}

function longHtml(r: Report): Html {
  const l = r.longConversations;
  return html`<section id="long">
  <h2>Very long conversations</h2>
  <p class="lede">Conversations with ${l.minHumanMessages} or more human messages.</p>
  <dl class="kv">
    <dt>All conversations</dt><dd>${shareText(r, l.all, 'analysed conversations')}</dd>
    <dt>Affective conversations</dt><dd>${shareText(r, l.affective, 'affective conversations')}</dd>
  </dl>
  ${l.topics ? explorer(l.topics, 'Topics of very long conversations', groupColour('all_affective')) : html`<p class="suppressed">Topics of long conversations were not clustered in this run.</p>`}
</section>`;
}

export const longSection: ReportSection = {
  id: 'long',
  nav: 'Long conversations',
  html: (r) => longHtml(r),
};
