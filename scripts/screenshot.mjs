#!/usr/bin/env node
/**
 * `npm run screenshot`: the README's pictures of the report, taken from the current demo
 * (out/sample/report.html, written by `npm run demo` just before) in Debian's chromium:
 *   docs/report.png        a desktop screen (1100 × 1500 CSS px)
 *   docs/report-phone.png  a 390 px phone screen at Figure 4 (at 2× pixel density)
 * Each PNG carries a tEXt chunk "affectlens-report" with the report's provenance (affectlens version,
 * engine, model, report schema, input file and SHA-256), so a test can tell when the pictures are from
 * an older engine or schema than the code. Before shooting it checks the phone layout (no sideways
 * page, no chart text under 10 px) and stops if it does not hold. No network, no browser download.
 *
 * Usage: node scripts/screenshot.mjs [report.html] [out-dir]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';
import { chromium } from 'playwright-core';

const reportHtml = resolve(process.argv[2] ?? 'out/sample/report.html');
const outDir = resolve(process.argv[3] ?? 'docs');
const executablePath = process.env.AFFECTLENS_CHROMIUM || '/usr/bin/chromium';

function fail(message) {
  process.stderr.write(`screenshot: ${message}\n`);
  process.exit(1);
}

if (!existsSync(reportHtml)) fail(`${reportHtml} not found: run \`npm run demo\` first`);
if (!existsSync(executablePath))
  fail(
    `${executablePath} not found: install Debian's chromium (apt-get install chromium) or set AFFECTLENS_CHROMIUM`,
  );

const report = JSON.parse(readFileSync(join(dirname(reportHtml), 'report.json'), 'utf8'));
const stamp = JSON.stringify({
  affectlensVersion: report.provenance.affectlensVersion,
  engine: report.provenance.engine,
  model: report.provenance.model,
  promptVersion: report.provenance.promptVersion,
  schemaVersion: report.schemaVersion,
  inputs: report.provenance.inputs.map((i) => ({ file: i.file, sha256: i.sha256 })),
});

/** The PNG with a tEXt chunk (keyword, NUL, text) inserted right after its IHDR chunk. */
function withTextChunk(png, keyword, text) {
  const data = Buffer.concat([Buffer.from(keyword, 'latin1'), Buffer.from([0]), Buffer.from(text, 'latin1')]);
  const type = Buffer.from('tEXt', 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  type.copy(chunk, 4);
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length);
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), chunk, png.subarray(ihdrEnd)]);
}

/** What does not fit the phone: the page scrolling sideways, chart text drawn under 10 px. */
function phoneProblems(width) {
  const problems = [];
  if (document.documentElement.scrollWidth > width)
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  for (const t of document.querySelectorAll('svg text')) {
    const box = t.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    const m = t.getScreenCTM();
    const px = Number.parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
    if (px < 10) problems.push(`chart text "${t.textContent}" drawn at ${px.toFixed(1)} px`);
  }
  return problems;
}

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const shots = [
    { file: 'report.png', viewport: { width: 1100, height: 1500 }, scale: 1, at: null },
    // On the phone, Figure 4: the chart drawn for narrow screens, with its labels and shares.
    { file: 'report-phone.png', viewport: { width: 390, height: 844 }, scale: 2, at: '#fig-sentiment' },
  ];
  for (const s of shots) {
    const context = await browser.newContext({
      offline: true,
      viewport: s.viewport,
      deviceScaleFactor: s.scale,
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(reportHtml).href, { waitUntil: 'load' });
    if (s.viewport.width < 500) {
      const problems = await page.evaluate(phoneProblems, s.viewport.width);
      if (problems.length > 0)
        fail(`the report does not fit a ${s.viewport.width} px screen: ${problems.join('; ')}`);
    }
    if (s.at) await page.locator(s.at).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const png = await page.screenshot({ fullPage: false });
    const out = join(outDir, s.file);
    writeFileSync(out, withTextChunk(png, 'affectlens-report', stamp));
    process.stdout.write(`wrote ${out}\n`);
    await context.close();
  }
} finally {
  await browser.close();
}
