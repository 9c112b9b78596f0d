/** Pieces of report.html that several sections share (cards, figures, the topic explorer). */
import { type Html, html, trusted } from './escape.js';
import { formatCount, formatPercent } from './format.js';
import { msg } from './i18n/reportLanguage.js';
import { categoryLegend, groupLabel } from './labels.js';
import type { ReportTopicTree, TopicNodeShape as TopicNode } from './reportSchema.js';

/** The short withheld mark, in the page's language. */
export function suppressedMark(): Html {
  return html`<span class="suppressed">${msg().withheld.mark}</span>`;
}

export function card(label: string, value: string | Html, sub: string | Html, colour?: string): Html {
  const style = colour ? `border-top-color: ${colour}` : '';
  return html`<div class="card" style="${style}"><div class="label">${label}</div><div class="value">${value}</div><div class="sub">${sub}</div></div>`;
}

export function legend(): Html {
  return html`<div class="legend" aria-hidden="true">${categoryLegend().map(
    (l) => html`<span><span class="swatch" style="background: ${l.colour}"></span>${l.label}</span>`,
  )}</div>`;
}

export function suppressedNote(groups: string[]): Html | string {
  if (groups.length === 0) return '';
  return html`${msg().withheld.suppressedGroups(groups.map(groupLabel).join(', '))}`;
}

/** Conversations of a topic in none of its shown sub-topics (0 for a leaf). */
export function topicRemainder(n: TopicNode): number {
  if (n.children.length === 0) return 0;
  return Math.max(0, n.conversations - n.children.reduce((s, c) => s + c.conversations, 0));
}

/** The name of a topic's remainder row (topics.csv; the page shows it in its own language). */
export const REMAINDER_NAME = 'Other conversations in this topic (in no sub-topic)';

export function topicNode(n: TopicNode, total: number): Html {
  // The space keeps name and size apart in text extraction ("…problems 182 conversations").
  const t = msg();
  const size = html`<span class="size">${t.parts.conversations(formatCount(n.conversations))} · ${formatPercent(total === 0 ? 0 : n.conversations / total)} · ${t.parts.users(formatCount(n.users))}</span>`;
  const desc = n.description ? html`<p>${asData(n.description)}</p>` : '';
  if (n.children.length === 0)
    return html`<div class="leaf"><span class="name">${t.topicName(n.name)}</span> ${size}${desc}</div>`;
  const rest = topicRemainder(n);
  const restRow =
    rest > 0
      ? html`<div class="leaf remainder"><span class="name">${t.parts.remainder}</span> <span class="size">${t.parts.conversations(formatCount(rest))} · ${formatPercent(total === 0 ? 0 : rest / total)}</span></div>`
      : '';
  return html`<details class="topic"><summary><span class="name">${t.topicName(n.name)}</span> ${size}</summary>${desc}${n.children.map((c) => topicNode(c, total))}${restRow}</details>`;
}

export function explorer(tree: ReportTopicTree, label: string, colour: string): Html {
  const below = tree.belowThreshold.conversations;
  const t = msg();
  return html`<details class="explorer" data-group="${tree.group}">
  <summary><span class="swatch" style="background: ${colour}"></span>${label} · ${t.parts.conversationCount(tree.total, formatCount(tree.total))} · ${t.parts.clusterCount(tree.topics.length, formatCount(tree.topics.length))}</summary>
  ${tree.topics.length === 0 ? html`<p class="suppressed">${t.parts.noCluster}</p>` : tree.topics.map((n) => topicNode(n, tree.total))}
  ${below > 0 ? html`<p class="suppressed">${t.parts.belowThreshold(formatCount(below))}</p>` : ''}
</details>`;
}

/** A chart with its caption; `svg` is the section's rendered chart. */
export function figureBlock(id: string, svg: string, caption: Html): Html {
  return html`<figure class="figure" id="figure-${id}" data-figure="${id}">
  <div class="chart">${trusted(svg)}</div>
  <figcaption>${caption}</figcaption>
</figure>`;
}

/** A section that this log cannot support: why, said plainly (not an error, not a zero). */
export function notAvailable(reason: string): Html {
  return html`<p class="note not-available"><strong>${msg().parts.notAvailable}</strong> ${msg().parts.reason(reason)}${msg().parts.fullStop}</p>`;
}

/**
 * Text the report copies from its data rather than writes (an engine's own account of its accuracy, a
 * calibration set's name, an input file's note about itself): as written, in English, and marked so on
 * a page in another language.
 */
export function asData(text: string): Html | string {
  return msg().lang === 'en' ? text : html`<span lang="en">${text}</span>`;
}
