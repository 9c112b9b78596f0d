/**
 * Charts: the shared Vega-Lite styling and bar-with-whiskers layout the sections' specs use, and the
 * renderer that turns a spec into static SVG at build time (vega's headless renderer, no canvas, no
 * fonts loaded). vega escapes every text it writes into the SVG.
 */
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { FONT_STACK } from './labels.js';

export const CONFIG = {
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

export interface Row {
  label: string;
  value: number;
  low: number;
  high: number;
  text: string;
}

/** Horizontal bars with interval whiskers and a value label, in the given row order and colours. */
export function barsWithWhiskers(
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

export function emptyChart(message: string): TopLevelSpec {
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

/** Renders a vega-lite spec to an SVG string in Node (no DOM, no canvas, no network: data is inline). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
