/** The report's stylesheet, inline so report.html is one self-contained file. System fonts only. */
export const REPORT_CSS = `
:root {
  --ink: #1d2330; --muted: #5b6474; --line: #e3e6ec; --bg: #f6f7f9; --card: #ffffff; --accent: #3b4a6b;
  --font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { background: var(--bg); }
body { margin: 0; font: 15px/1.55 var(--font); color: var(--ink); }
main { max-width: 1080px; margin: 0 auto; padding: 32px 24px 64px; }
header.top { margin-bottom: 24px; }
header.top h1 { font-size: 28px; margin: 0 0 4px; letter-spacing: -0.01em; }
header.top p { margin: 0; color: var(--muted); }
nav.toc { margin: 14px 0 0; display: flex; flex-wrap: wrap; gap: 6px 14px; font-size: 13px; }
nav.toc a { color: var(--accent); text-decoration: none; border-bottom: 1px dotted var(--accent); }
h2 { font-size: 20px; margin: 0 0 4px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 22px 24px; margin: 18px 0; }
section > p.lede { color: var(--muted); margin: 0 0 14px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; margin: 8px 0 6px; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; border-top: 4px solid var(--accent); }
.card .label { font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.card .value { font-size: 28px; font-weight: 650; margin: 2px 0; font-variant-numeric: tabular-nums; }
.card .sub { font-size: 12.5px; color: var(--muted); }
figure.figure { margin: 10px 0 6px; }
figure.figure .chart { overflow-x: auto; }
figure.figure svg { max-width: 100%; height: auto; display: block; }
.chart-narrow { display: none; }
.table-scroll { max-width: 100%; overflow-x: auto; }
code.digest { word-break: break-all; }
td.about { color: var(--muted); font-size: 12.5px; }
.note + .note { margin-top: 8px; }
.note { margin: 0 0 12px; }
figcaption { font-size: 13px; color: var(--muted); margin-top: 8px; max-width: 70ch; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 16px; font-size: 12.5px; margin: 6px 0 0; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 8px 0; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { font-weight: 600; color: var(--muted); font-size: 12.5px; }
td.num, th.num { text-align: right; white-space: nowrap; }
.suppressed { color: var(--muted); font-style: italic; }
details { margin: 6px 0; }
details > summary { cursor: pointer; }
details.numbers > summary { font-size: 13px; color: var(--accent); }
.explorer { border: 1px solid var(--line); border-radius: 8px; padding: 6px 12px; margin: 10px 0; }
.explorer > summary { font-weight: 600; padding: 4px 0; }
details.topic { margin: 4px 0 4px 4px; padding-left: 12px; border-left: 3px solid var(--line); }
details.topic > summary { padding: 2px 0; }
details.topic .size { color: var(--muted); font-size: 12.5px; margin-left: 6px; font-variant-numeric: tabular-nums; }
details.topic p { margin: 2px 0 6px; color: var(--muted); font-size: 13.5px; }
.leaf { margin: 4px 0 4px 4px; padding-left: 12px; border-left: 3px solid var(--line); }
.leaf p { margin: 2px 0 6px; color: var(--muted); font-size: 13.5px; }
.funnel .row { display: grid; grid-template-columns: 300px 1fr 90px; gap: 10px; align-items: center; margin: 5px 0; font-size: 13.5px; }
.funnel .bar { background: #e9edf5; border-radius: 4px; height: 16px; overflow: hidden; }
.funnel .bar span { display: block; height: 100%; background: var(--accent); }
.funnel .row.out .bar span { background: #c9ced8; }
.funnel .count { text-align: right; font-variant-numeric: tabular-nums; }
.wide { overflow-x: auto; }
table.headline-table td, table.headline-table th { padding: 5px 7px; font-size: 12.5px; }
.note { background: #fff8e6; border: 1px solid #f1dfae; border-radius: 8px; padding: 10px 14px; font-size: 13.5px; }
dl.kv { display: grid; grid-template-columns: 220px 1fr; gap: 4px 14px; font-size: 13.5px; margin: 8px 0; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; overflow-wrap: anywhere; }
code { font-size: 12.5px; background: #f0f2f6; padding: 1px 4px; border-radius: 4px; }
.methods p, .methods li { max-width: 78ch; }
footer { color: var(--muted); font-size: 12.5px; text-align: center; margin-top: 28px; }
@media (max-width: 820px) { .chart-wide { display: none; } .chart-narrow { display: block; } }
@media (max-width: 640px) {
  main { padding: 20px 12px 48px; }
  header.top h1 { font-size: 23px; }
  section { padding: 16px 14px; border-radius: 8px; }
  .funnel .row { grid-template-columns: 1fr 70px; }
  .funnel .bar { display: none; }
  dl.kv { grid-template-columns: 1fr; }
  dl.kv dd { margin-bottom: 6px; }
  th, td { padding: 6px 6px; }
  table.stack thead { display: none; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
  table.stack td { border: none; padding: 2px 0; text-align: left; }
  table.stack td:first-child { font-weight: 600; }
}
@media print {
  html, body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section, .card { border-color: #bbb; break-inside: avoid-page; }
  figure.figure { break-inside: avoid; }
  .chart-wide { display: block !important; }
  .chart-narrow { display: none !important; }
  section { padding: 12px 0; border: none; border-top: 1px solid #bbb; border-radius: 0; }
  a { color: inherit; text-decoration: none; }
}
`;
