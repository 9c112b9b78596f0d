/**
 * The report in Chinese (--report-lang zh): every heading, table of contents entry, table header and
 * the privacy section in Chinese, the numbers the same as in English, English the default; the two
 * catalogues hold the same keys; topic names the offline namer built from the concern vocabulary are
 * shown by their Chinese names, other names as released.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import type { ChartLayout } from '../../src/report/charts.js';
import { renderHtml } from '../../src/report/html.js';
import { EN } from '../../src/report/i18n/reportEn.js';
import { msg, withReportLanguage } from '../../src/report/i18n/reportLanguage.js';
import { ZH } from '../../src/report/i18n/reportZh.js';
import { PAGE_SECTIONS } from '../../src/report/pageSections.js';
import type { Report } from '../../src/report/reportSchema.js';
import { longitudinalInput } from '../helpers/longitudinalFixture.js';
import { fixtureInput, fixtureTopics } from '../helpers/reportFixture.js';
import { reportStates } from '../helpers/reportStates.js';

/** Every key path of a catalogue (functions are leaves). */
function keyPaths(o: unknown, prefix = ''): string[] {
  if (o === null || typeof o !== 'object') return [prefix];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => keyPaths(v, `${prefix}.${k}`));
}

/** The text of every element matching `tag` (markup removed). */
function texts(page: string, tag: string): string[] {
  const re = new RegExp(`<${tag}[^>]*>([\\s\\S]*?)</${tag}>`, 'g');
  return [...page.matchAll(re)].map((m) =>
    m[1]
      .replace(/<code>[\s\S]*?<\/code>/g, '')
      .replace(/<span class="name">[\s\S]*?<\/span>/g, '')
      .replace(/<[^>]+>/g, '')
      .trim(),
  );
}

/** Numbers as printed in number cells and cards (the figures a reader compares). */
function figures(page: string): string[] {
  const cells = [
    ...page.matchAll(/<td class="num"[^>]*>([\s\S]*?)<\/td>/g),
    ...page.matchAll(/<div class="value">([\s\S]*?)<\/div>/g),
  ].map((m) => m[1].replace(/<[^>]+>/g, ' '));
  return cells.flatMap((c) => c.match(/[−+]?\d[\d,.]*%?/g) ?? []).sort();
}

/** Latin words of two letters or more that are not names of tools, formats or field values. */
const ALLOWED_LATIN = new Set([
  'affectlens',
  'wilson',
  'sha',
  'csv',
  'json',
  'id',
  'ids',
  'limit',
  'sample',
  'plan',
  'segment',
]);
function englishWords(text: string): string[] {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !ALLOWED_LATIN.has(w.toLowerCase()));
}

/** Two or more English words in a row: prose left untranslated. */
const ENGLISH_RUN = /[A-Za-z]{3,}(?:\s+[A-Za-z]{2,})+/g;

/** Runs that are names, not prose (none needed today; kept explicit). */
const ALLOWED_RUNS: readonly string[] = [];

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Every string value of report.json, except its own English prose that the page must translate (the
 * reasons a figure is missing, the estimator's notes, the estimation summary).
 */
function dataStrings(o: unknown, path: string[] = []): string[] {
  const key = path.at(-1) ?? '';
  if (typeof o === 'string')
    return ['reason', 'methodNote'].includes(key) || path.join('.') === 'estimation.summary' ? [] : [o];
  if (o === null || typeof o !== 'object') return [];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) =>
    dataStrings(v, Array.isArray(o) ? path : [...path, k]),
  );
}

/** Topic names and descriptions as released, file names and formats: the data a page shows as it is. */
function releasedNames(r: Report): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (n === null || typeof n !== 'object') return;
    const x = n as Record<string, unknown>;
    for (const k of ['name', 'description']) if (typeof x[k] === 'string') out.push(x[k] as string);
    for (const v of Object.values(x)) walk(v);
  };
  walk([r.topics, r.longConversations.topics, r.pushback.reasonTopics]);
  for (const i of r.provenance.inputs) out.push(i.file, i.format);
  return out.map((s) => s.replace(/\s+/g, ' '));
}

/** English runs in `text` that are neither allowed nor part of a released name. */
function englishRuns(text: string, names: readonly string[]): string[] {
  return [...new Set([...text.matchAll(ENGLISH_RUN)].map((m) => m[0].replace(/\s+/g, ' ')))].filter(
    (run) => !ALLOWED_RUNS.includes(run) && !names.some((n) => n.includes(run)),
  );
}

/**
 * The text a reader of report.html sees or hears: element text (charts' SVG text included) and the
 * title and aria-label attributes; code, released topic names and text marked lang="en" (checked to
 * be data copied from report.json) left out. Cells and blocks are kept apart so two cells never read
 * as one run of words.
 */
