export { buildReport } from './build.js';
export { renderFigures, renderSvg } from './charts.js';
export { CSV_TABLES, csvCell, csvTable } from './csv.js';
export { escapeHtml } from './escape.js';
export { type HtmlOptions, renderHtml } from './html.js';
export { REPORT_SCHEMA_VERSION, type Report, ReportSchema, reportJsonSchemaText } from './schema.js';
export { type ServeOptions, type StaticServer, startStaticServer } from './serve.js';
export type { Provenance, ReportInput, ValidationSummary } from './types.js';
export { reportJson, type WriteReportOptions, writeReport } from './write.js';
