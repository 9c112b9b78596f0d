/** Figure 4: whether expressed sentiment changes over a conversation (chart, table and sentiment_change.csv). */

import type { TopLevelSpec } from 'vega-lite';
import { type ChartLayout, configFor, emptyChart, NARROW_WIDTH, wrapText } from '../charts.js';
import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent, formatSigned } from '../format.js';
import { figureBlock } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { groupColour, groupLabel } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';
import { emptyGroupsNote, hiddenGroupsNote, withheldMark } from '../withheld.js';

const BETTER = '#2166ac';

const SAME = '#c8c8c8';

const WORSE = '#b2182b';

type Group = Report['sentimentChange']['allAffective'] | Report['sentimentChange']['categories'][number];
type ShownGroup = Extract<Group, { meanChange: number }>;

const hasMean = (g: Group): g is ShownGroup => !g.suppressed && 'meanChange' in g;

function sentimentHtml(r: Report, svg: string): Html {
  const s = r.sentimentChange;
  const groups = [s.allAffective, ...s.categories];
  const hidden = s.categories.filter((g) => g.suppressed).map((g) => g.group);
  const empty = s.categories.filter((g) => !g.suppressed && g.n === 0).map((g) => g.group);
  const t = msg().sentiment;
  return html`<section id="fig-sentiment">
  <h2>${t.heading}</h2>
  <p class="lede">${t.lede(s.minHumanMessages, s.window)}</p>
  ${figureBlock(
    'sentiment',
    svg,
    html`${t.caption(formatCount(s.resamples), s.seed, s.sameBand)}${hiddenGroupsNote(r, hidden)}${emptyGroupsNote(empty)}`,
  )}
  <details class="numbers"><summary>${msg().parts.numbersBehind}</summary>
  <div class="table-scroll"><table><thead><tr><th>${msg().parts.group}</th><th class="num">n</th><th class="num">${msg().sentiment.meanChange}</th><th class="num">${msg().parts.interval}</th><th class="num">${msg().sentiment.better}</th><th class="num">${msg().sentiment.same}</th><th class="num">${msg().sentiment.worse}</th></tr></thead><tbody>
  ${groups.map((g) =>
    g.suppressed
      ? html`<tr><td>${groupLabel(g.group)}</td><td class="num" colspan="6">${withheldMark(r)}</td></tr>`
      : !hasMean(g)
        ? html`<tr><td>${groupLabel(g.group)}</td><td class="num">0</td><td class="num" colspan="5">${t.noLong(s.minHumanMessages)}</td></tr>`
        : html`<tr><td>${groupLabel(g.group)}</td><td class="num">${formatCount(g.n)}</td><td class="num">${formatSigned(g.meanChange)}</td><td class="num">${formatInterval(g.interval.low, g.interval.high, formatSigned)}</td><td class="num">${formatPercent(g.distribution.betterShare)}</td><td class="num">${formatPercent(g.distribution.sameShare)}</td><td class="num">${formatPercent(g.distribution.worseShare)}</td></tr>`,
  )}
  </tbody></table></div>
  ${s.missingSentiment > 0 ? html`<p class="suppressed">${t.missing(formatCount(s.missingSentiment))}</p>` : ''}
  </details>
</section>`;
}

/** The three outcomes from the left; `outcome` names the catalogue's word for it. */
const OUTCOMES = [
  { outcome: 'worse', colour: WORSE, ink: '#ffffff', share: (d: ShownGroup['distribution']) => d.worseShare },
  { outcome: 'same', colour: SAME, ink: '#222222', share: (d: ShownGroup['distribution']) => d.sameShare },
  {
    outcome: 'better',
    colour: BETTER,
    ink: '#ffffff',
    share: (d: ShownGroup['distribution']) => d.betterShare,
  },
] as const;

/** A segment's number is written inside it when the segment is at least this many pixels wide. */
const MIN_LABELLED_SEGMENT_PX = 28;

