/**
 * What report.html says in the places a newcomer read wrong (issue #18): zeros shown as zeros,
 * "suppressed" naming its thresholds, the study's headline numbers, the input's note about itself,
 * logs without user ids, raw nulls, an empty column, a section that vanished, Figure 4's bars.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisRecord } from '../../src/analysis/record.js';
import { buildReport } from '../../src/report/build.js';
import { formatCount, formatPercent } from '../../src/report/format.js';
import { renderFigures, renderHtml } from '../../src/report/html.js';
import { groupLabel } from '../../src/report/labels.js';
import { PAGE_SECTIONS } from '../../src/report/pageSections.js';
import type { Report } from '../../src/report/reportSchema.js';
import { csvTables } from '../../src/report/writeReport.js';
import { fixtureInput, fixtureRecords } from '../helpers/reportFixture.js';

/** The HTML of one section (its <section> element), so an assertion reads only that part of the page. */
function sectionHtml(r: Report, id: string): string {
  const s = PAGE_SECTIONS.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return String(s.html(r, ''));
}

/** Text of the page without tags, whitespace collapsed. */
function text(markup: string): string {
  return markup
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

const withoutUser = (r: AnalysisRecord): AnalysisRecord => ({ ...r, userId: undefined });

describe('zero is not "suppressed"', () => {
  it('shows a count of 0 as 0, and says which thresholds a suppressed figure missed', () => {
    // The fixture has no conversation with 50+ human messages among the affective ones? It has a few
    // companionship ones; remove every long conversation so both long counts are 0.
    const input = fixtureInput({ records: fixtureRecords().filter((x) => x.humanMessages < 50) });
    const r = buildReport(input);
    expect(r.longConversations.all).toMatchObject({ suppressed: false, count: 0 });
    const long = text(sectionHtml(r, 'long'));
    expect(long).not.toMatch(/suppressed/);
    expect(long).toMatch(/All conversations 0 \(0% of [\d,]+ analysed conversations/);
    expect(long).toMatch(/Affective conversations 0 \(0% of [\d,]+ affective conversations/);
    const headline = text(sectionHtml(r, 'headline'));
    expect(headline).toMatch(/Affective with 50\+ messages 0% 0 of [\d,]+ affective conversations/i);

    // Roleplay in the fixture is 10 conversations from 3 users: withheld, with the thresholds named.
    const prevalence = text(sectionHtml(r, 'fig-prevalence'));
    expect(prevalence).toMatch(
      /Not shown \(fewer than 5 users or 10 conversations behind each, so suppressed\): Romantic & sexual roleplay/,
    );
    expect(sectionHtml(r, 'fig-prevalence')).toMatch(
      /<span class="suppressed" title="Withheld: fewer than 5 users or 10 conversations behind it">suppressed<\/span>/,
    );
  });

  it('shows an empty category as 0 conversations in the pushback and sentiment figures', () => {
    const records = fixtureRecords().filter((x) => !x.facets.categories.includes('companionship'));
    const r = buildReport(fixtureInput({ records }));
    expect(r.pushback.categories.find((g) => g.group === 'companionship')).toEqual({
      group: 'companionship',
      suppressed: false,
      n: 0,
    });
    expect(text(sectionHtml(r, 'fig-pushback'))).toMatch(/Companionship 0 conversations/);
    expect(text(sectionHtml(r, 'fig-pushback'))).toMatch(
      /No conversations at all \(0, not suppressed\): Companionship/,
    );
    expect(text(sectionHtml(r, 'fig-sentiment'))).toMatch(
      /Companionship 0 no conversations with 6\+ human messages/,
    );
    const csv = csvTables()['pushback.csv'](r);
    expect(csv).toContain('companionship,false,0,0,,,,\r\n');
  });
});

describe("the study's headline numbers", () => {
  let r: Report;
  beforeAll(() => {
    r = buildReport(fixtureInput());
  });

  it('shows pushback over all analysed conversations beside the affective rate', () => {
    const all = r.overall.pushback;
    const records = fixtureRecords().filter((x) => x.facets.status.kind !== 'error');
    expect(all.n).toBe(records.length);
    expect(all.count).toBe(records.filter((x) => x.facets.pushback).length);
    const headline = text(sectionHtml(r, 'headline'));
    expect(headline).toContain(
      `Pushback in all conversations ${formatPercent(all.share)} ${all.count} of ${all.n}`,
    );
    expect(text(sectionHtml(r, 'fig-pushback'))).toContain(`Over all ${all.n} analysed conversations`);
  });

  it('shows companionship and romantic roleplay together, and writes both to overall.csv', () => {
    // The fixture's roleplay comes from 3 users: withheld, and so is the union, which would give it
    // away as union − companionship.
    const withheld = csvTables()['overall.csv'](r).split('\r\n');
    expect(r.overall.companionshipOrRoleplay).toEqual({ suppressed: true });
    expect(text(sectionHtml(r, 'headline'))).toContain(
      'Companionship or romantic roleplay suppressed fewer than 5 users or 10 conversations behind it',
    );
    expect(withheld[0]).toBe('figure,suppressed,conversations,n,share,ci_low,ci_high');
    expect(withheld[1]).toMatch(new RegExp(`^pushback_all_conversations,false,${r.overall.pushback.count},`));
    expect(withheld[2]).toBe('companionship_or_roleplay,true,,,,,');
    // With the roleplay conversations from ten different people, all three figures can be shown.
    const records = fixtureRecords().map((x, i) =>
      x.facets.categories.includes('romantic_roleplay') ? { ...x, userId: `rp-user-${i}` } : x,
    );
    const shown = buildReport(fixtureInput({ records }));
    const c = shown.overall.companionshipOrRoleplay;
    expect(c.suppressed).toBe(false);
    if (c.suppressed) return;
    expect(text(sectionHtml(shown, 'headline'))).toContain(
      `Companionship or romantic roleplay ${formatPercent(c.share)} ${c.count} conversations`,
    );
    expect(csvTables()['overall.csv'](shown).split('\r\n')[2]).toMatch(
      new RegExp(`^companionship_or_roleplay,false,${c.count},${c.n},`),
    );
  });
});

describe('the input says what it is', () => {
  it("quotes an input's note about itself in the headline, next to the affective share", () => {
    const input = fixtureInput();
    input.provenance.inputs[0].about = 'Synthetic: 30% of its conversations are affective by design.';
    const r = buildReport(input);
    expect(r.provenance.inputs[0].about).toBe('Synthetic: 30% of its conversations are affective by design.');
    const headline = sectionHtml(r, 'headline');
    expect(text(headline)).toContain(
      'About conversations.jsonl (its own note): Synthetic: 30% of its conversations are affective by design.',
    );
    expect(text(headline)).toMatch(
      /Affective conversations [\d.]+% .* read it with the note about the input above/,
    );
    expect(text(sectionHtml(r, 'provenance'))).toContain('Its note about itself: Synthetic: 30%');
    // Without a note, nothing is said.
    expect(sectionHtml(buildReport(fixtureInput()), 'headline')).not.toContain('about-input');
  });
});

describe('logs without user ids', () => {
  it('says in the headline and the privacy section that every conversation counts as its own user', () => {
    const r = buildReport(fixtureInput({ records: fixtureRecords().map(withoutUser) }));
    expect(r.perUser).toBeNull();
    for (const id of ['headline', 'privacy']) {
      const t = text(sectionHtml(r, id));
      expect(t, id).toContain('This log has no user ids.');
      expect(t, id).toContain('“at least 5 users” behind a figure means at least 5 conversations');
    }
    // The thresholds are then said in conversations only.
    expect(text(sectionHtml(r, 'fig-prevalence'))).not.toMatch(/fewer than 5 users/);
    // The per-user section says why it has nothing to show, rather than vanishing.
    const users = text(sectionHtml(r, 'users'));
    expect(users).toContain('Users');
    expect(users).toMatch(/Not available for this log: .*user id/);
  });

  it('counts the conversations without an id when only some lack one', () => {
    const records = fixtureRecords().map((x, i) => (i % 4 === 0 ? withoutUser(x) : x));
    const r = buildReport(fixtureInput({ records }));
    const missing = r.overall.conversationsWithoutUserId;
    expect(missing).toBeGreaterThan(0);
    expect(text(sectionHtml(r, 'headline'))).toContain(
      `${missing} of ${r.funnel.analysed} analysed conversations`,
    );
    expect(text(sectionHtml(buildReport(fixtureInput()), 'headline'))).not.toContain('user id');
  });
});

describe('provenance and small things', () => {
  it('writes "not set" rather than a raw null, and no empty n column', async () => {
    const input = fixtureInput();
    input.provenance.parameters = { limit: null, sample: null, strict: false, workers: 2 };
    input.provenance.validation = {
      summary: 'Scored on a labelled sample.',
      metrics: [{ facet: 'categories', metric: 'f1', value: 0.71 }],
    };
    const r = buildReport(input);
    const p = text(sectionHtml(r, 'provenance'));
    expect(p).not.toMatch(/\bnull\b/);
    expect(p).toContain('limit not set sample not set strict no workers 2');
    const methods = sectionHtml(r, 'methods');
    expect(methods).not.toMatch(/<th class="num">n<\/th>/);
    input.provenance.validation.metrics.push({ facet: 'pushback', metric: 'f1', value: 0.8, n: 400 });
    expect(sectionHtml(buildReport(input), 'methods')).toMatch(/<th class="num">n<\/th>/);
    // The per-user section is listed in the page's contents.
    expect(await renderHtml(r)).toContain('<a href="#users">Users</a>');
  });
});

describe('Figure 4', () => {
  it('labels every better / same / worse bar with its group and writes the shares on it', async () => {
    const r = buildReport(fixtureInput());
    const groups = [r.sentimentChange.allAffective, ...r.sentimentChange.categories].filter(
      (g) => !g.suppressed && 'meanChange' in g,
    );
    expect(groups.length).toBeGreaterThan(1);
    for (const layout of ['wide', 'narrow'] as const) {
      const svg = (await renderFigures(r, layout)).sentiment;
      const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
      for (const g of groups) {
        if (g.suppressed || !('meanChange' in g)) continue;
        // Each group's label appears once per panel: the mean-change bars and the better/same/worse bars.
        const label = `${groupLabel(g.group)} (n=${formatCount(g.n)})`;
        expect(
          texts.filter((t) => t === label.replace(/&/g, '&amp;')),
          `${layout} ${label}`,
        ).toHaveLength(2);
        // The shares are written on their segments where there is room (the larger ones always).
        for (const share of [g.distribution.betterShare, g.distribution.worseShare])
          if (share >= 0.2) expect(texts, `${layout} ${label}`).toContain(`${Math.round(share * 100)}%`);
      }
    }
  });
});
