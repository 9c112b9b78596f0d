/**
 * How the figures were estimated: the method in plain words, the screening counts beside the report's
 * estimates, the calibration that corrected them, or what a cascade verified, what it cost against a
 * full run, and how the offline screen fared against the verifier on this log.
 */

import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent } from '../format.js';
import { asData } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { groupLabel } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

type Estimation = Report['estimation'];
type Share = Report['prevalence']['affective'];

/** One short sentence for the headline: which kind of number the reader is looking at. */
export function methodStatement(r: Report): Html | string {
  const t = msg().estimation;
  const e = r.estimation;
  if (e.method === 'cascade') return t.statementCascade;
  if (e.method === 'calibrated') return t.statementCalibrated(asData(e.calibration?.source ?? '—'));
  if (r.provenance.engine === 'offline') return t.statementOffline;
  return t.statementRaw(r.provenance.engine);
}

const fmtRate = (x: number) => formatPercent(x);

/** Screening counts beside the report's estimates, for the affective share and each category. */
function screeningRows(r: Report): { id: string; label: string; screening: Share; estimate: Share }[] {
  const s = r.prevalence.screening;
  if (!s) return [];
  const rows = [
    {
      id: 'affective',
      label: msg().estimation.affective,
      screening: s.affective,
      estimate: r.prevalence.affective,
    },
  ];
  for (const c of r.prevalence.categories) {
    const raw = s.categories.find((x) => x.category === c.category);
    if (!raw || raw.suppressed || c.suppressed) continue;
    rows.push({ id: c.category, label: groupLabel(c.category), screening: raw, estimate: c });
  }
  return rows;
}

function screeningTable(r: Report): Html | string {
  const rows = screeningRows(r);
  if (rows.length === 0) return '';
  const t = msg().estimation;
  return html`<h3>${t.screening}</h3>
  <div class="table-scroll"><table><thead><tr><th>${t.share}</th><th class="num">${t.screen}</th><th class="num">${t.estimate}</th><th>${t.interval}</th></tr></thead><tbody>${rows.map(
    (x) =>
      html`<tr><td>${x.label}</td><td class="num">${formatPercent(x.screening.share)}</td><td class="num">${formatPercent(x.estimate.share)}</td><td>${formatInterval(x.estimate.interval.low, x.estimate.interval.high)}</td></tr>`,
  )}</tbody></table></div>`;
}

function calibrationTable(c: NonNullable<Estimation['calibration']>): Html {
  const t = msg().estimation;
  return html`<h3>${t.calibration}</h3>
  <p>${t.calibrationText(c.engine, html`${asData(c.source)}`)}</p>
  ${ratesTable(
    t.facet,
    c.facets.map((f) => [t.facetName(f.facet), f]),
  )}
  ${
    c.domains.length > 1
      ? html`<p>${t.domainsText}</p>
  ${ratesTable(
    t.domain,
    c.domains.flatMap((d) =>
      d.facets.filter((f) => f.facet === 'affective').map((f) => [asData(d.name), f] as const),
    ),
  )}`
      : ''
  }`;
}

type Rates = NonNullable<Estimation['calibration']>['facets'][number];

function ratesTable(first: string, rows: readonly (readonly [Html | string, Rates])[]): Html {
  const t = msg().estimation;
  return html`<div class="table-scroll"><table><thead><tr><th>${first}</th><th class="num">${t.positives}</th><th class="num">${t.negatives}</th><th class="num">${t.tpr}</th><th class="num">${t.fpr}</th></tr></thead><tbody>${rows.map(
    ([name, f]) =>
      html`<tr><td>${name}</td><td class="num">${formatCount(f.positives)}</td><td class="num">${formatCount(f.negatives)}</td><td class="num">${fmtRate(f.tpr)}</td><td class="num">${fmtRate(f.fpr)}</td></tr>`,
  )}</tbody></table></div>`;
}

const usd = (x: number | null) => (x === null ? '—' : `$${x.toFixed(2)}`);

