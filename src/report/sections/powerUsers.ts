/**
 * Power users (the study's "power users" who "have longer and deeper conversations"): how many, what
 * they use the assistant for against everyone, and how often their conversations show dependency cues
 * (chart and power_users.csv).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Shown, Suppressed } from '../../privacy/thresholds.js';
import { CONFIG, emptyChart, forLayout } from '../charts.js';
import { type Cell, csvTable } from '../csv.js';
import { type Html, html } from '../escape.js';
import { formatCount, formatInterval, formatPercent } from '../format.js';
import { figureBlock, notAvailable, suppressedMark } from '../htmlParts.js';
import { msg } from '../i18n/reportLanguage.js';
import { ALL_AFFECTIVE_COLOUR, cueLabel, groupLabel } from '../labels.js';
import type { Report } from '../reportSchema.js';
import type { ReportSection } from '../reportSection.js';

const POWER_COLOUR = '#7a3e9d';

type Ratio =
  | Suppressed
  | Shown<{ share: number; interval: { low: number; high: number }; count: number; of: number }>;

function ratioCell(x: Ratio): Html {
  return x.suppressed
    ? html`<td class="num">${suppressedMark()}</td>`
    : html`<td class="num">${formatPercent(x.share)} <span class="suppressed">(${formatInterval(x.interval.low, x.interval.high)})</span></td>`;
}

function powerHtml(r: Report, svg: string): Html {
  const f = r.users;
  if (!f.available)
    return html`<section id="power-users">
  <h2>${msg().powerUsers.heading}</h2>
  ${notAvailable(f.reason)}
</section>`;
  const p = f.powerUsers;
  const g = p.group;
  return html`<section id="power-users">
  <h2>${msg().powerUsers.headingAvailable}</h2>
  <p class="lede">${msg().powerUsers.lede(p.minAffectiveConversations, p.minHumanMessages)}</p>
  <dl class="kv">
    <dt>${msg().powerUsers.power}</dt><dd>${
      g.suppressed
        ? html`${suppressedMark()} <span class="suppressed">${msg().powerUsers.groupWithheld}</span>`
        : msg().powerUsers.groupText({
            users: formatCount(g.users),
            share: formatPercent(g.shareOfAffectiveUsers),
            interval: formatInterval(g.interval.low, g.interval.high),
            conversations: formatCount(g.conversations),
            conversationShare: formatPercent(g.shareOfAffectiveConversations),
          })
    }</dd>
  </dl>
  ${g.suppressed ? '' : figureBlock('power-users', svg, html`${msg().powerUsers.caption}`)}
  <div class="table-scroll"><table><thead><tr><th>${msg().powerUsers.category}</th><th class="num">${msg().powerUsers.power}</th><th class="num">${msg().powerUsers.everyone}</th></tr></thead><tbody>
  ${p.categoryMix.map((m) => html`<tr><td>${groupLabel(m.category)}</td>${ratioCell(m.powerUsers)}${ratioCell(m.everyone)}</tr>`)}
  </tbody></table></div>
  <h3>${msg().powerUsers.dependency}</h3>
  ${
    !p.dependency.available
      ? notAvailable(p.dependency.reason)
      : html`<p>${msg().powerUsers.dependencyText}</p>
  <div class="table-scroll"><table><thead><tr><th>${msg().powerUsers.cue}</th><th class="num">${msg().powerUsers.power}</th><th class="num">${msg().powerUsers.everyone}</th></tr></thead><tbody>
  ${p.dependency.cues.map((c) => html`<tr><td>${cueLabel(c.cue)}</td>${ratioCell(c.powerUsers)}${ratioCell(c.everyone)}</tr>`)}
  </tbody></table></div>`
  }
</section>`;
}

function powerSpec(r: Report): TopLevelSpec {
  const POWER = msg().powerUsers.power;
  const EVERYONE = msg().powerUsers.everyone;
  const f = r.users;
  if (!f.available || f.powerUsers.group.suppressed) return emptyChart(msg().powerUsers.chartEmpty);
  const rows: { category: string; who: string; value: number; low: number; high: number }[] = [];
  for (const m of f.powerUsers.categoryMix) {
    for (const [who, x] of [
      [POWER, m.powerUsers],
      [EVERYONE, m.everyone],
    ] as const) {
      if (x.suppressed) continue;
      rows.push({
        category: groupLabel(m.category),
        who,
        value: x.share,
        low: x.interval.low,
        high: x.interval.high,
      });
    }
  }
  if (rows.length === 0) return emptyChart(msg().powerUsers.chartNoCategory);
  const categories = f.powerUsers.categoryMix.map((m) => groupLabel(m.category));
  const y = { field: 'category', type: 'nominal', sort: categories, title: null } as const;
  const yOffset = { field: 'who', type: 'nominal', sort: [POWER, EVERYONE] } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: msg().powerUsers.description,
    width: 420,
    height: { step: 44 },
    data: { values: rows },
    encoding: { y, yOffset },
    layer: [
      {
        mark: { type: 'bar', height: 14 },
        encoding: {
          x: {
            field: 'value',
            type: 'quantitative',
            title: msg().powerUsers.axis,
            axis: { format: '.0%', tickCount: 5 },
            scale: { domain: [0, 1] },
          },
          color: {
            field: 'who',
            type: 'nominal',
            title: null,
            scale: { domain: [POWER, EVERYONE], range: [POWER_COLOUR, ALL_AFFECTIVE_COLOUR] },
          },
        },
      },
      {
        mark: { type: 'rule', color: '#222', strokeWidth: 1.2 },
        encoding: { x: { field: 'low', type: 'quantitative' }, x2: { field: 'high' } },
      },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}

function powerCsv(r: Report): string {
  const rows: Cell[][] = [];
  const f = r.users;
  if (f.available) {
    const add = (kind: string, name: string, who: string, x: Ratio) =>
      rows.push(
        x.suppressed
          ? [kind, name, who, true, null, null, null, null, null]
          : [kind, name, who, false, x.count, x.of, x.share, x.interval.low, x.interval.high],
      );
    const g = f.powerUsers.group;
    rows.push(
      g.suppressed
        ? ['group', 'power_users', 'power_users', true, null, null, null, null, null]
        : [
            'group',
            'power_users',
            'power_users',
            false,
            g.users,
            null,
            g.shareOfAffectiveUsers,
            g.interval.low,
            g.interval.high,
          ],
    );
    for (const m of f.powerUsers.categoryMix) {
      add('category', m.category, 'power_users', m.powerUsers);
      add('category', m.category, 'everyone', m.everyone);
    }
    if (f.powerUsers.dependency.available)
      for (const c of f.powerUsers.dependency.cues) {
        add('cue', c.cue, 'power_users', c.powerUsers);
        add('cue', c.cue, 'everyone', c.everyone);
      }
  }
  return csvTable(['kind', 'name', 'who', 'suppressed', 'count', 'of', 'share', 'ci_low', 'ci_high'], rows);
}

export const powerUsersSection: ReportSection = {
  id: 'power-users',
  nav: 'Power users',
  chart: { id: 'power-users', spec: (r, layout) => forLayout(powerSpec(r), layout) },
  html: powerHtml,
  csv: { 'power_users.csv': powerCsv },
};
