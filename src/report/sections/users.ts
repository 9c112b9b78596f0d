/**
 * Users (only when the log has user ids): counts, how affective each user's use is, how concentrated
 * affective use is (top 1 % and 10 %, Gini, a Lorenz curve), and returning affective users. Counts and
 * distributions over users only, never a row per user (chart, user_affective_share.csv,
 * user_concentration.csv).
 */
import type { TopLevelSpec } from 'vega-lite';
import { CONFIG, emptyChart, forLayout } from '../charts.js';
import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent } from '../format.js';
import { figureBlock, notAvailable } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { ALL_AFFECTIVE_COLOUR } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';
import { withheldText } from '../withheld.js';

const BUCKET_LABELS: Record<string, string> = {
  none: 'None (0%)',
  up_to_quarter: 'Up to a quarter',
  up_to_half: 'A quarter to half',
  up_to_three_quarters: 'Half to three quarters',
  up_to_all: 'Over three quarters',
};

function usersHtml(r: Report, svg: string): Html {
  const u = r.perUser;
  const f = r.users;
  if (!u || !f.available)
    return html`<section id="users">
  <h2>${msg().users.heading}</h2>
  ${notAvailable(f.available ? 'the log has no user ids, so nothing can be said per user' : f.reason)}
</section>`;
  const s = f.affectiveShare;
  const c = f.concentration;
  const ret = f.returning;
  return html`<section id="users">
  <h2>${msg().users.headingAvailable}</h2>
  <p class="lede">Counts and distributions over users only: no row describes one person, and every group shown has at least the privacy thresholds' users and conversations. Conversations without a user id count as their own user.${f.methodNote ? html` ${f.methodNote}` : ''}</p>
  <dl class="kv">
    <dt>${msg().users.distinct}</dt><dd>${formatCount(u.users)}</dd>
    <dt>${msg().users.withAffective}</dt><dd>${u.usersWithAffective.suppressed ? withheldText(r) : html`${formatCount(u.usersWithAffective.count)} (${formatPercent(u.usersWithAffective.share)} of users)`}</dd>
    <dt>${msg().users.concentration}</dt><dd>${
      u.concentration.suppressed
        ? html`${withheldText(r)} <span class="suppressed">(the top 1% of users is too small a group to describe)</span>`
        : u.concentration.topUsers === 0
          ? 'No user had an affective conversation.'
          : html`The top ${formatCount(u.concentration.topUsers)} users (top 1%) account for ${formatPercent(u.concentration.share)} of affective conversations.`
    }</dd>
    <dt>${msg().users.top10}</dt><dd>${c.top10.suppressed ? withheldText(r) : html`${formatCount(c.top10.users)} users account for ${formatPercent(c.top10.share)} of affective conversations`}</dd>
    <dt>${msg().users.gini}</dt><dd>${c.gini.suppressed ? withheldText(r) : html`${c.gini.value.toFixed(2)} <span class="suppressed">(affective conversations over ${formatCount(c.gini.users)} users; 0 = evenly spread, 1 = all from one user)</span>`}</dd>
    <dt>${msg().users.returning}</dt><dd>${
      !ret.available
        ? html`<span class="suppressed">not available: ${ret.reason}</span>`
        : ret.suppressed
          ? withheldText(r)
          : html`${formatCount(ret.users)} of ${formatCount(ret.of)} (${formatPercent(ret.share)}; ${formatInterval(ret.interval.low, ret.interval.high)}) had affective conversations in two or more ${ret.period === 'week' ? 'weeks' : 'months'}`
    }</dd>
  </dl>
  ${
    c.lorenz.suppressed
      ? html`<p class="suppressed">The Lorenz curve is withheld: a tenth of the users with affective conversations is below the privacy thresholds.</p>`
      : figureBlock(
          'lorenz',
          svg,
          html`Lorenz curve: the share of affective conversations (up) held by the lightest share of the users who had any (across), in tenths. The dashed diagonal is an even spread; the further the curve sags below it, the more a few users account for.`,
        )
  }
  <h3>${msg().users.perUserHeading}</h3>
  <p>Users with at least ${s.minConversations} analysed conversations${s.users.suppressed ? '' : html` (${formatCount(s.users.count)})`}, by the share of their conversations that are affective.</p>
  <div class="table-scroll"><table><thead><tr><th>${msg().users.shareColumn}</th><th class="num">${msg().users.usersColumn}</th><th class="num">${msg().users.shareOfThese}</th></tr></thead><tbody>
  ${s.buckets.map((b) =>
    b.suppressed
      ? html`<tr><td>${BUCKET_LABELS[b.bucket] ?? b.bucket}</td><td class="num" colspan="2">${withheldText(r)}</td></tr>`
      : html`<tr><td>${BUCKET_LABELS[b.bucket] ?? b.bucket}</td><td class="num">${formatCount(b.users)}</td><td class="num">${formatPercent(b.share)}</td></tr>`,
  )}
  </tbody></table></div>
</section>`;
}

