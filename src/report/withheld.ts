/**
 * How report.html words a withheld figure, an empty group and a log without user ids. "suppressed"
 * always names the thresholds it stands for; a group with no conversation is shown as a zero, never
 * as suppressed. Which of the two thresholds a group missed is not said: that would tell something
 * about a group too small to describe (for example that a few people had many conversations).
 */
import { type Html, html } from './escape.js';
import { formatCount, formatPercent } from './format.js';
import { msg } from './i18n/reportLanguage.js';
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
  const w = msg().withheld;
  if (withoutUserIds(r)) return w.belowConversations(formatCount(Math.max(t.minUsers, t.minConversations)));
  return w.below(formatCount(t.minUsers), formatCount(t.minConversations));
}

/** The short mark in a table cell or a list; the thresholds are in its tooltip. */
export function withheldMark(r: Report): Html {
  const w = msg().withheld;
  return html`<span class="suppressed" title="${w.markTitle(belowWords(r))}">${w.mark}</span>`;
}

/** The mark with the thresholds written out, where there is room (cards, definition lists). */
export function withheldText(r: Report): Html {
  return html`<span class="suppressed">${msg().withheld.text(belowWords(r))}</span>`;
}

/** The sentence a chart's caption ends with when some of its groups are withheld. */
export function hiddenGroupsNote(r: Report, groups: string[]): Html | string {
  if (groups.length === 0) return '';
  return html`${msg().withheld.hiddenGroups(belowWords(r), groups.map(groupLabel).join(', '))}`;
}

/** The sentence a chart's caption ends with for groups that hold no conversation at all. */
export function emptyGroupsNote(groups: string[]): Html | string {
  if (groups.length === 0) return '';
  return html`${msg().withheld.emptyGroups(groups.map(groupLabel).join(', '))}`;
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
    return html`<p class="note" data-notice="no-user-ids">${msg().withheld.noUserIds(formatCount(t.minUsers))}</p>`;
  return html`<p class="note" data-notice="some-user-ids-missing">${msg().withheld.someUserIds(formatCount(missing), formatCount(n), formatPercent(missing / n))}</p>`;
}
