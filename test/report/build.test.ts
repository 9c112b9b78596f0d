import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LONG_CONVERSATIONS_GROUP, type TopicGroupId } from '../../src/cluster/topicTreeTypes.js';
import { wilsonInterval } from '../../src/estimate/intervals.js';
import { buildReport } from '../../src/report/build.js';
import { csvCell, csvTable } from '../../src/report/csv.js';
import { escapeHtml } from '../../src/report/escape.js';
import { renderFigures, renderHtml } from '../../src/report/html.js';
import { ReportSchema } from '../../src/report/reportSchema.js';
import { csvTables, reportJson, writeReport } from '../../src/report/writeReport.js';
import { fixtureInput, HOSTILE_NAME, record } from '../helpers/reportFixture.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('buildReport', () => {
  it('builds a report that parses with its own schema and reconciles', () => {
    const r = buildReport(fixtureInput());
    expect(ReportSchema.parse(r)).toEqual(r);
    const f = r.funnel;
    expect(f.read).toBe(f.analysed + f.excluded + f.quarantined);
    expect(r.prevalence.n).toBe(f.analysed);
    expect(r.prevalence.affective.count).toBe(f.affective);
    expect(r.funnel.quarantineReasons).toEqual({ 'invalid JSON': 6, 'no messages': 4 });
  });

  it('is byte-identical for the same input and seed, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2001-02-03T04:05:06Z'));
    const a = reportJson(buildReport(fixtureInput()));
    vi.setSystemTime(new Date('2031-12-30T23:59:59Z'));
    const b = reportJson(buildReport(fixtureInput()));
    expect(b).toBe(a);
    // The seed does reach the numbers: a different one moves the bootstrap intervals.
    expect(reportJson(buildReport(fixtureInput({ seed: 43 })))).not.toBe(a);
  });

  it('writes byte-identical report.json files for the same input', async () => {
    const d1 = mkdtempSync(join(tmpdir(), 'al-rep-'));
    const d2 = mkdtempSync(join(tmpdir(), 'al-rep-'));
    await writeReport(d1, buildReport(fixtureInput()), { html: false, csv: false });
    await writeReport(d2, buildReport(fixtureInput()), { html: false, csv: false });
    expect(readFileSync(join(d2, 'report.json'))).toEqual(readFileSync(join(d1, 'report.json')));
  });

  it('adds its own suppressions to the gate counts and applies thresholds to roleplay', () => {
    const input = fixtureInput();
    const r = buildReport(input);
    // Roleplay: 10 kept conversations but only 3 users in the fixture.
    expect(r.prevalence.categories.find((c) => c.category === 'romantic_roleplay')).toEqual({
      category: 'romantic_roleplay',
      suppressed: true,
    });
    const shownOrNot = [
      ...r.prevalence.categories,
      r.pushback.allAffective,
      ...r.pushback.categories,
      ...r.pushback.categories.flatMap((g) => (g.suppressed || !('reasons' in g) ? [] : g.reasons)),
      ...(r.pushback.allAffective.suppressed || !('reasons' in r.pushback.allAffective)
        ? []
        : r.pushback.allAffective.reasons),
      r.sentimentChange.allAffective,
      ...r.sentimentChange.categories,
      r.longConversations.all,
      r.longConversations.affective,
      ...(r.perUser ? [r.perUser.usersWithAffective, r.perUser.concentration] : []),
      r.overall.companionshipOrRoleplay,
    ];
    // The longitudinal sections: every withheld figure in them (none drops rows on this fixture).
    const withheldIn = (v: unknown): number =>
      Array.isArray(v)
        ? v.reduce((s: number, x) => s + withheldIn(x), 0)
        : typeof v === 'object' && v !== null
          ? ((v as { suppressed?: unknown }).suppressed === true ? 1 : 0) +
            Object.values(v).reduce((s: number, x) => s + withheldIn(x), 0)
          : 0;
    const longitudinal = withheldIn([r.users, r.overTime, r.segments, r.drift, r.dependency]);
    expect(longitudinal).toBeGreaterThan(0);
    const suppressed = shownOrNot.filter((x) => x.suppressed).length + longitudinal;
    expect(suppressed).toBeGreaterThan(0);
    expect(r.privacy.gates.numbersSuppressedByThreshold).toBe(
      input.gates.numbersSuppressedByThreshold + suppressed,
    );
    expect(r.privacy.gates.clustersMergedByThreshold).toBe(input.gates.clustersMergedByThreshold);
  });

  it('drops topic trees of suppressed groups, whose totals would leak the suppressed count', () => {
    const input = fixtureInput();
    const tree = (group: TopicGroupId, total: number) => ({
      group,
      total,
      topics: [
        {
          id: `${group}-1`,
          name: 'A group',
          description: '',
          conversations: total,
          users: total,
          children: [],
        },
      ],
      belowThreshold: { conversations: 0 },
    });
    const r = buildReport({
      ...input,
      topics: [...input.topics, tree('romantic_roleplay', 10)],
      reasonTopics: [...input.reasonTopics, tree('pushback_reasons:companionship', 30)],
      longTopics: tree('long_conversations', 15),
    });
    expect(r.topics.map((t) => t.group)).toEqual(['interpersonal_advice', 'coaching', 'counseling']);
    // Companionship's pushback rate is shown (30 conversations), so its reason tree stays.
    expect(r.pushback.reasonTopics.map((t) => t.group)).toEqual([
      'pushback_reasons:interpersonal_advice',
      'pushback_reasons:companionship',
    ]);
    expect(r.longConversations.topics?.total).toBe(15);
    const base = buildReport(input).privacy.gates.numbersSuppressedByThreshold;
    expect(r.privacy.gates.numbersSuppressedByThreshold).toBe(base + 1);
    // A long tree whose total matches no shown figure is withheld when the affective long group is.
    const hidden = buildReport({
      ...input,
      records: input.records.filter((x) => x.humanMessages < 50),
      longTopics: tree('long_conversations', 12),
    });
    expect(hidden.longConversations.topics).toBeNull();
  });

  it('shows an empty group as 0 without letting a topic tree reveal a withheld count beside it', () => {
    // Three very long conversations, none affective: "all" is withheld (3 < 10), "affective" is a
    // shown 0. The long tree (total 3) matches no shown figure, so it must not appear either.
    const base = fixtureInput();
    const records = [
      ...base.records.filter((x) => x.humanMessages < 50),
      record('long-a', { user: 'la', human: 60 }),
      record('long-b', { user: 'lb', human: 70 }),
      record('long-c', { user: 'lc', human: 80 }),
    ];
    const tree = {
      group: LONG_CONVERSATIONS_GROUP as TopicGroupId,
      total: 3,
      topics: [],
      belowThreshold: { conversations: 3 },
    };
    const r = buildReport({
      ...base,
      records,
      counts: { ...base.counts, read: base.counts.read + 3 },
      longTopics: tree,
    });
    expect(r.longConversations.all).toEqual({ suppressed: true });
    expect(r.longConversations.affective).toMatchObject({ suppressed: false, count: 0 });
    expect(r.longConversations.topics).toBeNull();
  });

  it('computes the figures from the records (small hand-checked case)', () => {
    const records = Array.from({ length: 40 }, (_, i) =>
      record(`c${i}`, {
        user: `u${i}`,
        categories: i < 10 ? ['coaching'] : [],
        pushback: i < 2 ? 'policy_other' : false,
      }),
    );
    const r = buildReport(
      fixtureInput({ records, counts: { read: 40, quarantined: 0, quarantineReasons: {} } }),
    );
    const coaching = r.prevalence.categories.find((c) => c.category === 'coaching');
    expect(coaching).toEqual({
      category: 'coaching',
      suppressed: false,
      count: 10,
      n: 40,
      share: 0.25,
      interval: wilsonInterval(10, 40),
      method: 'raw',
    });
    expect(r.pushback.categories.find((g) => g.group === 'coaching')).toMatchObject({
      n: 10,
      pushback: 2,
      rate: 0.2,
    });
    expect(r.perUser?.users).toBe(40);
  });

  it('strips provenance keys the schema does not know', () => {
    const input = fixtureInput();
    const provenance = { ...input.provenance, secretToken: 'x' } as typeof input.provenance;
    const r = buildReport({ ...input, provenance });
    expect(Object.keys(r.provenance)).not.toContain('secretToken');
  });
});

