/**
 * How the figures were estimated: the method in plain words, the screening counts beside the report's
 * estimates, the calibration that corrected them, or what a cascade verified, what it cost against a
 * full run, and how the offline screen fared against the verifier on this log.
 */

import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent } from '../format.js';
import { groupLabel } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

type Estimation = Report['estimation'];
type Share = Report['prevalence']['affective'];

const METHOD_NAMES: Record<Estimation['method'], string> = {
  raw: 'as classified (screening figures)',
  calibrated: 'corrected for the offline engine’s measured error rates',
  cascade: 'LLM-verified two-phase estimates',
};

/** One short sentence for the headline: which kind of number the reader is looking at. */
export function methodStatement(r: Report): string {
  const e = r.estimation;
  if (e.method === 'cascade')
    return 'Shares and rates are LLM-verified two-phase estimates (see How the figures were estimated).';
  if (e.method === 'calibrated')
    return `Shares are offline screening counts corrected for the engine's measured error rates (calibration: ${e.calibration?.source ?? 'unnamed'}).`;
  if (r.provenance.engine === 'offline')
    return 'Shares are offline screening estimates, not corrected for the engine’s errors: no calibration was available.';
  return `Shares are counts as ${r.provenance.engine} classified them; its errors are not corrected.`;
}

const fmtRate = (x: number) => formatPercent(x);

/** Screening counts beside the report's estimates, for the affective share and each category. */
function screeningRows(r: Report): { id: string; label: string; screening: Share; estimate: Share }[] {
  const s = r.prevalence.screening;
  if (!s) return [];
  const rows = [
    {
      id: 'affective',
      label: 'Affective (any category)',
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
  return html`<h3>Screening counts beside the estimates</h3>
  <div class="table-scroll"><table><thead><tr><th>Share of all conversations</th><th class="num">Offline screen (raw)</th><th class="num">Report’s estimate</th><th>95% interval</th></tr></thead><tbody>${rows.map(
    (x) =>
      html`<tr><td>${x.label}</td><td class="num">${formatPercent(x.screening.share)}</td><td class="num">${formatPercent(x.estimate.share)}</td><td>${formatInterval(x.estimate.interval.low, x.estimate.interval.high)}</td></tr>`,
  )}</tbody></table></div>`;
}

function calibrationTable(c: NonNullable<Estimation['calibration']>): Html {
  return html`<h3>Calibration</h3>
  <p>Error rates of the ${c.engine} engine measured on <strong>${c.source}</strong>. The correction assumes your conversations resemble that set; where they do not (another domain, another language), the corrected share can be off in either direction.</p>
  ${ratesTable(
    'Facet',
    c.facets.map((f) => [f.facet, f]),
  )}
  ${
    c.domains.length > 1
      ? html`<p>The affective rates per kind of traffic: a corrected share draws its rates from each in turn, so its interval spans what they disagree on.</p>
  ${ratesTable(
    'Kind of traffic',
    c.domains.flatMap((d) =>
      d.facets.filter((f) => f.facet === 'affective').map((f) => [d.name, f] as const),
    ),
  )}`
      : ''
  }`;
}

type Rates = NonNullable<Estimation['calibration']>['facets'][number];

function ratesTable(first: string, rows: readonly (readonly [string, Rates])[]): Html {
  return html`<div class="table-scroll"><table><thead><tr><th>${first}</th><th class="num">Positives</th><th class="num">Negatives</th><th class="num">True-positive rate</th><th class="num">False-positive rate</th></tr></thead><tbody>${rows.map(
    ([name, f]) =>
      html`<tr><td>${name}</td><td class="num">${formatCount(f.positives)}</td><td class="num">${formatCount(f.negatives)}</td><td class="num">${fmtRate(f.tpr)}</td><td class="num">${fmtRate(f.fpr)}</td></tr>`,
  )}</tbody></table></div>`;
}

const STRATUM_NAMES: Record<string, string> = {
  candidates: 'Flagged by the screen for some figure (all verified)',
  near_misses: 'Near misses of the screen',
  rest: 'Everything else (seeded random sample)',
};

const usd = (x: number | null) => (x === null ? '—' : `$${x.toFixed(2)}`);

function cascadeBlock(c: NonNullable<Estimation['cascade']>): Html {
  const share = c.fullRunConversations === 0 ? 0 : c.verifiedConversations / c.fullRunConversations;
  return html`<h3>What the cascade verified</h3>
  <p>Screen: ${c.screen.engine} (${c.screen.version}). Verifier: ${c.verifier.engine} (${c.verifier.model}, prompt ${c.verifier.promptVersion}). ${formatCount(c.verifiedConversations)} of ${formatCount(c.fullRunConversations)} conversations verified (${formatPercent(share)}); cost ${usd(c.costUSD)} against ${usd(c.fullRunCostUSD)} for a full run at the same price per conversation. The sampling rate of the rest was ${c.rateChosen ? 'chosen by affectlens from the strata’s sizes' : 'given with --verify-rate'}.</p>
  <div class="table-scroll"><table><thead><tr><th>Stratum</th><th class="num">Conversations</th><th class="num">Rate</th><th class="num">Selected</th><th class="num">Verified</th><th class="num">Failed</th></tr></thead><tbody>${c.strata.map(
    (s) =>
      html`<tr><td>${STRATUM_NAMES[s.name] ?? s.name}</td><td class="num">${formatCount(s.conversations)}</td><td class="num">${formatPercent(s.rate)}</td><td class="num">${formatCount(s.selected)}</td><td class="num">${formatCount(s.verified)}</td><td class="num">${formatCount(s.failed)}</td></tr>`,
  )}</tbody></table></div>
  ${
    c.agreement.length === 0
      ? ''
      : html`<h3>The offline screen against the verifier, on this log</h3>
  <p>Recall: of the conversations the verifier calls positive (estimated over the whole log: the random sample measures what the screen missed), the share the screen flagged. Precision: of the screen’s flags, the share the verifier confirmed.</p>
  <div class="table-scroll"><table><thead><tr><th>Facet</th><th class="num">Recall</th><th>95% interval</th><th class="num">Precision</th><th>95% interval</th></tr></thead><tbody>${c.agreement.map(
    (a) =>
      html`<tr><td>${a.facet}</td><td class="num">${formatPercent(a.recall.rate)}</td><td>${formatInterval(a.recall.interval.low, a.recall.interval.high)}</td><td class="num">${formatPercent(a.precision.rate)}</td><td>${formatInterval(a.precision.interval.low, a.precision.interval.high)}</td></tr>`,
  )}</tbody></table></div>`
  }`;
}

function estimationHtml(r: Report): Html {
  const e = r.estimation;
  return html`<section id="estimation">
  <h2>How the figures were estimated</h2>
  <p><strong>Method: ${METHOD_NAMES[e.method]}.</strong> ${e.summary}</p>
  ${
    e.uncorrected.length === 0
      ? ''
      : html`<p class="note">Left as classified: ${e.uncorrected.map((u, i) => html`${i === 0 ? '' : '; '}<strong>${u.facet}</strong> (${u.reason})`)}.</p>`
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
