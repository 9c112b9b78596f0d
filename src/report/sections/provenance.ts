/** Provenance: versions, engine, seed, tokens, cost and the inputs' SHA-256. */

import { type Html, html } from '../escape.js';
import { formatCount } from '../format.js';
import { asData } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

/** A run parameter as a reader wants it: "not set" rather than null, numbers and words plain. */
function parameterValue(v: unknown): Html | string {
  const t = msg().provenance;
  if (v === null || v === undefined) return html`<span class="suppressed">${t.notSet}</span>`;
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (typeof v === 'number') return Number.isInteger(v) ? formatCount(v) : String(v);
  if (typeof v === 'string') return v;
  return html`<code>${JSON.stringify(v)}</code>`;
}

function provenanceHtml(r: Report): Html {
  const p = r.provenance;
  const t = p.tokenUsage;
  const params = Object.entries(p.parameters);
  const m = msg().provenance;
  return html`<section id="provenance">
  <h2>${msg().provenance.heading}</h2>
  <dl class="kv">
    <dt>affectlens</dt><dd>${p.affectlensVersion}</dd>
    <dt>${msg().provenance.engine}</dt><dd>${p.engine}</dd>
    <dt>${msg().provenance.model}</dt><dd>${p.model ?? '—'}</dd>
    <dt>${msg().provenance.promptVersion}</dt><dd>${p.promptVersion}</dd>
    <dt>${msg().provenance.seed}</dt><dd>${r.sentimentChange.seed}</dd>
    <dt>${msg().provenance.tokens}</dt><dd>${m.tokensIn(formatCount(t.inputTokens))} · ${m.tokensOut(formatCount(t.outputTokens))}${t.cacheReadTokens !== undefined ? html` · ${m.cacheRead(formatCount(t.cacheReadTokens))}` : ''}${t.cacheWriteTokens !== undefined ? html` · ${m.cacheWrite(formatCount(t.cacheWriteTokens))}` : ''}</dd>
    <dt>${msg().provenance.cost}</dt><dd>${p.costUSD === null ? m.unknown : `US$${p.costUSD.toFixed(2)}`}</dd>
    ${params.map(([k, v]) => html`<dt><code>${k}</code></dt><dd>${parameterValue(v)}</dd>`)}
  </dl>
  <div class="table-scroll"><table class="inputs"><thead><tr><th>${msg().provenance.input}</th><th>${msg().provenance.format}</th><th class="num">${msg().provenance.bytes}</th><th>SHA-256</th></tr></thead><tbody>
  ${p.inputs.map((i) => html`<tr><td>${i.file}</td><td>${i.format}</td><td class="num">${formatCount(i.bytes)}</td><td><code class="digest">${i.sha256}</code></td></tr>${i.about ? html`<tr><td colspan="4" class="about">${m.about} ${asData(i.about)}</td></tr>` : ''}`)}
  </tbody></table></div>
</section>`;
}

export const provenanceSection: ReportSection = {
  id: 'provenance',
  nav: 'Provenance',
  html: (r) => provenanceHtml(r),
};
