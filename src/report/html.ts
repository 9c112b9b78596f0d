/**
 * report.html: one self-contained, offline, printable page. No scripts at all (the explorer is plain
 * <details>), a Content-Security-Policy that forbids every network fetch, charts as inline SVG.
 * All text goes through the escaping `html` template; only vega's SVG (which escapes its own text)
 * is inserted as markup.
 */
import { type ChartLayout, renderSvg } from './charts.js';
import { html, trusted } from './escape.js';
import { formatCount } from './format.js';
import { msg, type ReportLanguage, type ReportMessages, withReportLanguage } from './i18n/reportLanguage.js';
import { PAGE_SECTIONS } from './pageSections.js';
import type { Report } from './reportSchema.js';
import { REPORT_CSS } from './styles.js';

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface HtmlOptions {
  title?: string;
  /** The language of every heading, label, axis and explanation (default English); numbers are the same. */
  lang?: ReportLanguage;
}

/** Section id → its label in the table of contents (absent: not listed). */
const NAV: Record<string, keyof ReportMessages['nav']> = {
  headline: 'headline',
  'fig-prevalence': 'prevalence',
  'fig-topics': 'topics',
  'fig-pushback': 'pushback',
  'fig-sentiment': 'sentiment',
  long: 'long',
  users: 'users',
  'power-users': 'powerUsers',
  'over-time': 'overTime',
  segments: 'segments',
  drift: 'drift',
  dependency: 'dependency',
  referral: 'referral',
  crisis: 'crisis',
  stance: 'stance',
  funnel: 'funnel',
  estimation: 'estimation',
  privacy: 'privacy',
  methods: 'methods',
  provenance: 'provenance',
};

function navLabel(id: string, fallback: string): string {
  const key = NAV[id];
  return key === undefined ? fallback : msg().nav[key];
}

/** Every section's chart in one layout, rendered: chart id → SVG. */
export async function renderFigures(
  report: Report,
  layout: ChartLayout = 'wide',
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const s of PAGE_SECTIONS) if (s.chart) out[s.chart.id] = await renderSvg(s.chart.spec(report, layout));
  return out;
}

/** Both layouts of a chart; the stylesheet shows the narrow one on small screens, the wide one elsewhere. */
function bothLayouts(wide: string, narrow: string): string {
  return `<div class="chart-wide">${wide}</div><div class="chart-narrow">${narrow}</div>`;
}

export async function renderHtml(report: Report, options: HtmlOptions = {}): Promise<string> {
  return withReportLanguage(options.lang ?? 'en', () => renderPage(report, options));
}

async function renderPage(report: Report, options: HtmlOptions): Promise<string> {
  const t = msg();
  const wide = await renderFigures(report, 'wide');
  const narrow = await renderFigures(report, 'narrow');
  const svg = Object.fromEntries(Object.keys(wide).map((id) => [id, bothLayouts(wide[id], narrow[id])]));
  const title = options.title ?? t.page.title;
  const p = report.provenance;
  const page = html`<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${trusted(CSP)}">
<meta name="referrer" content="no-referrer">
<title>${title}</title>
<style>${trusted(REPORT_CSS)}</style>
</head>
<body>
<main>
<header class="top">
  <h1>${title}</h1>
  <p>${t.page.header(html`<strong>${p.engine}</strong>${p.model ? html` (${p.model})` : ''}`, p.promptVersion, formatCount(report.funnel.analysed), report.schemaVersion, p.affectlensVersion)}</p>
  <nav class="toc" aria-label="${t.page.sectionsNav}">
    ${PAGE_SECTIONS.filter((s) => s.nav).map((s) => html`<a href="#${s.id}">${navLabel(s.id, s.nav ?? s.id)}</a>`)}
  </nav>
</header>
${PAGE_SECTIONS.map((s) => s.html(report, s.chart ? svg[s.chart.id] : ''))}
<footer>${t.page.footer(p.affectlensVersion)}</footer>
</main>
</body>
</html>
`;
  return page.markup;
}
