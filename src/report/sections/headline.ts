/** Headline: the study's top numbers as cards, with what the reader must know about the input first. */

import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent, formatSigned } from '../format.js';
import { asData, card } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
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
      html`<p class="note" data-notice="about-input">${msg().headline.about(i.file)} ${asData(i.about ?? '')}</p>`,
  )}`;
}

function selectionText(r: Report): string {
  const p = r.provenance.parameters;
  if (typeof p.limit === 'number') return msg().headline.limit(formatCount(p.limit));
  if (typeof p.sample === 'number') return msg().headline.sample(formatCount(p.sample));
  return '';
}

function headline(r: Report): Html {
  const t = msg();
  const h = t.headline;
  const WITHHELD = html`<span class="suppressed">${t.withheld.mark}</span>`;
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
  return html`<section id="headline" aria-label="${h.aria}">
  <h2>${h.heading}</h2>
  <p class="lede">${h.lede(formatCount(r.prevalence.n))} <span data-notice="method">${methodStatement(r)}</span></p>
  ${aboutNotice(r)}
  ${userIdNotice(r)}
  <div class="cards">
    ${card(h.analysed, formatCount(r.funnel.analysed), `${h.analysedSub(formatCount(r.funnel.read), formatCount(r.funnel.quarantined), formatCount(r.funnel.excluded))}${selectionText(r)}`)}
    ${card(h.affective, formatPercent(a.share), html`${t.parts.conversations(formatCount(a.count))} · ${formatInterval(a.interval.low, a.interval.high)}${synthetic ? html`<br>${h.readWithNote}` : ''}`, groupColour('all_affective'))}
    ${card(
      h.companionshipOrRoleplay,
      cr.suppressed ? WITHHELD : formatPercent(cr.share),
      cr.suppressed
        ? h.companionshipOrRoleplayWithheld(below)
        : `${t.parts.conversations(formatCount(cr.count))} · ${formatInterval(cr.interval.low, cr.interval.high)} · ${h.together}`,
      groupColour('companionship'),
    )}
    ${card(
      h.companionship,
      !companion ? '—' : companion.suppressed ? WITHHELD : formatPercent(companion.share),
      companion && !companion.suppressed
        ? `${t.parts.conversations(formatCount(companion.count))} · ${formatInterval(companion.interval.low, companion.interval.high)}`
        : h.behindIt(below),
      groupColour('companionship'),
    )}
    ${card(
      h.pushbackAll,
      formatPercent(pbAll.share),
      `${h.of(formatCount(pbAll.count), formatCount(pbAll.n))} · ${formatInterval(pbAll.interval.low, pbAll.interval.high)}`,
    )}
    ${card(
      h.pushbackAffective,
      pb.suppressed ? WITHHELD : 'rate' in pb ? formatPercent(pb.rate) : '—',
      pb.suppressed
        ? h.behindIt(below)
        : 'rate' in pb
          ? `${h.of(formatCount(pb.pushback), formatCount(pb.n))} · ${formatInterval(pb.interval.low, pb.interval.high)}`
          : h.noAffective,
    )}
    ${card(
      h.sentiment,
      sc.suppressed ? WITHHELD : 'meanChange' in sc ? formatSigned(sc.meanChange) : '—',
      sc.suppressed
        ? h.sentimentWithheld(below, r.sentimentChange.minHumanMessages)
        : 'meanChange' in sc
          ? `n=${formatCount(sc.n)} · ${formatInterval(sc.interval.low, sc.interval.high, formatSigned)} · ${h.endedBetter(formatPercent(sc.distribution.betterShare))}`
          : h.noLong(r.sentimentChange.minHumanMessages),
    )}
    ${card(
      h.longAffective(r.longConversations.minHumanMessages),
      long.suppressed ? WITHHELD : formatPercent(long.share),
      long.suppressed ? h.behindIt(below) : h.ofAffective(formatCount(long.count), formatCount(long.n)),
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