function sentimentSpec(report: Report, layout: ChartLayout): TopLevelSpec {
  const s = report.sentimentChange;
  const groups = [s.allAffective, ...s.categories].filter(hasMean);
  if (groups.length === 0) {
    return emptyChart(msg().sentiment.chartEmpty(s.minHumanMessages), layout);
  }
  const t = msg().sentiment;
  const narrow = layout === 'narrow';
  const width = narrow ? NARROW_WIDTH : 420;
  const labels = groups.map((g) => `${groupLabel(g.group)} (n=${formatCount(g.n)})`);
  const colours = groups.map((g) => groupColour(g.group));
  const means = groups.map((g, i) => ({
    label: labels[i],
    value: g.meanChange,
    low: g.interval.low,
    high: g.interval.high,
    text: formatSigned(g.meanChange),
  }));
  // Narrow: labels on a line of their own above the bars (no y axis), so the bars get the full width.
  const y = {
    field: 'label',
    type: 'nominal',
    sort: labels,
    title: null,
    ...(narrow ? { axis: null } : {}),
  } as const;
  const step = narrow ? 40 : 30;
  const off = narrow ? { yOffset: 9 } : {};
  const barHeight = narrow ? 12 : 18;
  // In the better/same/worse panel each group has three rows (one per segment): its label is drawn once.
  const labelAbove = (onePerGroup?: { filter: string }) =>
    narrow
      ? [
          {
            ...(onePerGroup ? { transform: [onePerGroup] } : {}),
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'bottom',
              x: 0,
              yOffset: -3,
              fontSize: 12,
              color: '#222',
              limit: NARROW_WIDTH,
            },
            encoding: { y, text: { field: 'label' } },
          },
        ]
      : [];
  const extent = Math.max(0.1, ...means.map((m) => Math.max(Math.abs(m.low), Math.abs(m.high)))) * 1.3;
  // Stacked by hand (worse, same, better from the left), so each segment can carry its own number.
  const dist = groups.flatMap((g, i) => {
    let x0 = 0;
    return OUTCOMES.map((o, order) => {
      const share = o.share(g.distribution);
      const seg = {
        label: labels[i],
        outcome: t[o.outcome],
        order,
        share,
        x0,
        x1: x0 + share,
        mid: x0 + share / 2,
        ink: o.ink,
        text: share * width >= MIN_LABELLED_SEGMENT_PX ? `${Math.round(share * 100)}%` : '',
      };
      x0 += share;
      return seg;
    });
  });
  const meanTitle = t.meanTitle(s.window);
  const distTitle = t.distTitle;
  const xMean = {
    field: 'value',
    type: 'quantitative',
    title: narrow ? wrapText(t.meanAxis, 46) : t.meanAxis,
    scale: { domain: [-extent, extent], nice: false },
    axis: { format: '+.2~f', tickCount: narrow ? 4 : 5 },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: t.description,
    vconcat: [
      {
        title: narrow ? wrapText(meanTitle, 44) : meanTitle,
        width,
        height: { step },
        data: { values: means },
        layer: [
          {
            mark: { type: 'bar', height: barHeight, ...off },
            encoding: {
              y,
              x: xMean,
              color: {
                field: 'label',
                type: 'nominal',
                scale: { domain: labels, range: colours },
                legend: null,
              },
            },
          },
          // The zero line, drawn row by row so it never crosses a label written above a bar.
          {
            mark: {
              type: 'tick',
              orient: 'vertical',
              color: '#666',
              strokeDash: [3, 3],
              thickness: 1,
              size: narrow ? 20 : step,
              ...off,
            },
            encoding: { y, x: { datum: 0 } },
          },
          {
            mark: { type: 'rule', color: '#222', strokeWidth: 1.4, ...off },
            encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
          },
          {
            mark: { type: 'tick', color: '#222', thickness: 1.4, size: 10, orient: 'vertical', ...off },
            encoding: { y, x: { field: 'low', type: 'quantitative' } },
          },
          {
            mark: { type: 'tick', color: '#222', thickness: 1.4, size: 10, orient: 'vertical', ...off },
            encoding: { y, x: { field: 'high', type: 'quantitative' } },
          },
          {
            mark: { type: 'text', align: 'left', dx: 6, ...off },
            encoding: { y, x: { field: 'high', type: 'quantitative' }, text: { field: 'text' } },
          },
          ...labelAbove(),
        ],
      },
      {
        title: narrow ? wrapText(distTitle, 44) : distTitle,
        width,
        height: { step },
        data: { values: dist },
        layer: [
          {
            mark: { type: 'bar', height: narrow ? 16 : 18, ...off },
            encoding: {
              y,
              x: {
                field: 'x0',
                type: 'quantitative',
                title: t.distAxis,
                scale: { domain: [0, 1], nice: false },
                axis: { format: '.0%', tickCount: 5, grid: false },
              },
              x2: { field: 'x1' },
              color: {
                field: 'outcome',
                type: 'nominal',
                title: null,
                scale: { domain: [t.worse, t.same, t.better], range: [WORSE, SAME, BETTER] },
              },
            },
          },
          // Each segment's share written on it where it is wide enough (white on the dark ends).
          ...(['#ffffff', '#222222'] as const).map((ink) => ({
            transform: [{ filter: { field: 'ink', equal: ink } }],
            mark: { type: 'text', align: 'center', baseline: 'middle', fontSize: 11, color: ink, ...off },
            encoding: { y, x: { field: 'mid', type: 'quantitative' }, text: { field: 'text' } },
          })),
          ...labelAbove({ filter: 'datum.order === 0' }),
        ],
      },
    ],
    spacing: narrow ? 20 : 28,
    resolve: { scale: { color: 'independent' } },
    config: configFor(layout),
  } as TopLevelSpec;
}

function sentimentChangeCsv(r: Report): string {
  const s = r.sentimentChange;
  const rows: Cell[][] = [];
  for (const g of [s.allAffective, ...s.categories]) {
    if (g.suppressed) {
      rows.push([g.group, true, null, null, null, null, null, null, null]);
      continue;
    }
    if (!hasMean(g)) {
      rows.push([g.group, false, 0, null, null, null, null, null, null]);
      continue;
    }
    const d = g.distribution;
    rows.push([
      g.group,
      false,
      g.n,
      g.meanChange,
      g.interval.low,
      g.interval.high,
      d.betterShare,
      d.sameShare,
      d.worseShare,
    ]);
  }
  return csvTable(
    [
      'group',
      'suppressed',
      'n',
      'mean_change',
      'ci_low',
      'ci_high',
      'better_share',
      'same_share',
      'worse_share',
    ],
    rows,
  );
}

export const sentimentSection: ReportSection = {
  id: 'fig-sentiment',
  nav: 'Sentiment change',
  chart: { id: 'sentiment', spec: sentimentSpec },
  html: sentimentHtml,
  csv: { 'sentiment_change.csv': sentimentChangeCsv },
};
