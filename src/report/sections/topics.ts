/** Figure 2: what people bring, as clustered topics per category (chart, explorer and topics.csv). */

import type { TopLevelSpec } from 'vega-lite';
import { type ChartLayout, configFor, emptyChart, NARROW_WIDTH, wrapText } from '../charts.js';
import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatPercent } from '../format.js';
import { explorer, figureBlock, REMAINDER_NAME, topicRemainder } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { groupColour, groupLabel } from '../labels.js';
import type { Report, ReportTopicTree, TopicNodeShape as TopicNode } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

const TOPICS_PER_CATEGORY = 8;

function topicsHtml(r: Report, svg: string): Html {
  const t = msg().topics;
  return html`<section id="fig-topics">
  <h2>${t.heading}</h2>
  <p class="lede">${t.lede}</p>
  ${figureBlock('topics', svg, html`${t.caption}`)}
  <h3>${t.explorer}</h3>
  ${r.topics.length === 0 ? html`<p class="suppressed">${t.none}</p>` : r.topics.map((t) => explorer(t, groupLabel(t.group), groupColour(t.group)))}
</section>`;
}

function topicsSpec(report: Report, layout: ChartLayout): TopLevelSpec {
  // Narrow (phones): names wrap onto two lines above their bars, at the width the chart is shown at.
  const narrow = layout === 'narrow';
  const panels = report.topics
    .filter((t) => t.topics.length > 0)
    .map((t) => {
      const label = groupLabel(t.group);
      const rows = t.topics.slice(0, TOPICS_PER_CATEGORY).map((n, i) => ({
        // Ranked so two clusters with the same name stay two bars.
        key: `${i + 1}. ${msg().topicName(n.name)}`,
        lines: wrapText(`${i + 1}. ${msg().topicName(n.name)}`, 44).slice(0, 2),
        share: t.total === 0 ? 0 : n.conversations / t.total,
        text: `${formatPercent(t.total === 0 ? 0 : n.conversations / t.total)} (${formatCount(n.conversations)})`,
      }));
      const x = {
        field: 'share',
        type: 'quantitative',
        title: msg().topics.chartAxis(label),
        axis: { format: '.0%', tickCount: narrow ? 3 : 4 },
        scale: { domain: [0, Math.max(0.01, ...rows.map((r) => r.share)) * 1.3], nice: false },
      };
      // Names sit above their bars: axis labels would be cut to fit, and names run to ten words.
      const title = msg().topics.chartTitle(label, formatCount(t.total));
      return {
        title: narrow ? wrapText(title, 44) : title,
        width: narrow ? NARROW_WIDTH : 460,
        height: { step: narrow ? 52 : 38 },
        data: { values: rows },
        encoding: { y: { field: 'key', type: 'nominal', sort: rows.map((r) => r.key), axis: null } },
        layer: [
          {
            mark: {
              type: 'bar',
              height: 13,
              yOffset: narrow ? 14 : 7,
              cornerRadiusEnd: 2,
              color: groupColour(t.group),
            },
            encoding: { x },
          },
          {
            mark: {
              type: 'text',
              align: 'left',
              baseline: narrow ? 'top' : 'bottom',
              x: 0,
              yOffset: narrow ? -24 : -1,
              fontSize: narrow ? 11 : 12,
              lineHeight: 13,
              color: '#222',
              ...(narrow ? { limit: NARROW_WIDTH } : {}),
            },
            encoding: { text: { field: narrow ? 'lines' : 'key' } },
          },
          {
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, yOffset: narrow ? 14 : 7 },
            encoding: { x, text: { field: 'text' } },
          },
        ],
      };
    });
  if (panels.length === 0) return emptyChart(msg().topics.chartEmpty, layout);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: msg().topics.description,
    vconcat: panels,
    spacing: 28,
    config: configFor(layout),
  } as TopLevelSpec;
}

function topicsCsv(r: Report): string {
  const rows: Cell[][] = [];
  const walk = (tree: ReportTopicTree, nodes: TopicNode[], parent: string | null, depth: number) => {
    for (const n of nodes) {
      rows.push([
        tree.group,
        n.id,
        parent,
        depth,
        n.name,
        n.description,
        n.conversations,
        n.users,
        tree.total === 0 ? 0 : n.conversations / tree.total,
      ]);
      walk(tree, n.children, n.id, depth + 1);
      // Children that do not add up to their parent: the rest is a row of its own (users unknown).
      const rest = topicRemainder(n);
      if (rest > 0)
        rows.push([
          tree.group,
          `${n.id}.other`,
          n.id,
          depth + 1,
          REMAINDER_NAME,
          '',
          rest,
          null,
          tree.total === 0 ? 0 : rest / tree.total,
        ]);
    }
  };
  const trees = [
    ...r.topics,
    ...(r.longConversations.topics ? [r.longConversations.topics] : []),
    ...r.pushback.reasonTopics,
  ];
  for (const t of trees) {
    walk(t, t.topics, null, 0);
    const below = t.belowThreshold.conversations;
    if (below > 0)
      rows.push([
        t.group,
        'other',
        null,
        0,
        'In groups too small to describe (counted, not described)',
        '',
        below,
        null,
        t.total === 0 ? 0 : below / t.total,
      ]);
  }
  return csvTable(
    ['group', 'id', 'parent_id', 'depth', 'name', 'description', 'conversations', 'users', 'share_of_group'],
    rows,
  );
}

export const topicsSection: ReportSection = {
  id: 'fig-topics',
  nav: 'Topics',
  chart: { id: 'topics', spec: topicsSpec },
  html: topicsHtml,
  csv: { 'topics.csv': topicsCsv },
};
