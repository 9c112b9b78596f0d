/**
 * `affectlens label` end to end in Debian's chromium, with the keyboard only: label a conversation,
 * stop the command, rerun it (it resumes), skip one, label the last, and the command ends by itself.
 * The file it wrote is read by the labelled reader and scored by validate. No request leaves the
 * page's own origin, nothing logs an error (a CSP violation would), and a message holding markup stays
 * text. Skips only when /usr/bin/chromium is missing (CI installs it); never downloads a browser.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { labelCommand } from '../../src/cli/label.js';
import type { Conversation } from '../../src/conversation/model.js';
import { readConversations } from '../../src/conversation/read.js';
import { createOfflineEngine } from '../../src/facets/offline/offlineEngine.js';
import { validateFacets } from '../../src/facets/validate.js';
import { skippedFileOf } from '../../src/label/labelSession.js';

const CHROMIUM = '/usr/bin/chromium';
const HOSTILE = '<img src=x onerror="document.title=1">';

/** Five conversations in our own words, 1 to 3 user messages each, one with markup in it. */
const CONVERSATIONS = [
  [
    'I moved to a new city and I feel really alone in the evenings.',
    'Could we just chat for a bit?',
    'Thanks, that helped.',
  ],
  ['Write a short poem about autumn leaves.'],
  [`Why does my page show ${HOSTILE} as text?`, 'Ok.'],
  [
    'My brother keeps borrowing money and never pays it back. How do I say no?',
    'He gets angry when I refuse.',
  ],
  ['How many legs does a spider have?'],
];

let browser: Browser;
let dir: string;
let logs: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'al-label-browser-'));
  logs = join(dir, 'logs.jsonl');
  const lines = CONVERSATIONS.map((users, i) =>
    JSON.stringify({
      id: `talk-${i}`,
      user: `person-${i}`,
      messages: users.flatMap((content) => [
        { role: 'user', content },
        { role: 'assistant', content: 'I see. Tell me more.' },
      ]),
    }),
  );
  writeFileSync(logs, `${lines.join('\n')}\n`);
  if (existsSync(CHROMIUM))
    browser = await chromium.launch({
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
});

afterAll(async () => {
  await browser?.close();
});

/** Runs `affectlens label` in-process until it ends by itself or `stop()` is called. */
async function startLabel(out: string, n: number) {
  const controller = new AbortController();
  let url = '';
  let done: Promise<unknown> = Promise.resolve();
  await new Promise<void>((resolve, reject) => {
    const cmd = labelCommand({
      signal: controller.signal,
      onListening: (u) => {
        url = u;
        resolve();
      },
    });
    cmd.exitOverride();
    done = cmd.parseAsync([
      'node',
      'label',
      logs,
      '--out',
      out,
      '--n',
      String(n),
      '--seed',
      '3',
      '--port',
      '0',
    ]);
    done.catch(reject);
  });
  return { url, done, stop: () => controller.abort() };
}

