/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Opens report.html in Debian's chromium, from disk, with the network off: the four figures render,
 * the topic explorer expands, nothing is fetched, nothing logs an error, and a hostile cluster name
 * stays text. Then the same page on a 390 px phone: no sideways scrolling of the page, tables wrap
 * or scroll inside their box, and no chart text drawn below 10 px. Skips with the reason printed
 * when Chromium is missing, and fails instead in CI (see test/helpers/chromium.ts); never downloads
 * a browser.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { writeReport } from '../../src/report/writeReport.js';
import { CHROMIUM_ARGS, findChromium } from '../helpers/chromium.js';
import { longitudinalInput, MARKUP_SEGMENT } from '../helpers/longitudinalFixture.js';
import { fixtureInput, HOSTILE_NAME } from '../helpers/reportFixture.js';

const found = findChromium();
if ('skip' in found) console.warn(`report.html browser test skipped: ${found.skip}`);
const withChromium = 'path' in found ? it : it.skip;
const why = 'skip' in found ? ` (skipped: ${found.skip})` : '';

/** Smallest chart text a reader should have to read, in CSS pixels as drawn. */
const MIN_CHART_TEXT_PX = 10;

/**
 * What does not fit a viewport `width` px wide: the page itself scrolling sideways, any element
 * reaching past the right edge outside a box that scrolls on its own (.table-scroll), and chart text
 * drawn smaller than MIN_CHART_TEXT_PX (its font size times the SVG's scale on screen).
 */
async function layoutProblems(page: Page, width: number): Promise<string[]> {
  return page.evaluate(
    ({ width, minPx }) => {
      const problems: string[] = [];
      const doc = document.documentElement;
      if (doc.scrollWidth > width) problems.push(`the page is ${doc.scrollWidth} px wide`);
      for (const el of document.querySelectorAll('main *')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= width + 0.5) continue;
        const scroller = el.closest('.table-scroll');
        if (scroller && scroller.getBoundingClientRect().right <= width + 0.5) continue;
        if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') continue; // the svg itself is checked
        problems.push(
          `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> reaches ${Math.round(box.right)} px`,
        );
      }
      for (const t of document.querySelectorAll('svg text')) {
        const box = t.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // in the layout that is not shown
        const m = (t as SVGGraphicsElement).getScreenCTM();
        const scale = m ? Math.hypot(m.a, m.b) : 1;
        const px = Number.parseFloat(getComputedStyle(t).fontSize) * scale;
        if (px < minPx) problems.push(`chart text "${t.textContent}" drawn at ${px.toFixed(1)} px`);
      }
      return problems;
    },
    { width, minPx: MIN_CHART_TEXT_PX },
  );
}

