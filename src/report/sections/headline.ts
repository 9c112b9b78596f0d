/** Headline: the study's top numbers as cards, with what the reader must know about the input first. */

import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent, formatSigned } from '../format.js';
import { card } from '../htmlParts.js';
import { groupColour } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';
import { belowWords, userIdNotice } from '../withheld.js';
import { methodStatement } from './estimation.js';

/** Notes the input files carry about themselves (`<file>.about.txt`), e.g. that a sample is synthetic. */
function aboutNotice(r: Report): Html | string {
  const notes = r.provenance.inputs.filter((i) => i.about);
  if (notes.length === 0) return '';
  return html`${notes.map(
    (i) =>
      html`<p class="note" data-notice="about-input"><strong>About ${i.file}</strong> (its own note): ${i.about}</p>`,
  )}`;
}

function selectionText(r: Report): string {
  const p = r.provenance.parameters;
  if (typeof p.limit === 'number') return ` · the first ${formatCount(p.limit)} only (--limit)`;
  if (typeof p.sample === 'number') return ` · a random sample of ${formatCount(p.sample)} (--sample)`;
  return '';
}

const WITHHELD = html`<span class="suppressed">suppressed</span>`;

function headline(r: Report): Html {
  const a = r.prevalence.affective;
  const pb = r.pushback.allAffective;
  const pbAll = r.overall.pushback;
  const sc = r.sentimentChange.allAffective;
  const companion = r.prevalence.categories.find((c) => c.category === 'companionship');
  const cr = r.overall.companionshipOrRoleplay;
  const long = r.longConversations.affective;
  const synthetic = r.provenance.inputs.some((i) => i.about);
  // A withheld card says so in its value and names the thresholds underneath.
  const below = belowWords(r);
  return html`<section id="headline" aria-label="Headline numbers">
  <h2>Headline</h2>
  <p class="lede">Shares are of all ${formatCount(r.prevalence.n)} analysed conversations unless stated; ranges are 95% intervals. <span data-notice="method">${methodStatement(r)}</span></p>
  ${aboutNotice(r)}
  ${userIdNotice(r)}
  <div class="cards">
    ${card('Analysed conversations', formatCount(r.funnel.analysed), `${formatCount(r.funnel.read)} read, ${formatCount(r.funnel.quarantined)} quarantined, ${formatCount(r.funnel.excluded)} excluded${selectionText(r)}`)}
    ${card('Affective conversations', formatPercent(a.share), html`${formatCount(a.count)} conversations · ${formatInterval(a.interval.low, a.interval.high)}${synthetic ? html`<br>read it with the note about the input above` : ''}`, groupColour('all_affective'))}
    ${card(
      'Companionship or romantic roleplay',
      cr.suppressed ? WITHHELD : formatPercent(cr.share),
      cr.suppressed
        ? `${below} behind it, or behind its difference with a figure shown (e.g. roleplay alone)`
        : `${formatCount(cr.count)} conversations · ${formatInterval(cr.interval.low, cr.interval.high)} · the two together`,
      groupColour('companionship'),
    )}
    ${card(
      'Companionship',
      !companion ? '—' : companion.suppressed ? WITHHELD : formatPercent(companion.share),
      companion && !companion.suppressed
        ? `${formatCount(companion.count)} conversations · ${formatInterval(companion.interval.low, companion.interval.high)}`
        : `${below} behind it`,
      groupColour('companionship'),
    )}
    ${card(
      'Pushback in all conversations',
      formatPercent(pbAll.share),
      `${formatCount(pbAll.count)} of ${formatCount(pbAll.n)} · ${formatInterval(pbAll.interval.low, pbAll.interval.high)}`,
    )}
    ${card(
      'Pushback in affective conversations',
      pb.suppressed ? WITHHELD : 'rate' in pb ? formatPercent(pb.rate) : '—',
      pb.suppressed
        ? `${below} behind it`
        : 'rate' in pb
          ? `${formatCount(pb.pushback)} of ${formatCount(pb.n)} · ${formatInterval(pb.interval.low, pb.interval.high)}`
          : 'no affective conversations',
    )}
    ${card(
      'Mean sentiment change',
      sc.suppressed ? WITHHELD : 'meanChange' in sc ? formatSigned(sc.meanChange) : '—',
      sc.suppressed
        ? `${below} with ${r.sentimentChange.minHumanMessages}+ human messages behind it`
        : 'meanChange' in sc
          ? `n=${formatCount(sc.n)} · ${formatInterval(sc.interval.low, sc.interval.high, formatSigned)} · ${formatPercent(sc.distribution.betterShare)} ended better`
          : `no affective conversation has ${r.sentimentChange.minHumanMessages}+ human messages`,
    )}
    ${card(
      `Affective with ${r.longConversations.minHumanMessages}+ messages`,
      long.suppressed ? WITHHELD : formatPercent(long.share),
      long.suppressed
        ? `${below} behind it`
        : `${formatCount(long.count)} of ${formatCount(long.n)} affective conversations`,
    )}
  </div>
</section>`;
}

/** The whole-log headline figures (report.json `overall`) as a table. */
function overallCsv(r: Report): string {
  const o = r.overall;
  const n = r.funnel.analysed;
  const c = o.companionshipOrRoleplay;
  const rows: Cell[][] = [
    [
      'pushback_all_conversations',
      false,
      o.pushback.count,
      o.pushback.n,
      o.pushback.share,
      o.pushback.interval.low,
      o.pushback.interval.high,
    ],
    c.suppressed
      ? ['companionship_or_roleplay', true, null, null, null, null, null]
      : ['companionship_or_roleplay', false, c.count, c.n, c.share, c.interval.low, c.interval.high],
    [
      'conversations_without_user_id',
      false,
      o.conversationsWithoutUserId,
      n,
      n === 0 ? 0 : o.conversationsWithoutUserId / n,
      null,
      null,
    ],
  ];
  return csvTable(['figure', 'suppressed', 'conversations', 'n', 'share', 'ci_low', 'ci_high'], rows);
}

export const headlineSection: ReportSection = {
  id: 'headline',
  nav: 'Headline',
  html: (r) => headline(r),
  csv: { 'overall.csv': overallCsv },
};
