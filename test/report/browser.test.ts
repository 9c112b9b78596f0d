/**
 * Opens report.html in Debian's chromium, from disk, with the network off: the four figures render,
 * the topic explorer expands, nothing is fetched, nothing logs an error, and a hostile cluster name
 * stays text. Skips only when /usr/bin/chromium is missing (CI installs it); never downloads a browser.
 */
import { copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { writeReport } from '../../src/report/writeReport.js';
import { longitudinalInput, MARKUP_SEGMENT } from '../helpers/longitudinalFixture.js';
import { fixtureInput, HOSTILE_NAME } from '../helpers/reportFixture.js';

const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('report.html in a browser', () => {
  it.skipIf(!existsSync(CHROMIUM))(
    'renders offline with four figures, a working explorer and no errors',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'al-browser-'));
      await writeReport(dir, buildReport(fixtureInput()));
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
      const problems: string[] = [];
      try {
        const context = await browser.newContext({ offline: true, viewport: { width: 1200, height: 900 } });
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

        await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });

        for (const id of ['prevalence', 'topics', 'pushback', 'sentiment']) {
          const svg = page.locator(`figure[data-figure="${id}"] svg`);
          await expect.poll(() => svg.count(), { message: id }).toBe(1);
          expect(await svg.isVisible(), id).toBe(true);
          const box = await svg.boundingBox();
          expect(box?.width ?? 0, id).toBeGreaterThan(100);
          expect(box?.height ?? 0, id).toBeGreaterThan(20);
        }
        // The study's four, and the per-user ones (the fixture has user ids but no timestamps).
        expect(await page.locator('figure.figure svg').count()).toBe(6);
        for (const id of ['over-time', 'segments', 'drift', 'dependency'])
          expect(await page.locator(`section#${id} .not-available`).isVisible(), id).toBe(true);

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
          await page.locator('figure[data-figure="topics"] svg text', { hasText: HOSTILE_NAME }).count(),
        ).toBe(1);

        const shot = join(dir, 'report.png');
        await page.screenshot({ path: shot, fullPage: true });
        if (process.env.AFFECTLENS_SCREENSHOT) copyFileSync(shot, process.env.AFFECTLENS_SCREENSHOT);
        await context.close();
      } finally {
        await browser.close();
      }
      expect(problems).toEqual([]);
    },
  );

  it.skipIf(!existsSync(CHROMIUM))(
    'renders the longitudinal sections: users, power users, over time, segments, drift and dependency cues',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'al-browser-long-'));
      await writeReport(dir, buildReport(longitudinalInput()));
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      const problems: string[] = [];
      try {
        const context = await browser.newContext({ offline: true, viewport: { width: 1200, height: 900 } });
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
        await page.goto(pathToFileURL(join(dir, 'report.html')).href, { waitUntil: 'load' });

        for (const id of ['lorenz', 'power-users', 'over-time', 'segments', 'drift', 'dependency']) {
          const svg = page.locator(`figure[data-figure="${id}"] svg`);
          await expect.poll(() => svg.count(), { message: id }).toBe(1);
          expect(await svg.isVisible(), id).toBe(true);
          const box = await svg.boundingBox();
          expect(box?.width ?? 0, id).toBeGreaterThan(100);
          expect(box?.height ?? 0, id).toBeGreaterThan(40);
        }
        for (const nav of ['Users', 'Power users', 'Over time', 'Segments', 'Drift', 'Dependency cues'])
          expect(await page.locator('nav.toc').getByText(nav, { exact: true }).count(), nav).toBe(1);
        expect(await page.locator('.not-available').count()).toBe(0);

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
          await page.locator('figure[data-figure="segments"] svg text', { hasText: MARKUP_SEGMENT }).count(),
        ).toBe(1);
        // The small segment of one heavy user is not named anywhere.
        expect(await page.locator('body', { hasText: 'gamma' }).count()).toBe(0);

        const shot = join(dir, 'report-longitudinal.png');
        await page.screenshot({ path: shot, fullPage: true });
        await context.close();
      } finally {
        await browser.close();
      }
      expect(problems).toEqual([]);
    },
  );
});