describe('report.html in a browser', () => {
  let browser: Browser | undefined;
  let reportUrl = '';
  let longitudinalUrl = '';
  let zhUrl = '';
  let zhLongitudinalUrl = '';
  let dir = '';

  beforeAll(async () => {
    if (!('path' in found)) return;
    dir = mkdtempSync(join(tmpdir(), 'al-browser-'));
    await writeReport(dir, buildReport(fixtureInput()));
    reportUrl = pathToFileURL(join(dir, 'report.html')).href;
    const longDir = mkdtempSync(join(tmpdir(), 'al-browser-long-'));
    await writeReport(longDir, buildReport(longitudinalInput()));
    longitudinalUrl = pathToFileURL(join(longDir, 'report.html')).href;
    const zhDir = mkdtempSync(join(tmpdir(), 'al-browser-zh-'));
    await writeReport(zhDir, buildReport(fixtureInput()), { lang: 'zh' });
    zhUrl = pathToFileURL(join(zhDir, 'report.html')).href;
    const zhLongDir = mkdtempSync(join(tmpdir(), 'al-browser-zh-long-'));
    await writeReport(zhLongDir, buildReport(longitudinalInput()), { lang: 'zh' });
    zhLongitudinalUrl = pathToFileURL(join(zhLongDir, 'report.html')).href;
    browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  if ('fail' in found) {
    it('has Chromium to run in (CI)', () => {
      expect.fail(found.fail);
    });
  }

  /** A page on the report with the network off; every problem it logs or fetches lands in `problems`. */
  async function open(width: number, problems: string[], url = reportUrl) {
    const context = await browser!.newContext({ offline: true, viewport: { width, height: 900 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      problems.push(`network request: ${url}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    return { context, page };
  }

  withChromium(`renders offline with four figures, a working explorer and no errors${why}`, async () => {
    const problems: string[] = [];
    const { context, page } = await open(1200, problems);

    for (const id of ['prevalence', 'topics', 'pushback', 'sentiment']) {
      const svg = page.locator(`figure[data-figure="${id}"] .chart-wide svg`);
      await expect.poll(() => svg.count(), { message: id }).toBe(1);
      expect(await svg.isVisible(), id).toBe(true);
      expect(await page.locator(`figure[data-figure="${id}"] .chart-narrow svg`).isVisible(), id).toBe(false);
      const box = await svg.boundingBox();
      expect(box?.width ?? 0, id).toBeGreaterThan(100);
      expect(box?.height ?? 0, id).toBeGreaterThan(20);
    }
    expect(await page.locator('figure.figure .chart-wide svg').count()).toBe(6); // the study's four, and per user: the Lorenz curve and the power users

    // The explorer: closed at first, opens on a click, shows its clusters and their children.
    const explorer = page.locator('details.explorer[data-group="interpersonal_advice"]');
    const child = explorer.getByText('Arguments about chores and money', { exact: true });
    expect(await child.isVisible()).toBe(false);
    await explorer.locator('summary').first().click();
    expect(await explorer.getAttribute('open')).not.toBeNull();
    await explorer.locator('details.topic > summary').first().click();
    expect(await child.isVisible()).toBe(true);

    // The hostile name is text: visible as typed, no element created from it.
    expect(await page.locator('img').count()).toBe(0);
    expect(await explorer.getByText(HOSTILE_NAME, { exact: true }).isVisible()).toBe(true);
    expect(
      await page
        .locator('figure[data-figure="topics"] .chart-wide svg text', { hasText: HOSTILE_NAME })
        .count(),
    ).toBe(1);

    // Wide charts are drawn at their own size on a desktop screen too.
    expect(await layoutProblems(page, 1200)).toEqual([]);

    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    if (process.env.AFFECTLENS_SCREENSHOT) copyFileSync(shot, process.env.AFFECTLENS_SCREENSHOT);
    await context.close();
    expect(problems).toEqual([]);
  });

  withChromium(`reads on a 390 px phone: no sideways page, text of 10 px or more${why}`, async () => {
    const problems: string[] = [];
    const { context, page } = await open(390, problems);
    // Every collapsible part open, so the tables inside them are measured too.
    await page.evaluate(() => {
      for (const d of document.querySelectorAll('details')) d.open = true;
    });
    for (const id of ['prevalence', 'topics', 'pushback', 'sentiment']) {
      expect(await page.locator(`figure[data-figure="${id}"] .chart-narrow svg`).isVisible(), id).toBe(true);
      expect(await page.locator(`figure[data-figure="${id}"] .chart-wide svg`).isVisible(), id).toBe(false);
    }
    expect(await layoutProblems(page, 390)).toEqual([]);
    // The hostile name stays text on the phone layout too.
    expect(
      await page.locator('figure[data-figure="topics"] .chart-narrow svg text', { hasText: '<img' }).count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('img').count()).toBe(0);
    await context.close();
    expect(problems).toEqual([]);
  });

  withChromium(
    `renders the longitudinal sections: users, power users, over time, segments, drift, dependency cues, referral, crisis and stance${why}`,
    async () => {
      const problems: string[] = [];
      const { context, page } = await open(1200, problems, longitudinalUrl);
      for (const id of [
        'lorenz',
        'power-users',
        'over-time',
        'segments',
        'drift',
        'dependency',
        'referral',
        'crisis',
        'stance',
      ]) {
        const svg = page.locator(`figure[data-figure="${id}"] .chart-wide svg`);
        await expect.poll(() => svg.count(), { message: id }).toBe(1);
        expect(await svg.isVisible(), id).toBe(true);
        const box = await svg.boundingBox();
        expect(box?.width ?? 0, id).toBeGreaterThan(100);
        expect(box?.height ?? 0, id).toBeGreaterThan(40);
      }
      for (const nav of [
        'Users',
        'Power users',
        'Over time',
        'Segments',
        'Drift',
        'Dependency cues',
        'Referral to help',
        'Crisis signals',
        'Stance and validation',
      ])
        expect(await page.locator('nav.toc').getByText(nav, { exact: true }).count(), nav).toBe(1);
      expect(await page.locator('.not-available').count()).toBe(0);

      // The crisis section says it is measurement, not monitoring, and lists no conversation.
      const crisis = page.locator('section#crisis');
      expect(await crisis.getByText('Measurement, not monitoring.').count()).toBe(1);
      expect(await crisis.locator('td', { hasText: /^l\d+$/ }).count()).toBe(0);

      // The per-month numbers open on a click.
      const numbers = page.locator('section#over-time details.numbers');
      expect(await numbers.locator('table').isVisible()).toBe(false);
      await numbers.locator('summary').click();
      expect(await numbers.locator('table').isVisible()).toBe(true);
      expect(await numbers.locator('tbody tr').count()).toBe(4);

      // A segment value with markup is shown as typed, in the table and in the chart, never as markup.
      expect(await page.locator('section#segments b').count()).toBe(0);
      expect(await page.locator('section#segments td', { hasText: MARKUP_SEGMENT }).count()).toBe(1);
      expect(
        await page
          .locator('figure[data-figure="segments"] .chart-wide svg text', { hasText: MARKUP_SEGMENT })
          .count(),
      ).toBe(1);
      // The small segment of one heavy user is not named anywhere.
      expect(await page.locator('body', { hasText: 'gamma' }).count()).toBe(0);

      await context.close();
      expect(problems).toEqual([]);
    },
  );

  withChromium(
    `renders the Chinese report (--report-lang zh) with every figure, and on a 390 px phone${why}`,
    async () => {
      for (const url of [zhUrl, zhLongitudinalUrl]) {
        const problems: string[] = [];
        const { context, page } = await open(1200, problems, url);
        expect(await page.locator('html').getAttribute('lang')).toBe('zh');
        const figures = await page
          .locator('figure.figure')
          .evaluateAll((fs) => fs.map((f) => f.getAttribute('data-figure')));
        expect(figures.length).toBeGreaterThanOrEqual(4);
        for (const id of figures) {
          const svg = page.locator(`figure[data-figure="${id}"] .chart-wide svg`);
          expect(await svg.isVisible(), String(id)).toBe(true);
          const box = await svg.boundingBox();
          expect(box?.width ?? 0, String(id)).toBeGreaterThan(100);
        }
        expect(await page.locator('nav.toc').getByText('隐私', { exact: true }).count()).toBe(1);
        expect(await layoutProblems(page, 1200)).toEqual([]);
        await context.close();

        const phone = await open(390, problems, url);
        await phone.page.evaluate(() => {
          for (const d of document.querySelectorAll('details')) d.open = true;
        });
        expect(await layoutProblems(phone.page, 390)).toEqual([]);
        await phone.context.close();
        expect(problems).toEqual([]);
      }
    },
  );
});
