/** Provenance: versions, engine, seed, tokens, cost and the inputs' SHA-256. */

import { type Html, html } from '../escape.js';
import { formatCount } from '../format.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

function provenanceHtml(r: Report): Html {
  const p = r.provenance;
  const t = p.tokenUsage;
  const params = Object.entries(p.parameters);
  return html`<section id="provenance">
  <h2>Provenance</h2>
  <dl class="kv">
    <dt>affectlens</dt><dd>${p.affectlensVersion}</dd>
    <dt>Engine</dt><dd>${p.engine}</dd>
    <dt>Model</dt><dd>${p.model ?? '—'}</dd>
    <dt>Prompt version</dt><dd>${p.promptVersion}</dd>
    <dt>Seed</dt><dd>${r.sentimentChange.seed}</dd>
    <dt>Tokens</dt><dd>${formatCount(t.inputTokens)} in · ${formatCount(t.outputTokens)} out${t.cacheReadTokens !== undefined ? html` · ${formatCount(t.cacheReadTokens)} cache read` : ''}${t.cacheWriteTokens !== undefined ? html` · ${formatCount(t.cacheWriteTokens)} cache write` : ''}</dd>
    <dt>Cost</dt><dd>${p.costUSD === null ? 'unknown' : `US$${p.costUSD.toFixed(2)}`}</dd>
    ${params.map(([k, v]) => html`<dt>${k}</dt><dd><code>${JSON.stringify(v) ?? 'undefined'}</code></dd>`)}
  </dl>
  <table><thead><tr><th>Input</th><th>Format</th><th class="num">Bytes</th><th>SHA-256</th></tr></thead><tbody>
  ${p.inputs.map((i) => html`<tr><td>${i.file}</td><td>${i.format}</td><td class="num">${formatCount(i.bytes)}</td><td><code>${i.sha256}</code></td></tr>`)}
  </tbody></table>
</section>`;
}

export const provenanceSection: ReportSection = {
  id: 'provenance',
  nav: 'Provenance',
  html: (r) => provenanceHtml(r),
};
