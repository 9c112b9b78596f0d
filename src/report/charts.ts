/**
 * The four figures as vega-lite specs, rendered to static SVG at build time (vega's headless
 * renderer, no canvas, no fonts loaded). vega escapes every text it writes into the SVG.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { formatCount, formatPercent, formatSigned } from './format.js';
import { FONT_STACK, groupColour, groupLabel } from './labels.js';
import type { Report } from './reportSchema.js';

export const FIGURE_IDS = ['prevalence', 'topics', 'pushback', 'sentiment'] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

const TOPICS_PER_CATEGORY = 8;
const BETTER = '#2166ac';
const SAME = '#c8c8c8';
const WORSE = '#b2182b';

const CONFIG = {
  font: FONT_STACK,
  background: 'white',
  view: { stroke: null },
  axis: {
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: '#444',
    labelColor: '#333',
    domainColor: '#999',
    tickColor: '#999',
    gridColor: '#ececec',
  },
  axisY: { labelLimit: 340, domain: false, ticks: false, labelPadding: 8 },
  title: { fontSize: 13, fontWeight: 600, anchor: 'start', color: '#222', offset: 8 },
  legend: { labelFontSize: 12, titleFontSize: 12, orient: 'bottom' },
  text: { fontSize: 11, color: '#333' },
} as const;

interface Row {
  label: string;
  value: number;
  low: number;
  high: number;
  text: string;
}

/** Horizontal bars with interval whiskers and a value label, in the given row order and colours. */
function barsWithWhiskers(
  rows: Row[],
  colours: string[],
  axisTitle: string,
  format: string,
  description: string,
): TopLevelSpec {
  const labels = rows.map((r) => r.label);
  const maxHigh = Math.max(0.0001, ...rows.map((r) => r.high));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    width: 460,
    height: { step: 30 },
    data: { values: rows },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: labels, title: null },
    },
    layer: [
      {
        mark: { type: 'bar', height: 18, cornerRadiusEnd: 2 },
        encoding: {
          x: {
            field: 'value',
            type: 'quantitative',
            title: axisTitle,
            axis: { format, tickCount: 5 },
            scale: { domain: [0, Math.min(1, maxHigh * 1.25)], nice: false },
          },
          color: { field: 'label', type: 'nominal', scale: { domain: labels, range: colours }, legend: null },
        },
      },
      {
        mark: { type: 'rule', color: '#222', strokeWidth: 1.4 },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'tick', color: '#222', thickness: 1.4, size: 10, orient: 'vertical' },
        encoding: { x: { field: 'low', type: 'quantitative' } },
      },
      {
        mark: { type: 'tick', color: '#222', thickness: 1.4, size: 10, orient: 'vertical' },
        encoding: { x: { field: 'high', type: 'quantitative' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6 },
        encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}

function emptyChart(message: string): TopLevelSpec {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: message,
    width: 460,
    height: 40,
    data: { values: [{ message }] },
    mark: { type: 'text', align: 'left', x: 0, y: 20, fontSize: 12, color: '#666' },
    encoding: { text: { field: 'message' } },
    config: CONFIG,
  } as TopLevelSpec;
}

export function prevalenceSpec(report: Report): TopLevelSpec {
  const p = report.prevalence;
  const rows: Row[] = [];
  const colours: string[] = [];
  const push = (
    group: string,
    s: { count: number; share: number; interval: { low: number; high: number } },
  ) => {
    rows.push({
      label: groupLabel(group),
      value: s.share,
      low: s.interval.low,
      high: s.interval.high,
      text: `${formatPercent(s.share)} (${formatCount(s.count)})`,
    });
    colours.push(groupColour(group));
  };
  push('all_affective', p.affective);
  for (const c of p.categories) if (!c.suppressed) push(c.category, c);
  return barsWithWhiskers(
    rows,
    colours,
    `Share of all ${formatCount(p.n)} analysed conversations (95% Wilson interval)`,
    '.1~%',
    'Prevalence of each kind of affective conversation as a share of all conversations',
  );
}

export function topicsSpec(report: Report): TopLevelSpec {
  const panels = report.topics
    .filter((t) => t.topics.length > 0)
    .map((t) => {
      const label = groupLabel(t.group);
      const rows = t.topics.slice(0, TOPICS_PER_CATEGORY).map((n, i) => ({
        // Ranked so two clusters with the same name stay two bars.
        key: `${i + 1}. ${n.name}`,
        share: t.total === 0 ? 0 : n.conversations / t.total,
        text: `${formatPercent(t.total === 0 ? 0 : n.conversations / t.total)} (${formatCount(n.conversations)})`,
      }));
      const x = {
        field: 'share',
        type: 'quantitative',
        title: `Share of ${label.toLowerCase()} conversations`,
        axis: { format: '.0%', tickCount: 4 },
        scale: { domain: [0, Math.max(0.01, ...rows.map((r) => r.share)) * 1.3], nice: false },
      };
      // Names sit above their bars: axis labels would be cut to fit, and names run to ten words.
      return {
        title: `${label} — top clusters (of ${formatCount(t.total)} conversations)`,
        width: 460,
        height: { step: 38 },
        data: { values: rows },
        encoding: { y: { field: 'key', type: 'nominal', sort: rows.map((r) => r.key), axis: null } },
        layer: [
          {
            mark: { type: 'bar', height: 13, yOffset: 7, cornerRadiusEnd: 2, color: groupColour(t.group) },
            encoding: { x },
          },
          {
            mark: {
              type: 'text',
              align: 'left',
              baseline: 'bottom',
              x: 0,
              yOffset: -1,
              fontSize: 12,
              color: '#222',
            },
            encoding: { text: { field: 'key' } },
          },
          {
            mark: { type: 'text', align: 'left', baseline: 'middle', dx: 5, yOffset: 7 },
            encoding: { x, text: { field: 'text' } },
          },
        ],
      };
    });
  if (panels.length === 0) return emptyChart('No topic cluster passed the privacy thresholds in this run.');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Largest topic clusters within each category',
    vconcat: panels,
    spacing: 28,
    config: CONFIG,
  } as TopLevelSpec;
}

export function pushbackSpec(report: Report): TopLevelSpec {
  const rows: Row[] = [];
  const colours: string[] = [];
  for (const g of [report.pushback.allAffective, ...report.pushback.categories]) {
    if (g.suppressed) continue;
    rows.push({
      label: groupLabel(g.group),
      value: g.rate,
      low: g.interval.low,
      high: g.interval.high,
      text: `${formatPercent(g.rate)} (n=${formatCount(g.n)})`,
    });
    colours.push(groupColour(g.group));
  }
  if (rows.length === 0) return emptyChart('No group passed the privacy thresholds for pushback rates.');
  return barsWithWhiskers(
    rows,
    colours,
    'Share of conversations with pushback (95% Wilson interval)',
    '.0%',
    'Rate at which the assistant pushed back, per category',
  );
}

export function sentimentSpec(report: Report): TopLevelSpec {
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

const SPECS: Record<FigureId, (r: Report) => TopLevelSpec> = {
  prevalence: prevalenceSpec,
  topics: topicsSpec,
  pushback: pushbackSpec,
  sentiment: sentimentSpec,
};

/** Renders a vega-lite spec to an SVG string in Node (no DOM, no canvas, no network: data is inline). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export async function renderFigures(report: Report): Promise<Record<FigureId, string>> {
  const out = {} as Record<FigureId, string>;
  for (const id of FIGURE_IDS) out[id] = await renderSvg(SPECS[id](report));
  return out;
}