async function openPage(url: string, problems: string[]): Promise<Page> {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(`${origin}/`)) return route.continue();
    problems.push(`request outside the page's origin: ${u}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(url, { waitUntil: 'load' });
  await expect.poll(() => page.locator('#conv-meta').textContent()).toMatch(/^id /);
  return page;
}

/** The shown conversation's id and user-message count, from the page. */
async function shown(page: Page): Promise<{ id: string; users: number }> {
  const meta = (await page.locator('#conv-meta').textContent()) ?? '';
  const m = /^id (\S+) · \d+ messages, (\d+) from the user$/.exec(meta);
  if (!m) throw new Error(`unexpected meta: ${meta}`);
  return { id: m[1], users: Number(m[2]) };
}

async function press(page: Page, ...keys: string[]) {
  for (const k of keys) await page.keyboard.press(k);
}

describe('affectlens label in a browser', () => {
  it.skipIf(!existsSync(CHROMIUM))(
    'labels with the keyboard only, resumes after a stop, skips, and writes labels validate accepts',
    { timeout: 60_000 },
    async () => {
      const out = join(dir, 'labels.jsonl');
      const problems: string[] = [];
      const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
      const expected = new Map<string, Record<string, unknown>>();
      try {
        // First run: one conversation labelled, going back once on the way, then the command is stopped.
        const first = await startLabel(out, 3);
        let page = await openPage(first.url, problems);
        expect(await page.locator('#progress-text').textContent()).toBe(
          'Conversation 1 of 3 · 0 labelled · 0 skipped · 3 to go',
        );
        const a = await shown(page);
        await press(page, 'n', '3', '4', '5', '5', 'Enter'); // counseling + companionship (roleplay toggled off)
        await press(page, 'y', 'Backspace'); // pushback yes … back
        expect(await page.locator('#q-title').textContent()).toBe('Pushback?');
        await press(page, 'y', '4'); // false_premise
        const sentiments = [-0.5, 0, 0.5, 1, -1];
        const keyFor: Record<string, string> = { '-1': '1', '-0.5': '2', '0': 'Enter', '0.5': '4', '1': '5' };
        for (let k = 0; k < a.users; k++) {
          expect(await page.locator('#q-title').textContent()).toBe(
            `Sentiment of user message U${k + 1} of ${a.users}`,
          );
          expect(await page.locator('.msg.user.current').count()).toBe(1);
          await press(page, keyFor[String(sentiments[k])]);
        }
        expect(await page.locator('#q-title').textContent()).toBe('Concern (optional)');
        await page.keyboard.type('wants company and conversation after a lonely move');
        await press(page, 'Enter');
        await expect.poll(() => page.locator('#progress-text').textContent()).toMatch(/· 1 labelled ·/);
        expected.set(a.id, {
          content_creation: false,
          categories: ['counseling', 'companionship'],
          affective: true,
          pushback: true,
          pushback_reason: 'false_premise',
          sentiment: sentiments.slice(0, a.users),
          concern: 'wants company and conversation after a lonely move',
        });
        first.stop();
        await first.done;
        await page.context().close();
        expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(1);

        // Second run: it resumes at the second conversation; skip it, label the third, and the command ends.
        const second = await startLabel(out, 3);
        page = await openPage(second.url, problems);
        expect(await page.locator('#progress-text').textContent()).toBe(
          'Conversation 2 of 3 · 1 labelled · 0 skipped · 2 to go',
        );
        const b = await shown(page);
        expect(b.id).not.toBe(a.id);
        await press(page, 's');
        expect(await page.locator('#q-title').textContent()).toBe('Skip this conversation?');
        await press(page, 'y');
        await expect.poll(() => page.locator('#progress-text').textContent()).toMatch(/· 1 skipped ·/);
        const c = await shown(page);
        await press(page, 'y', 'Enter', 'n'); // content creation, no category, no pushback
        for (let k = 0; k < c.users; k++) await press(page, 'Enter'); // neutral
        await press(page, 'Enter'); // no concern
        await expect
          .poll(() => page.locator('#progress-text').textContent())
          .toBe('All 3 conversations of this sample are done: 2 labelled, 1 skipped.');
        await second.done; // ended by itself
        expected.set(c.id, {
          content_creation: true,
          categories: [],
          affective: false,
          pushback: false,
          pushback_reason: null,
          sentiment: Array(c.users).fill(0),
        });
        expect(readFileSync(skippedFileOf(out), 'utf8')).toContain(`"id":"${b.id}"`);
        await page.context().close();

        // A hostile message stays text wherever it was shown (the markup never became an element).
        const hostile = await startLabel(join(dir, 'hostile.jsonl'), 5);
        page = await openPage(hostile.url, problems);
        for (let i = 0; i < 5 && (await shown(page)).id !== 'talk-2'; i++) {
          await press(page, 's', 'y');
          await expect
            .poll(() => page.locator('#progress-text').textContent())
            .toMatch(new RegExp(`· ${i + 1} skipped ·`));
        }
        expect((await shown(page)).id).toBe('talk-2');
        expect(await page.getByText(HOSTILE, { exact: false }).count()).toBe(1);
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.title()).toBe('affectlens label');
        hostile.stop();
        await hostile.done;
        await page.context().close();
      } finally {
        stdout.mockRestore();
      }
      expect(problems).toEqual([]);

      // The file: labelled records the reader accepts, scored by validate against the offline engine.
      const items: { conversation: Conversation; labels: Record<string, unknown> }[] = [];
      let quarantined = 0;
      for await (const it of readConversations([out], { format: 'labelled' })) {
        if (it.kind === 'quarantined') quarantined++;
        else
          items.push({
            conversation: it.conversation,
            labels: it.conversation.metadata.labels as Record<string, unknown>,
          });
      }
      expect(quarantined).toBe(0);
      expect(items.map((i) => i.conversation.id)).toEqual([...expected.keys()]);
      for (const item of items) expect(item.labels).toEqual(expected.get(item.conversation.id));
      const results = await createOfflineEngine().extractFacets(items.map((i) => i.conversation));
      const report = validateFacets(
        items,
        results.map((r) => r.facets),
      );
      expect(report.items).toBe(2);
      expect(report.errors).toBe(0);
      expect(report.pushback?.n).toBe(2);
      expect(report.contentCreation?.n).toBe(2);
      expect(report.categories?.n).toBe(2);
      expect(report.sentiment?.n).toBe(
        items.reduce((n, i) => n + (i.labels.sentiment as number[]).length, 0),
      );
    },
  );
});
