/**
 * Charts: the shared Vega-Lite styling and bar-with-whiskers layout the sections' specs use, and the
 * renderer that turns a spec into static SVG at build time (vega's headless renderer, no canvas, no
 * fonts loaded). vega escapes every text it writes into the SVG.
 */
import * as vega from 'vega';
import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './escape.js';
import { msg } from './i18n/reportLanguage.js';
import { FONT_STACK } from './labels.js';

/**
 * Text widths for chart layout. vega sizes a chart from the width of its text; without a canvas (as
 * here, in Node) it guesses 0.8 em per character, which is far too wide: charts got padded with
 * empty space and were then shrunk to fit a phone, text and all. These are the advance widths of
 * DejaVu Sans (the widest of the common system sans fonts; San Francisco, Roboto and Segoe UI are
 * narrower), in thousandths of an em, for printable ASCII; so text never runs past what the layout
 * reserved, and the reserve is close to what a browser draws.
 */
const ADVANCE_NORMAL = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636,
  636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295,
  295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
  500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
  392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];
const ADVANCE_BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696,
  696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372,
  372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838,
  500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595,
  478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];
const ADVANCE_OTHER: Record<string, number> = { '−': 838, '–': 500, '—': 1000, '…': 1000, '·': 318 };

function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

/** Width in pixels of one line of chart text at a font size and weight. */
export function textWidth(text: string, fontSize: number, fontWeight: unknown = 'normal'): number {
  const bold = fontWeight === 'bold' || Number(fontWeight) >= 600;
  const table = bold ? ADVANCE_BOLD : ADVANCE_NORMAL;
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 32 && code < 127) units += table[code - 32];
    else units += ADVANCE_OTHER[ch] ?? (isWide(code) ? 1000 : bold ? 720 : 660);
  }
  return (units * fontSize) / 1000;
}

interface TextItem {
  fontSize?: number;
  fontWeight?: unknown;
  limit?: number;
}

// vega-scenegraph's hook for a measuring function of one's own (what vl-convert does too).
(vega as unknown as { textMetrics: { width: (item: TextItem, text: unknown) => number } }).textMetrics.width =
  (item, text) => {
    const line = text == null ? '' : String(text).trim();
    const w = textWidth(line, item.fontSize ?? 11, item.fontWeight);
    return item.limit !== undefined && item.limit > 0 ? Math.min(w, item.limit) : w;
  };

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

/**
 * Each chart is rendered twice: `wide` for screens and print, `narrow` for phones (report.html shows
 * one or the other by a CSS media query, with no script). The narrow one is drawn at the width it is
 * shown at, so its text stays at its own size (never below 11 px) instead of being scaled down.
 */
export type ChartLayout = 'wide' | 'narrow';

/** Plot width of a narrow chart: fits a 390 px phone screen with the page's margins at that size. */
export const NARROW_WIDTH = 290;

/** The narrow charts' config: no text below 11 px, room saved on axis padding. */
export const NARROW_CONFIG = {
  ...CONFIG,
  axis: { ...CONFIG.axis, labelFontSize: 11, titleFontSize: 11, labelOverlap: true },
  axisY: { ...CONFIG.axisY, labelLimit: NARROW_WIDTH, labelPadding: 4 },
  title: { ...CONFIG.title, fontSize: 12 },
  legend: { ...CONFIG.legend, labelFontSize: 11, titleFontSize: 11 },
  text: { ...CONFIG.text, fontSize: 11 },
} as const;

export function configFor(layout: ChartLayout) {
  return layout === 'narrow' ? NARROW_CONFIG : CONFIG;
}

/** Length of a text in character cells: a Chinese character (or other wide one) takes two. */
export function textCells(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return n;
}

/** Wide punctuation that closes a phrase: never the first character of a line. */
const CLOSING = new Set([...'，。；：、）》」』”’！？']);

/**
 * Splits a label into lines of at most `max` character cells at spaces, or between two Chinese
 * characters (a word longer than that gets a line of its own), for chart text that would otherwise
 * run off a narrow chart.
 */
