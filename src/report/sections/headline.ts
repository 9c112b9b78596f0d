/** Headline: the study's top numbers as cards. */

import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent, formatSigned } from '../format.js';
import { card, SUPPRESSED } from '../htmlParts.js';
import { groupColour } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

function headline(r: Report): Html {
  const a = r.prevalence.affective;
  const pb = r.pushback.allAffective;
  const sc = r.sentimentChange.allAffective;
  const companion = r.prevalence.categories.find((c) => c.category === 'companionship');
  const long = r.longConversations.affective;
  return html`<section id="headline" aria-label="Headline numbers">
  <h2>Headline</h2>
  <p class="lede">Shares are of all ${formatCount(r.prevalence.n)} analysed conversations unless stated; ranges are 95% intervals.</p>
  <div class="cards">
    ${card('Analysed conversations', formatCount(r.funnel.analysed), `${formatCount(r.funnel.read)} read, ${formatCount(r.funnel.quarantined)} quarantined, ${formatCount(r.funnel.excluded)} excluded`)}
    ${card('Affective conversations', formatPercent(a.share), `${formatCount(a.count)} conversations · ${formatInterval(a.interval.low, a.interval.high)}`, groupColour('all_affective'))}
    ${card(
      'Companionship',
      companion && !companion.suppressed ? formatPercent(companion.share) : SUPPRESSED,
      companion && !companion.suppressed
        ? `${formatCount(companion.count)} conversations · ${formatInterval(companion.interval.low, companion.interval.high)}`
        : 'below the privacy thresholds',
      groupColour('companionship'),
    )}
    ${card(
      'Pushback in affective conversations',
      pb.suppressed ? SUPPRESSED : formatPercent(pb.rate),
      pb.suppressed
        ? 'below the privacy thresholds'
        : `n=${formatCount(pb.n)} · ${formatInterval(pb.interval.low, pb.interval.high)}`,
    )}
    ${card(
      'Mean sentiment change',
      sc.suppressed ? SUPPRESSED : formatSigned(sc.meanChange),
      sc.suppressed
        ? 'too few long-enough conversations'
        : `n=${formatCount(sc.n)} · ${formatInterval(sc.interval.low, sc.interval.high, formatSigned)} · ${formatPercent(sc.distribution.betterShare)} ended better`,
    )}
    ${card(
      `Affective with ${r.longConversations.minHumanMessages}+ messages`,
      long.suppressed ? SUPPRESSED : formatPercent(long.share),
      long.suppressed
        ? 'below the privacy thresholds'
        : `${formatCount(long.count)} of ${formatCount(long.n)} affective conversations`,
    )}
  </div>
</section>`;
}

export const headlineSection: ReportSection = {
  id: 'headline',
  nav: 'Headline',
  html: (r) => headline(r),
};
