/**
 * The report in Chinese (--report-lang zh): every heading, table of contents entry, table header and
 * the privacy section in Chinese, the numbers the same as in English, English the default; the two
 * catalogues hold the same keys; topic names the offline namer built from the concern vocabulary are
 * shown by their Chinese names, other names as released.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { renderHtml } from '../../src/report/html.js';
import { EN } from '../../src/report/i18n/reportEn.js';
import { msg, withReportLanguage } from '../../src/report/i18n/reportLanguage.js';
import { ZH } from '../../src/report/i18n/reportZh.js';
import { longitudinalInput } from '../helpers/longitudinalFixture.js';
import { fixtureInput, fixtureTopics } from '../helpers/reportFixture.js';

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

describe('the report in Chinese', () => {
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
