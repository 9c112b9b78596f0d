/** Figure 4: whether expressed sentiment changes over a conversation (chart, table and sentiment_change.csv). */

import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, emptyChart } from '../charts.js';
import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent, formatSigned } from '../format.js';
import { figureBlock, SUPPRESSED, suppressedNote } from '../htmlParts.js';
import { groupColour, groupLabel } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

const BETTER = '#2166ac';

const SAME = '#c8c8c8';

const WORSE = '#b2182b';

function sentimentHtml(r: Report, svg: string): Html {
  const s = r.sentimentChange;
  const groups = [s.allAffective, ...s.categories];
  const hidden = s.categories.filter((g) => g.suppressed).map((g) => g.group);
  return html`<section id="fig-sentiment">
  <h2>4 · Does expressed sentiment change during the conversation?</h2>
  <p class="lede">For conversations with at least ${s.minHumanMessages} human messages: the mean sentiment of the last ${s.window} human messages minus that of the first ${s.window}, on a scale from −1 (very negative) to +1 (very positive).</p>
  ${figureBlock(
    'sentiment',
    svg,
    html`Left: mean change with a 95% percentile bootstrap interval (${formatCount(s.resamples)} resamples of conversations, seed ${s.seed}). Right: share of conversations that ended better (change above +${s.sameBand}), the same, or worse (below −${s.sameBand}). n: conversations behind each bar.${suppressedNote(hidden)}`,
  )}
  <details class="numbers"><summary>Numbers behind the chart</summary>
  <table><thead><tr><th>Group</th><th class="num">n</th><th class="num">Mean change</th><th class="num">95% interval</th><th class="num">Better</th><th class="num">Same</th><th class="num">Worse</th></tr></thead><tbody>
  ${groups.map((g) =>
    g.suppressed
      ? html`<tr><td>${groupLabel(g.group)}</td><td class="num" colspan="6">${SUPPRESSED}</td></tr>`
      : html`<tr><td>${groupLabel(g.group)}</td><td class="num">${formatCount(g.n)}</td><td class="num">${formatSigned(g.meanChange)}</td><td class="num">${formatInterval(g.interval.low, g.interval.high, formatSigned)}</td><td class="num">${formatPercent(g.distribution.betterShare)}</td><td class="num">${formatPercent(g.distribution.sameShare)}</td><td class="num">${formatPercent(g.distribution.worseShare)}</td></tr>`,
  )}
  </tbody></table>
  ${s.missingSentiment > 0 ? html`<p class="suppressed">${formatCount(s.missingSentiment)} long-enough affective conversations had fewer sentiment ratings than messages and were left out.</p>` : ''}
  </details>
</section>`;
}

function sentimentSpec(report: Report): TopLevelSpec {
  const s = report.sentimentChange;
  const groups = [s.allAffective, ...s.categories].filter((g) => !g.suppressed);
  if (groups.length === 0) {
    return emptyChart(
      `No group had enough conversations with ${s.minHumanMessages}+ human messages to show.`,
    );
  }
  const labels = groups.map((g) => `${groupLabel(g.group)} (n=${formatCount(g.n)})`);
  const colours = groups.map((g) => groupColour(g.group));
  const means = groups.map((g, i) => ({
    label: labels[i],
    value: g.meanChange,
    low: g.interval.low,
    high: g.interval.high,
    text: formatSigned(g.meanChange),
  }));
  const y = { field: 'label', type: 'nominal', sort: labels, title: null } as const;
  const extent = Math.max(0.1, ...means.map((m) => Math.max(Math.abs(m.low), Math.abs(m.high)))) * 1.3;
  const dist = groups.flatMap((g, i) => [
    { label: labels[i], outcome: 'Worse', order: 0, share: g.distribution.worseShare },
    { label: labels[i], outcome: 'Same', order: 1, share: g.distribution.sameShare },
    { label: labels[i], outcome: 'Better', order: 2, share: g.distribution.betterShare },
  ]);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Change in expressed sentiment from the start to the end of conversations, per category',
    hconcat: [
      {
        title: 'Mean change (last 3 − first 3 human messages)',
        width: 300,
        height: { step: 30 },
        data: { values: means },
        layer: [
          {
            mark: { type: 'bar', height: 18 },
            encoding: {
              y,
              x: {
                field: 'value',
                type: 'quantitative',
                title: 'Change on the −1..1 scale (95% bootstrap interval)',
                scale: { domain: [-extent, extent], nice: false },
                axis: { format: '+.2~f', tickCount: 5 },
              },
              color: {
                field: 'label',
                type: 'nominal',
                scale: { domain: labels, range: colours },
                legend: null,
              },
            },
          },
          { mark: { type: 'rule', color: '#666', strokeDash: [3, 3] }, encoding: { x: { datum: 0 } } },
          {
            mark: { type: 'rule', color: '#222', strokeWidth: 1.4 },
            encoding: { y, x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
          },
          {
            mark: { type: 'tick', color: '#222', thickness: 1.4, size: 10, orient: 'vertical' },
            encoding: { y, x: { field: 'low', type: 'quantitative' } },
          },
          {
            mark: { type: 'tick', color: '#222', thickness: 1.4, size: 10, orient: 'vertical' },
            encoding: { y, x: { field: 'high', type: 'quantitative' } },
          },
          {
            mark: { type: 'text', align: 'left', dx: 6 },
            encoding: { y, x: { field: 'high', type: 'quantitative' }, text: { field: 'text' } },
          },
        ],
      },
      {
        title: 'Conversations that ended better, the same, or worse',
        width: 240,
        height: { step: 30 },
        data: { values: dist },
        mark: { type: 'bar', height: 18 },
        encoding: {
          y: { field: 'label', type: 'nominal', sort: labels, title: null, axis: null },
          x: {
            field: 'share',
            type: 'quantitative',
            stack: 'normalize',
            title: 'Share of conversations',
            axis: { format: '.0%', tickCount: 5 },
          },
          color: {
            field: 'outcome',
            type: 'nominal',
            title: null,
            scale: { domain: ['Worse', 'Same', 'Better'], range: [WORSE, SAME, BETTER] },
          },
          order: { field: 'order', type: 'quantitative' },
        },
      },
    ],
    spacing: 24,
    resolve: { scale: { color: 'independent' } },
    config: CONFIG,
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
