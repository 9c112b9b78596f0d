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

/** report.json's words (src/analysis/userFigures.ts) for a log without user ids; the page translates them. */
const NO_USER_IDS = 'the log has no user ids, so nothing can be said per user';

function usersHtml(r: Report, svg: string): Html {
  const u = r.perUser;
  const f = r.users;
  const t = msg().users;
  if (!u || !f.available)
    return html`<section id="users">
  <h2>${t.heading}</h2>
  ${notAvailable(f.available ? NO_USER_IDS : f.reason)}
</section>`;
  const s = f.affectiveShare;
  const c = f.concentration;
  const ret = f.returning;
  return html`<section id="users">
  <h2>${t.headingAvailable}</h2>
  <p class="lede">${t.lede}${f.methodNote ? html` ${t.methodNote(f.methodNote)}` : ''}</p>
  <dl class="kv">
    <dt>${t.distinct}</dt><dd>${formatCount(u.users)}</dd>
    <dt>${t.withAffective}</dt><dd>${u.usersWithAffective.suppressed ? withheldText(r) : html`${formatCount(u.usersWithAffective.count)} ${t.ofUsers(formatPercent(u.usersWithAffective.share))}`}</dd>
    <dt>${t.concentration}</dt><dd>${
      u.concentration.suppressed
        ? html`${withheldText(r)} <span class="suppressed">${t.top1Withheld}</span>`
        : u.concentration.topUsers === 0
          ? t.noAffectiveUser
          : t.top1(formatCount(u.concentration.topUsers), formatPercent(u.concentration.share))
    }</dd>
    <dt>${t.top10}</dt><dd>${c.top10.suppressed ? withheldText(r) : t.top10Text(formatCount(c.top10.users), formatPercent(c.top10.share))}</dd>
    <dt>${t.gini}</dt><dd>${c.gini.suppressed ? withheldText(r) : html`${c.gini.value.toFixed(2)} <span class="suppressed">${t.giniNote(formatCount(c.gini.users))}</span>`}</dd>
    <dt>${t.returning}</dt><dd>${
      !ret.available
        ? html`<span class="suppressed">${t.notAvailable(msg().parts.reason(ret.reason))}</span>`
        : ret.suppressed
          ? withheldText(r)
          : t.returningText(
              formatCount(ret.users),
              formatCount(ret.of),
              formatPercent(ret.share),
              formatInterval(ret.interval.low, ret.interval.high),
              ret.period === 'week',
            )
    }</dd>
  </dl>
  ${
    c.lorenz.suppressed
      ? html`<p class="suppressed">${t.lorenzWithheld}</p>`
      : figureBlock('lorenz', svg, html`${t.lorenzCaption}`)
  }
  <h3>${t.perUserHeading}</h3>
  <p>${t.perUserText(s.minConversations, s.users.suppressed ? null : formatCount(s.users.count))}</p>
  <div class="table-scroll"><table><thead><tr><th>${t.shareColumn}</th><th class="num">${t.usersColumn}</th><th class="num">${t.shareOfThese}</th></tr></thead><tbody>
  ${s.buckets.map((b) =>
    b.suppressed
      ? html`<tr><td>${t.buckets[b.bucket] ?? b.bucket}</td><td class="num" colspan="2">${withheldText(r)}</td></tr>`
      : html`<tr><td>${t.buckets[b.bucket] ?? b.bucket}</td><td class="num">${formatCount(b.users)}</td><td class="num">${formatPercent(b.share)}</td></tr>`,
  )}
  </tbody></table></div>
</section>`;
}

function lorenzSpec(r: Report): TopLevelSpec {
  const t = msg().users;
  const f = r.users;
  if (!f.available || f.concentration.lorenz.suppressed) return emptyChart(t.lorenzEmpty);
  const axis = { format: '.0%', tickCount: 5 };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: t.lorenzDescription,
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
            title: t.lorenzX,
            axis,
            scale: { domain: [0, 1] },
          },
          y: {
            field: 'conversations',
            type: 'quantitative',
            title: t.lorenzY,
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
