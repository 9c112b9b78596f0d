/**
 * The report says which kind of number it shows (issue #13): screening figures named as such in the
 * headline when nothing corrected them, and a calibrated run showing the screen's raw shares beside the
 * corrected ones with the calibration set named, in HTML and CSV.
 */
import { describe, expect, it } from 'vitest';
import { accumulateAnalyses } from '../../src/analysis/accumulate.js';
import { type Calibration, calibratedEstimator } from '../../src/estimate/calibrated.js';
import { buildReport } from '../../src/report/build.js';
import { formatPercent } from '../../src/report/format.js';
import { withReportLanguage } from '../../src/report/i18n/reportLanguage.js';
import { PAGE_SECTIONS } from '../../src/report/pageSections.js';
import type { Report } from '../../src/report/reportSchema.js';
import { csvTables } from '../../src/report/writeReport.js';
import { fixtureInput, fixtureRecords } from '../helpers/reportFixture.js';

function sectionText(r: Report, id: string): string {
  const s = PAGE_SECTIONS.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return String(s.html(r, ''))
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

const CALIBRATION: Calibration = {
  source: 'my-labels.jsonl',
  engine: 'rules-test',
  facets: {
    affective: { tp: 40, fn: 10, fp: 20, tn: 480 },
    contentCreation: { tp: 30, fn: 20, fp: 10, tn: 490 },
  },
};

/** The same counts split into two kinds of traffic that disagree on the false-positive rate. */
const TWO_DOMAINS: Calibration = {
  ...CALIBRATION,
  domains: [
    { name: 'red-team chats', facets: { affective: { tp: 20, fn: 5, fp: 18, tn: 232 } } },
    { name: 'task prompts', facets: { affective: { tp: 20, fn: 5, fp: 2, tn: 248 } } },
  ],
};

describe('the estimation section', () => {
  it('calls an uncorrected offline run screening figures, in the headline and the section', () => {
    const r = buildReport(fixtureInput());
    expect(r.estimation.method).toBe('raw');
    expect(sectionText(r, 'headline')).toMatch(
      /offline screening estimates, not corrected .*no calibration was available/,
    );
    const text = sectionText(r, 'estimation');
    expect(text).toMatch(/Method: as classified \(screening figures\)/);
    expect(text).not.toMatch(/Screening counts beside the estimates/);
    // The methods say the interval carries sampling noise only.
    expect(sectionText(r, 'methods')).toMatch(/Wilson interval: it reflects sampling noise only/);
    expect(csvTables()['estimation_screening.csv'](r)).toBe(
      'share,screening_share,estimate_share,ci_low,ci_high,method\r\n',
    );
  });

  it('shows a calibrated run’s raw and corrected shares side by side, and the rates it corrected with', () => {
    const records = fixtureRecords();
    const r = buildReport(
      fixtureInput({
        records,
        estimator: calibratedEstimator(CALIBRATION, { seed: 7 }),
        calibration: CALIBRATION,
        screening: accumulateAnalyses(records),
      }),
    );
    expect(r.estimation.method).toBe('calibrated');
    expect(sectionText(r, 'headline')).toMatch(
      /corrected for the engine's measured error rates \(calibration: my-labels\.jsonl\)/,
    );
    const text = sectionText(r, 'estimation');
    const raw = r.prevalence.screening?.affective.share ?? Number.NaN;
    const corrected = r.prevalence.affective.share;
    // FPR 4% and TPR 80%: the correction moves the share, and both appear on one row.
    expect(Math.abs(raw - corrected)).toBeGreaterThan(0.01);
    expect(text).toContain(`Affective (any category) ${formatPercent(raw)} ${formatPercent(corrected)}`);
    expect(text).toMatch(/Error rates of the rules-test engine measured on my-labels\.jsonl/);
    expect(text).toMatch(/affective 50 500 80\.0% 4\.00%/);
    expect(sectionText(r, 'methods')).toMatch(/uncertainty of the offline engine’s error rates/);

    const screening = csvTables()['estimation_screening.csv'](r).trim().split('\r\n');
    expect(screening[1]).toMatch(/^affective,[\d.]+,[\d.]+,[\d.]+,[\d.]+,calibrated$/);
    const calibration = csvTables()['estimation_calibration.csv'](r).trim().split('\r\n');
    expect(calibration).toContain('my-labels.jsonl,all,affective,50,500,0.8,0.04');
  });

  it('lists each kind of traffic of a calibration that spans several, and widens the interval by their disagreement', () => {
    const records = fixtureRecords();
    const build = (calibration: Calibration) =>
      buildReport(
        fixtureInput({
          records,
          estimator: calibratedEstimator(calibration, { seed: 7 }),
          calibration,
          screening: accumulateAnalyses(records),
        }),
      );
    const pooled = build(CALIBRATION).prevalence.affective.interval;
    const r = build(TWO_DOMAINS);
    const mixed = r.prevalence.affective.interval;
    expect(mixed.high - mixed.low).toBeGreaterThan(pooled.high - pooled.low);
    const text = sectionText(r, 'estimation');
    expect(text).toMatch(/their disagreement across the 2 kinds of traffic/);
    expect(text).toMatch(/red-team chats 25 250 80\.0% 7\.20%/);
    expect(text).toMatch(/task prompts 25 250 80\.0% 0\.80%/);
    // In Chinese, the same tables with every heading and column in Chinese and the same numbers.
    const zh = withReportLanguage('zh', () =>
      String(PAGE_SECTIONS.find((x) => x.id === 'estimation')?.html(r, '')),
    );
    for (const m of zh.matchAll(/<(h2|h3|th)[^>]*>([\s\S]*?)<\/\1>/g))
      expect(m[2].replace(/<[^>]+>/g, ''), m[0]).not.toMatch(/[A-Za-z]{3,}/);
    expect(zh).toContain('7.20%');
    const csv = csvTables()['estimation_calibration.csv'](r);
    expect(csv).toContain('my-labels.jsonl,red-team chats,affective,25,250,0.8,0.072');
  });
});