function visibleText(page: string, r: Report): string {
  const data = new Set(dataStrings(r));
  let s = page
    .replace(/<style>[\s\S]*?<\/style>/g, ' ')
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<code[^>]*>[\s\S]*?<\/code>/g, ' ')
    .replace(/<span class="name">[\s\S]*?<\/span>/g, ' ');
  s = s.replace(/<span lang="en">([\s\S]*?)<\/span>/g, (_, inner: string) => {
    expect(
      data.has(decodeEntities(inner)),
      `lang="en" text that is not data from report.json: ${inner}`,
    ).toBe(true);
    return ' | ';
  });
  const attributes = [...s.matchAll(/\s(?:title|aria-label|alt)="([^"]*)"/g)].map((m) => m[1]);
  const text = s
    .replace(
      /<\/?(?:p|div|td|th|tr|li|dt|dd|h[1-6]|figcaption|summary|text|tspan|g|svg|br|a|nav|header|footer|section|table|ul|details)\b[^>]*>/g,
      ' | ',
    )
    .replace(/<[^>]+>/g, '');
  return decodeEntities(`${text} | ${attributes.join(' | ')}`);
}

/** Every text a chart spec would draw or announce: titles, descriptions, labels and messages. */
function specTexts(spec: unknown, key = ''): string[] {
  if (typeof spec === 'string')
    return ['title', 'description', 'label', 'message', 'outcome', 'who', 'category', 'from', 'to'].includes(
      key,
    )
      ? [spec]
      : [];
  if (spec === null || typeof spec !== 'object') return [];
  return Object.entries(spec as Record<string, unknown>).flatMap(([k, v]) =>
    specTexts(v, Array.isArray(spec) ? key : k),
  );
}

describe('the report in Chinese', () => {
  it('has no English prose anywhere on the page or in its charts, in every state of every section', async () => {
    for (const [name, r] of Object.entries(reportStates())) {
      const zh = await renderHtml(r, { lang: 'zh' });
      const names = releasedNames(r);
      expect(englishRuns(visibleText(zh, r), names), `${name}: report.html`).toEqual([]);
      for (const section of PAGE_SECTIONS) {
        if (!section.chart) continue;
        for (const layout of ['wide', 'narrow'] as ChartLayout[]) {
          const spec = withReportLanguage('zh', () => section.chart?.spec(r, layout));
          const texts = specTexts(spec).join(' | ');
          expect(englishRuns(texts, names), `${name}: chart ${section.chart.id} (${layout})`).toEqual([]);
        }
      }
      // The same figures as the English page.
      expect(figures(zh), name).toEqual(figures(await renderHtml(r)));
    }
  });

  it('has the same keys in both catalogues', () => {
    expect(keyPaths(ZH).sort()).toEqual(keyPaths(EN).sort());
    for (const c of Object.keys(EN.categories)) expect(ZH.categories[c], c).toMatch(/[\u4e00-\u9fff]/);
  });

  it('renders every heading, contents entry and table header in Chinese, with the same numbers', async () => {
    for (const input of [fixtureInput(), longitudinalInput()]) {
      const report = buildReport(input);
      const en = await renderHtml(report);
      const zh = await renderHtml(report, { lang: 'zh' });
      expect(en).toContain('<html lang="en">');
      expect(zh).toContain('<html lang="zh">');
      for (const tag of ['h1', 'h2', 'h3', 'th', 'a', 'dt', 'summary', 'footer']) {
        for (const t of texts(zh, tag)) {
          expect(englishWords(t), `<${tag}> ${t}`).toEqual([]);
        }
      }
      expect(texts(zh, 'h2').length).toBe(texts(en, 'h2').length);
      expect(figures(zh)).toEqual(figures(en));
      // The privacy section, whole, in Chinese.
      const privacy = zh.slice(
        zh.indexOf('<section id="privacy">'),
        zh.indexOf('</section>', zh.indexOf('<section id="privacy">')),
      );
      expect(
        englishWords(
          privacy
            .replace(/<code>[\s\S]*?<\/code>/g, '')
            .replace(/<[^>]+>/g, ' ')
            .replace(/&[a-z]+;/g, ' '),
        ),
      ).toEqual([]);
    }
  });

  it('keeps English the default and leaves the page in English outside a Chinese render', async () => {
    const report = buildReport(fixtureInput());
    await renderHtml(report, { lang: 'zh' });
    expect(msg().lang).toBe('en');
    const page = await renderHtml(report);
    expect(page).toContain('<h2>Privacy</h2>');
  });

  it('renders two pages in two languages at once without mixing them', async () => {
    const report = buildReport(fixtureInput());
    const [en, zh] = await Promise.all([renderHtml(report), renderHtml(report, { lang: 'zh' })]);
    expect(en).toContain('<h2>Privacy</h2>');
    expect(en).not.toContain('隐私');
    expect(zh).toContain('<h2>隐私</h2>');
  });

  it('names topics from the concern vocabulary in Chinese, other names as released', async () => {
    const concern = fixtureTopics();
    concern[1].topics[0].name = 'Coping with a breakup or divorce, plus related concerns';
    const report = buildReport(fixtureInput({ topics: concern }));
    const zh = await renderHtml(report, { lang: 'zh' });
    expect(zh).toContain('应对分手或离婚及相关问题');
    expect(zh).toContain('Building study habits');
    expect(withReportLanguage('zh', () => msg().topicName('Grief after losing a loved one'))).toBe(
      '失去亲人后的悲伤',
    );
  });
});