function lorenzSpec(r: Report): TopLevelSpec {
  const f = r.users;
  if (!f.available || f.concentration.lorenz.suppressed)
    return emptyChart('The Lorenz curve is not available for this log.');
  const axis = { format: '.0%', tickCount: 5 };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: 'Lorenz curve of affective conversations over users',
    width: 300,
    height: 300,
    layer: [
      {
        data: {
          values: [
            { users: 0, conversations: 0 },
            { users: 1, conversations: 1 },
          ],
        },
        mark: { type: 'line', color: '#999', strokeDash: [4, 4] },
        encoding: {
          x: { field: 'users', type: 'quantitative' },
          y: { field: 'conversations', type: 'quantitative' },
        },
      },
      {
        data: { values: f.concentration.lorenz.points },
        mark: { type: 'line', point: true, color: ALL_AFFECTIVE_COLOUR },
        encoding: {
          x: {
            field: 'users',
            type: 'quantitative',
            title: 'Share of users with affective conversations (lightest first)',
            axis,
            scale: { domain: [0, 1] },
          },
          y: {
            field: 'conversations',
            type: 'quantitative',
            title: 'Share of affective conversations',
            axis,
            scale: { domain: [0, 1] },
          },
        },
      },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}

function affectiveShareCsv(r: Report): string {
  const f = r.users;
  const rows: Cell[][] = f.available
    ? f.affectiveShare.buckets.map((b) =>
        b.suppressed
          ? [b.bucket, b.low, b.high, true, null, null]
          : [b.bucket, b.low, b.high, false, b.users, b.share],
      )
    : [];
  return csvTable(['bucket', 'share_above', 'share_up_to', 'suppressed', 'users', 'share_of_users'], rows);
}

function concentrationCsv(r: Report): string {
  const rows: Cell[][] = [];
  const u = r.perUser;
  const f = r.users;
  if (u)
    rows.push(
      u.concentration.suppressed
        ? ['top_1_percent_share', true, null, null, null]
        : [
            'top_1_percent_share',
            false,
            u.concentration.share,
            u.concentration.topUsers,
            u.concentration.conversations,
          ],
    );
  if (f.available) {
    const c = f.concentration;
    rows.push(
      c.top10.suppressed
        ? ['top_10_percent_share', true, null, null, null]
        : ['top_10_percent_share', false, c.top10.share, c.top10.users, c.top10.conversations],
    );
    rows.push(
      c.gini.suppressed
        ? ['gini', true, null, null, null]
        : ['gini', false, c.gini.value, c.gini.users, null],
    );
    if (c.lorenz.suppressed) rows.push(['lorenz', true, null, null, null]);
    else
      for (const p of c.lorenz.points)
        rows.push([`lorenz_${p.users.toFixed(1)}`, false, p.conversations, null, null]);
    const ret = f.returning;
    if (ret.available)
      rows.push(
        ret.suppressed
          ? [`returning_${ret.period}s`, true, null, null, null]
          : [`returning_${ret.period}s`, false, ret.share, ret.users, null],
      );
  }
  return csvTable(['measure', 'suppressed', 'value', 'users', 'conversations'], rows);
}

export const usersSection: ReportSection = {
  id: 'users',
  nav: 'Users',
  chart: { id: 'lorenz', spec: (r, layout) => forLayout(lorenzSpec(r), layout) },
  html: usersHtml,
  csv: { 'user_affective_share.csv': affectiveShareCsv, 'user_concentration.csv': concentrationCsv },
};