export function wrapText(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  let cells = 0;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    // A word of Latin letters stays whole; a run of wide characters may break after any of them.
    const pieces =
      word.match(
        /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[^\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+/g,
      ) ?? [];
    pieces.forEach((piece, i) => {
      const sep = i === 0 ? 1 : 0;
      const width = textCells(piece);
      if (line === '') {
        line = piece;
        cells = width;
      } else if (cells + sep + width <= max || (sep === 0 && CLOSING.has(piece))) {
        line += sep === 1 ? ` ${piece}` : piece;
        cells += sep + width;
      } else {
        lines.push(line);
        line = piece;
        cells = width;
      }
    });
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

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
  layout: ChartLayout = 'wide',
): TopLevelSpec {
  const labels = rows.map((r) => r.label);
  const maxHigh = Math.max(0.0001, ...rows.map((r) => r.high));
  const narrow = layout === 'narrow';
  // Narrow: the value label needs room to the right of the longest whisker within the chart's width.
  const x = {
    field: 'value',
    type: 'quantitative',
    title: narrow ? wrapText(axisTitle, 46) : axisTitle,
    axis: { format, tickCount: narrow ? 4 : 5 },
    scale: { domain: [0, Math.min(1, maxHigh * (narrow ? 1.6 : 1.25))], nice: false },
  } as const;
  // Narrow: each label sits on a line of its own above its bar, so the bars get the whole width.
  const y = 5;
  const bar = narrow ? { height: 12, yOffset: 9 } : { height: 18 };
  const whisker = narrow ? { yOffset: 9 } : {};
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description,
    width: narrow ? NARROW_WIDTH : 460,
    height: { step: narrow ? 40 : 30 },
    data: { values: rows },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: labels, title: null, ...(narrow ? { axis: null } : {}) },
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 2, ...bar },
        encoding: {
          x,
          color: { field: 'label', type: 'nominal', scale: { domain: labels, range: colours }, legend: null },
        },
      },
      {
        mark: { type: 'rule', color: '#222', strokeWidth: 1.4, ...whisker },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
      {
        mark: { type: 'tick', color: '#222', thickness: 1.4, size: 10, orient: 'vertical', ...whisker },
        encoding: { x: { field: 'low', type: 'quantitative' } },
      },
      {
        mark: { type: 'tick', color: '#222', thickness: 1.4, size: 10, orient: 'vertical', ...whisker },
        encoding: { x: { field: 'high', type: 'quantitative' } },
      },
      {
        mark: { type: 'text', align: 'left', dx: 6, ...whisker },
        encoding: { x: { field: 'high', type: 'quantitative' }, text: { field: 'text' } },
      },
      ...(narrow
        ? [
            {
              mark: {
                type: 'text',
                align: 'left',
                baseline: 'bottom',
                x: 0,
                yOffset: 2 - y,
                fontSize: 12,
                color: '#222',
                limit: NARROW_WIDTH,
              },
              encoding: { text: { field: 'label' } },
            },
          ]
        : []),
    ],
    config: configFor(layout),
  } as TopLevelSpec;
}

export function emptyChart(message: string, layout: ChartLayout = 'wide'): TopLevelSpec {
  const narrow = layout === 'narrow';
  const lines = narrow ? wrapText(message, 44) : [message];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: message,
    width: narrow ? NARROW_WIDTH : 460,
    height: 24 + 16 * lines.length,
    data: { values: [{ message: lines }] },
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'top',
      x: 0,
      y: 12,
      fontSize: 12,
      lineHeight: 16,
      color: '#666',
    },
    encoding: { text: { field: 'message' } },
    config: configFor(layout),
  } as TopLevelSpec;
}

/**
 * Renders a vega-lite spec to an SVG string in Node (no DOM, no canvas, no network: data is inline).
 * On a page in another language than English, vega's own accessibility wording (English: "X-axis
 * titled …", "bar", "label: …") is left out, so a screen reader does not read English there; the
 * chart's caption and its table of numbers say what it shows.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const localised =
    msg().lang === 'en'
      ? spec
      : ({ ...spec, config: { ...(spec as { config?: object }).config, aria: false } } as TopLevelSpec);
  const view = new View(parse(compile(localised).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    if (localised === spec) return svg;
    // What vega still says of its groups and titles goes too; the chart is named by its description.
    const name = typeof spec.description === 'string' ? spec.description : '';
    return svg
      .replace(/ (?:aria-roledescription|aria-label|role)="[^"]*"/g, '')
      .replace('<svg ', `<svg role="img" aria-label="${escapeHtml(name)}" `);
  } finally {
    view.finalize();
  }
}

/**
 * A wide chart made fit for a phone: for `narrow`, every plot is at most NARROW_WIDTH wide, side-by-side
 * panels are stacked, long titles wrap, and the narrow config keeps text at 11 px or more. For charts
 * drawn without a narrow design of their own.
 */
export function forLayout(spec: TopLevelSpec, layout: ChartLayout): TopLevelSpec {
  if (layout === 'wide') return spec;
  // Room for axis labels beside the plot: labels are cut at 110 px, the plot takes the rest.
  const config = {
    ...NARROW_CONFIG,
    axisY: { ...NARROW_CONFIG.axisY, labelLimit: 110 },
    legend: { ...NARROW_CONFIG.legend, orient: 'bottom', direction: 'vertical', columns: 1, labelLimit: 250 },
  };
  const plotWidth = NARROW_WIDTH - 120;
  const walk = (node: unknown, inEncoding: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, inEncoding));
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === 'width' && typeof v === 'number') out[k] = Math.min(v, plotWidth);
      else if (k === 'title' && typeof v === 'string' && textCells(v) > 40) out[k] = wrapText(v, 40);
      else if (k === 'hconcat') out.vconcat = walk(v, inEncoding);
      else if (k === 'legend' && v !== null && typeof v === 'object')
        out[k] = { ...(v as Record<string, unknown>), columns: 1, labelLimit: 250 };
      else if (k === 'config') out[k] = config;
      else out[k] = walk(v, inEncoding || k === 'encoding');
    }
    return out;
  };
  return walk(spec, false) as TopLevelSpec;
}
