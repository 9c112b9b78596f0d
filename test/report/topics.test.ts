/**
 * The topic explorer and topics.csv: children that do not add up to their parent get a remainder row,
 * and a name never runs into its size in the page's text.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { renderHtml } from '../../src/report/html.js';
import { csvTables } from '../../src/report/writeReport.js';
import { fixtureInput } from '../helpers/reportFixture.js';

/** The page's text as a reader (or a screen reader, or copy-paste) gets it. */
function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<svg[\s\S]*?<\/svg>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&');
}

describe('topic remainders', () => {
  const report = buildReport(fixtureInput());

  it('topics.csv: a remainder row when children do not sum to their parent, and one for the small groups', () => {
    const lines = csvTables()['topics.csv'](report).trim().split('\r\n');
    // ia-1 holds 40 conversations; its shown children 18 + 14.
    expect(lines).toContain(
      'interpersonal_advice,ia-1.other,ia-1,1,Other conversations in this topic (in no sub-topic),,8,,0.06666666666666667',
    );
    expect(lines).toContain(
      'interpersonal_advice,other,,0,"In groups too small to describe (counted, not described)",,10,,0.08333333333333333',
    );
    // Leaves and parents whose children add up get no remainder row.
    expect(lines.filter((l) => l.includes('.other,')).length).toBe(1);
  });

  it('the explorer shows the remainder, and puts a space between a name and its size', async () => {
    const html = await renderHtml(report);
    const text = pageText(html);
    expect(text).toContain('Other conversations in this topic (in no sub-topic) 8 conversations');
    expect(text).toContain('Navigating conflict with a partner 40 conversations');
    expect(text).toContain('Building study habits 20 conversations');
    expect(text).not.toMatch(/[a-z]\d+ conversations/);
  });
});
