/**
 * How report.html words a withheld figure, an empty group and a log without user ids. "suppressed"
 * always names the thresholds it stands for; a group with no conversation is shown as a zero, never
 * as suppressed. Which of the two thresholds a group missed is not said: that would tell something
 * about a group too small to describe (for example that a few people had many conversations).
 */
import { type Html, html } from './escape.js';
import { formatCount, formatPercent } from './format.js';
import { groupLabel } from './labels.js';
import type { Report } from './reportSchema.js';

/** True when no analysed conversation carried a user id (every conversation is its own user). */
export function withoutUserIds(r: Report): boolean {
  return r.funnel.analysed > 0 && r.overall.conversationsWithoutUserId === r.funnel.analysed;
}

/**
 * The thresholds in words: "fewer than 5 users or 10 conversations". Without user ids every
 * conversation is its own user, so the rule is on conversations alone and is said that way.
 */
export function belowWords(r: Report): string {
  const t = r.privacy.thresholds;
  if (withoutUserIds(r))
    return `fewer than ${formatCount(Math.max(t.minUsers, t.minConversations))} conversations`;
  return `fewer than ${formatCount(t.minUsers)} users or ${formatCount(t.minConversations)} conversations`;
}

/** The short mark in a table cell or a list; the thresholds are in its tooltip. */
export function withheldMark(r: Report): Html {
  return html`<span class="suppressed" title="Withheld: ${belowWords(r)} behind it">suppressed</span>`;
}

/** The mark with the thresholds written out, where there is room (cards, definition lists). */
export function withheldText(r: Report): Html {
  return html`<span class="suppressed">suppressed: ${belowWords(r)}</span>`;
}

/** The sentence a chart's caption ends with when some of its groups are withheld. */
export function hiddenGroupsNote(r: Report, groups: string[]): Html | string {
  if (groups.length === 0) return '';
  return html` Not shown (${belowWords(r)} behind each, so suppressed): ${groups.map(groupLabel).join(', ')}.`;
}

/** The sentence a chart's caption ends with for groups that hold no conversation at all. */
export function emptyGroupsNote(groups: string[]): Html | string {
  if (groups.length === 0) return '';
  return html` No conversations at all (0, not suppressed): ${groups.map(groupLabel).join(', ')}.`;
}

/**
 * What a log without (some) user ids means for the thresholds, or '' when every conversation has one.
 * `where` ends the sentence about what the reader should take from it.
 */
export function userIdNotice(r: Report): Html | string {
  const missing = r.overall.conversationsWithoutUserId;
  const n = r.funnel.analysed;
  if (missing === 0 || n === 0) return '';
  const t = r.privacy.thresholds;
  if (missing === n)
    return html`<p class="note" data-notice="no-user-ids"><strong>This log has no user ids.</strong> Every conversation counts as its own user, so “at least ${formatCount(t.minUsers)} users” behind a figure means at least ${formatCount(t.minUsers)} conversations, which may come from fewer people; per-user figures cannot be computed.</p>`;
  return html`<p class="note" data-notice="some-user-ids-missing"><strong>${formatCount(missing)} of ${formatCount(n)} analysed conversations (${formatPercent(missing / n)}) have no user id.</strong> Each counts as its own user, so a group's “users” may be fewer people than the count says.</p>`;
}
