/**
 * Drift inside long conversations: the main category of the first third of the user's messages
 * against the last third, as a transition table (heat map, drift.csv) and three rates (drift_rates.csv).
 */
import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, emptyChart, forLayout } from '../charts.js';
import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent } from '../format.js';
import { figureBlock, notAvailable, suppressedMark } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { stateLabel } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

type Shown = Extract<Report['drift'], { available: true }>;
type RateFig = Shown['changed'];

const STATES = [
  'interpersonal_advice',
  'coaching',
  'counseling',
  'companionship',
  'romantic_roleplay',
  'none',
];

function rateText(x: RateFig): Html {
  return x.suppressed
    ? html`${suppressedMark()}`
    : html`<strong>${formatPercent(x.rate)}</strong> ${msg().drift.rate(formatCount(x.count), formatCount(x.n), formatInterval(x.interval.low, x.interval.high))}`;
}

function driftHtml(r: Report, svg: string): Html {
  const d = r.drift;
  if (!d.available)
    return html`<section id="drift">
  <h2>${msg().drift.heading}</h2>
  ${notAvailable(d.reason)}
</section>`;
  return html`<section id="drift">
  <h2>${msg().drift.headingAvailable}</h2>
  <p class="lede">${msg().drift.lede(d.minHumanMessages, d.conversations.suppressed ? null : formatCount(d.conversations.count), d.missing > 0 ? formatCount(d.missing) : null)}</p>
  <dl class="kv">
    <dt>${msg().drift.changed}</dt><dd>${rateText(d.changed)}</dd>
    <dt>${msg().drift.intoCompanionship}</dt><dd>${rateText(d.intoCompanionship)}</dd>
    <dt>${msg().drift.supportToCompanionship}</dt><dd>${rateText(d.supportToCompanionship)} <span class="suppressed">${msg().drift.ofSupport}</span></dd>
  </dl>
  ${figureBlock('drift', svg, html`${msg().drift.caption}`)}
</section>`;
}

function driftSpec(r: Report): TopLevelSpec {
  const d = r.drift;
  const m = msg().drift;
  if (!d.available) return emptyChart(m.chartEmpty);
  const labels = STATES.map(stateLabel);
  const rows = d.transitions.map((t) => ({
    from: stateLabel(t.from),
    to: stateLabel(t.to),
    share: t.suppressed ? null : t.share,
    text: t.suppressed ? '–' : formatCount(t.conversations),
  }));
  const axis = { labelAngle: -30, labelLimit: 220 };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: m.description,
    width: 420,
    height: 260,
    data: { values: rows },
    encoding: {
      x: {
        field: 'to',
        type: 'nominal',
        sort: labels,
        title: m.lastThird,
        axis: { ...axis, orient: 'top' },
      },
      y: { field: 'from', type: 'nominal', sort: labels, title: m.firstThird },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 2 },
        encoding: {
          color: {
            field: 'share',
            type: 'quantitative',
            title: m.share,
            scale: { scheme: 'blues' },
            legend: { format: '.0%' },
          },
        },
      },
      {
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'text' },
          color: {
            condition: { test: 'datum.share !== null && datum.share > 0.4', value: 'white' },
            value: '#222',
          },
        },
      },
    ],
    config: CONFIG,
  } as unknown as TopLevelSpec;
}

function driftCsv(r: Report): string {
  const d = r.drift;
  const rows: Cell[][] = d.available
    ? d.transitions.map((t) =>
        t.suppressed ? [t.from, t.to, true, null, null] : [t.from, t.to, false, t.conversations, t.share],
      )
    : [];
  return csvTable(['first_third', 'last_third', 'suppressed', 'conversations', 'share'], rows);
}

function driftRatesCsv(r: Report): string {
  const d = r.drift;
  const rows: Cell[][] = [];
  if (d.available)
    for (const [name, x] of [
      ['changed', d.changed],
      ['into_companionship', d.intoCompanionship],
      ['coaching_or_counseling_to_companionship', d.supportToCompanionship],
    ] as const)
      rows.push(
        x.suppressed
          ? [name, true, null, null, null, null, null]
          : [name, false, x.count, x.n, x.rate, x.interval.low, x.interval.high],
      );
  return csvTable(['rate', 'suppressed', 'count', 'n', 'rate_value', 'ci_low', 'ci_high'], rows);
}

export const driftSection: ReportSection = {
  id: 'drift',
  nav: 'Drift',
  chart: { id: 'drift', spec: (r, layout) => forLayout(driftSpec(r), layout) },
  html: driftHtml,
  csv: { 'drift.csv': driftCsv, 'drift_rates.csv': driftRatesCsv },
};