describe('report.html', () => {
  // Rendering the charts is the slow part; the fixture page is rendered once for the tests that only read it.
  let page = '';
  beforeAll(async () => {
    page = await renderHtml(buildReport(fixtureInput()));
  });

  it('is self-contained: no scripts, no external resources, a CSP that forbids fetching', () => {
    // Matches are compared (not the page) so a failure prints the offending fragment only.
    const found = (re: RegExp) => page.match(re)?.[0] ?? null;
    expect(found(/<script/i)).toBeNull();
    expect(found(/<link\b/i)).toBeNull();
    expect(found(/<(img|iframe|object|embed|audio|video|source)\b/i)).toBeNull();
    // url(#clipN) is an in-document reference; anything else would be a fetch.
    expect(found(/@import|url\((?!#)/i)).toBeNull();
    // Every link or source attribute must point inside the page.
    const targets = [...page.matchAll(/<[^>]*?\s(?:src|href|xlink:href)\s*=\s*"([^"]*)"/gi)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.filter((t) => !t.startsWith('#'))).toEqual([]);
    expect(page.includes("default-src 'none'")).toBe(true);
    // The study's four figures, and (the fixture has user ids) the Lorenz curve and the power users.
    expect(
      page.match(/<figure class="figure"[^>]*>\s*<div class="chart"><div class="chart-wide"><svg/g),
    ).toHaveLength(6);
    expect(page.includes('@media print')).toBe(true);
  });

  it('renders a hostile cluster name as text, in the explorer and inside the SVG', async () => {
    const r = buildReport(fixtureInput());
    expect(page.includes('<img')).toBe(false);
    expect(page.includes(escapeHtml(HOSTILE_NAME))).toBe(true);
    const svgs = await renderFigures(r);
    expect(svgs.topics.includes('&lt;img src=x onerror=alert(1)&gt;')).toBe(true);
    expect(svgs.topics.includes('<img')).toBe(false);
  });

  it('renders an empty run (nothing analysed) with four figures and every group an empty zero', async () => {
    const r = buildReport(
      fixtureInput({
        records: [],
        counts: { read: 3, quarantined: 3, quarantineReasons: { 'invalid JSON': 3 } },
      }),
    );
    expect(ReportSchema.parse(r)).toEqual(r);
    expect(r.prevalence.affective).toEqual({
      count: 0,
      n: 0,
      share: 0,
      interval: { low: 0, high: 1 },
      method: 'raw',
    });
    expect(r.topics).toEqual([]);
    // Nothing to withhold: every group is empty, shown as 0 (no rate or mean), none suppressed.
    expect(r.prevalence.categories.every((c) => !c.suppressed && c.count === 0)).toBe(true);
    expect(r.sentimentChange.allAffective).toEqual({ group: 'all_affective', suppressed: false, n: 0 });
    expect(r.pushback.categories.every((g) => !g.suppressed && g.n === 0)).toBe(true);
    const empty = await renderHtml(r);
    expect(
      empty.match(/<figure class="figure"[^>]*>\s*<div class="chart"><div class="chart-wide"><svg/g),
    ).toHaveLength(4);
  });

  it('escapes every field a user or model controls', async () => {
    const input = fixtureInput();
    input.provenance.inputs[0].file = '"><script>alert(2)</script>.jsonl';
    input.provenance.parameters = { '<b>': '</dd><script>x</script>' };
    input.provenance.validation = {
      summary: '<svg onload=alert(3)>',
      metrics: [{ facet: '<i>', metric: 'f1', value: 0.8 }],
    };
    input.counts.quarantineReasons = { '<u>bad</u>': 1 };
    const hostile = await renderHtml(buildReport(input));
    expect(hostile.match(/<script|<svg onload|<b>|<i>|<u>/)?.[0] ?? null).toBeNull();
    expect(hostile.includes('&lt;svg onload=alert(3)&gt;')).toBe(true);
  });

  it('says when the classifier was not validated, and shows validation when given', async () => {
    expect(page.includes('not validated in this run')).toBe(true);
    expect(page.includes('affectlens validate')).toBe(true);
    const input = fixtureInput();
    input.provenance.validation = {
      summary: 'Category F1 0.71 on 500 labelled conversations.',
      metrics: [{ facet: 'categories', metric: 'f1', value: 0.71, n: 500 }],
    };
    const validated = await renderHtml(buildReport(input));
    expect(validated.includes('Category F1 0.71 on 500 labelled conversations.')).toBe(true);
    expect(validated.includes('not validated in this run')).toBe(false);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180 and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell(null)).toBe('');
    expect(csvTable(['a', 'b'], [[1, 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('writes one table per figure with suppressed rows kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'al-csv-'));
    const paths = await writeReport(dir, buildReport(fixtureInput()));
    expect(paths.map((p) => basename(p)).sort()).toEqual(
      ['report.json', 'report.html', ...Object.keys(csvTables())].sort(),
    );
    const prev = readFileSync(join(dir, 'prevalence.csv'), 'utf8').trim().split('\r\n');
    expect(prev[0]).toBe('group,suppressed,conversations,n,share,ci_low,ci_high');
    expect(prev).toHaveLength(7);
    expect(prev).toContain('romantic_roleplay,true,,,,,');
    const funnelCsv = readFileSync(join(dir, 'funnel.csv'), 'utf8');
    expect(funnelCsv).toContain('read,612\r\n');
  });

  it('lists nested topics with their parents', () => {
    const lines = csvTables()['topics.csv'](buildReport(fixtureInput())).trim().split('\r\n');
    expect(lines).toContain(
      'interpersonal_advice,ia-1-1,ia-1,1,Arguments about chores and money,Users ask about arguments about chores and money.,18,14,0.15',
    );
    expect(lines.some((l) => l.includes(HOSTILE_NAME))).toBe(true);
  });
});