function cascadeBlock(c: NonNullable<Estimation['cascade']>): Html {
  const t = msg().estimation;
  const share = c.fullRunConversations === 0 ? 0 : c.verifiedConversations / c.fullRunConversations;
  return html`<h3>${t.cascade}</h3>
  <p>${t.cascadeText({
    screen: `${c.screen.engine} (${c.screen.version})`,
    verifier: `${c.verifier.engine} (${c.verifier.model}, ${c.verifier.promptVersion})`,
    verified: formatCount(c.verifiedConversations),
    total: formatCount(c.fullRunConversations),
    share: formatPercent(share),
    cost: usd(c.costUSD),
    fullCost: usd(c.fullRunCostUSD),
    chosen: c.rateChosen,
  })}</p>
  <div class="table-scroll"><table><thead><tr><th>${t.stratum}</th><th class="num">${t.conversations}</th><th class="num">${t.rate}</th><th class="num">${t.selected}</th><th class="num">${t.verified}</th><th class="num">${t.failed}</th></tr></thead><tbody>${c.strata.map(
    (s) =>
      html`<tr><td>${t.strata[s.name] ?? s.name}</td><td class="num">${formatCount(s.conversations)}</td><td class="num">${formatPercent(s.rate)}</td><td class="num">${formatCount(s.selected)}</td><td class="num">${formatCount(s.verified)}</td><td class="num">${formatCount(s.failed)}</td></tr>`,
  )}</tbody></table></div>
  ${
    c.agreement.length === 0
      ? ''
      : html`<h3>${t.agreement}</h3>
  <p>${t.agreementText}</p>
  <div class="table-scroll"><table><thead><tr><th>${t.facet}</th><th class="num">${t.recall}</th><th>${t.interval}</th><th class="num">${t.precision}</th><th>${t.interval}</th></tr></thead><tbody>${c.agreement.map(
    (a) =>
      html`<tr><td>${t.facetName(a.facet)}</td><td class="num">${formatPercent(a.recall.rate)}</td><td>${formatInterval(a.recall.interval.low, a.recall.interval.high)}</td><td class="num">${formatPercent(a.precision.rate)}</td><td>${formatInterval(a.precision.interval.low, a.precision.interval.high)}</td></tr>`,
  )}</tbody></table></div>`
  }`;
}

function estimationHtml(r: Report): Html {
  const e = r.estimation;
  const t = msg().estimation;
  return html`<section id="estimation">
  <h2>${t.heading}</h2>
  <p><strong>${t.method}: ${t.methodNames[e.method]}.</strong> ${t.summary(e, r.provenance.engine)}</p>
  ${
    e.uncorrected.length === 0
      ? ''
      : html`<p class="note">${t.leftRaw} ${e.uncorrected.map((u, i) => html`${i === 0 ? '' : t.listSeparator}<strong>${t.facetName(u.facet)}</strong>${t.parenthesis(t.uncorrectedReason(u.reason))}`)}${t.fullStop}</p>`
  }
  ${screeningTable(r)}
  ${e.calibration ? calibrationTable(e.calibration) : ''}
  ${e.cascade ? cascadeBlock(e.cascade) : ''}
</section>`;
}

/** The screen's raw shares beside the report's estimates (empty when the report's figures are raw). */
function screeningCsv(r: Report): string {
  return csvTable(
    ['share', 'screening_share', 'estimate_share', 'ci_low', 'ci_high', 'method'],
    screeningRows(r).map((x) => [
      x.id,
      x.screening.share,
      x.estimate.share,
      x.estimate.interval.low,
      x.estimate.interval.high,
      x.estimate.method,
    ]),
  );
}

/** The calibration's measured rates, pooled ('all') and per kind of traffic (empty without calibration). */
function calibrationCsv(r: Report): string {
  const c = r.estimation.calibration;
  const rows: Cell[][] = [];
  const add = (domain: string, facets: readonly Rates[]) => {
    for (const f of facets)
      rows.push([c?.source ?? '', domain, f.facet, f.positives, f.negatives, f.tpr, f.fpr]);
  };
  add('all', c?.facets ?? []);
  for (const d of c?.domains ?? []) add(d.name, d.facets);
  return csvTable(['calibration_set', 'domain', 'facet', 'positives', 'negatives', 'tpr', 'fpr'], rows);
}

/** The cascade's strata, with the cost of the cascade and of a full run (empty without a cascade). */
function cascadeCsv(r: Report): string {
  const c = r.estimation.cascade;
  const rows: Cell[][] = (c?.strata ?? []).map((s) => [
    s.name,
    s.conversations,
    s.rate,
    s.selected,
    s.verified,
    s.failed,
    null,
  ]);
  if (c) {
    rows.push([
      'all_verified',
      c.verifiedConversations,
      null,
      null,
      c.verifiedConversations,
      null,
      c.costUSD,
    ]);
    rows.push(['full_run', c.fullRunConversations, null, null, null, null, c.fullRunCostUSD]);
  }
  return csvTable(['stratum', 'conversations', 'rate', 'selected', 'verified', 'failed', 'cost_usd'], rows);
}

/** The screen against the verifier on this log (empty without a cascade). */
function agreementCsv(r: Report): string {
  const rows: Cell[][] = [];
  for (const a of r.estimation.cascade?.agreement ?? [])
    for (const [measure, x] of [
      ['recall', a.recall],
      ['precision', a.precision],
    ] as const)
      rows.push([a.facet, measure, x.count, x.n, x.rate, x.interval.low, x.interval.high]);
  return csvTable(['facet', 'measure', 'count', 'n', 'rate', 'ci_low', 'ci_high'], rows);
}

export const estimationSection: ReportSection = {
  id: 'estimation',
  nav: 'Estimation',
  html: (r) => estimationHtml(r),
  csv: {
    'estimation_screening.csv': screeningCsv,
    'estimation_calibration.csv': calibrationCsv,
    'estimation_cascade.csv': cascadeCsv,
    'estimation_agreement.csv': agreementCsv,
  },
};
