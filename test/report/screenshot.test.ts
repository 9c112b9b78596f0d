/**
 * The README's pictures of the report (docs/report.png, docs/report-phone.png) come from `npm run
 * screenshot`, which stamps each PNG with the provenance of the report it shows. They must show the
 * current demo: this version, the offline engine's current rules, the current report schema and the
 * shipped sample. A change to any of them fails here until the pictures are taken again.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/facets/createEngine.js';
import { REPORT_SCHEMA_VERSION } from '../../src/report/reportSchema.js';
import { VERSION } from '../../src/version.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The tEXt chunks of a PNG: keyword → text. */
function pngText(file: string): Record<string, string> {
  const png = readFileSync(file);
  const out: Record<string, string> = {};
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'tEXt') {
      const data = png.subarray(at + 8, at + 8 + length);
      const nul = data.indexOf(0);
      out[data.toString('latin1', 0, nul)] = data.toString('latin1', nul + 1);
    }
    if (type === 'IEND') break;
    at += 12 + length;
  }
  return out;
}

describe("the README's screenshots", () => {
  it('are of the current demo (regenerate with npm run screenshot)', async () => {
    const engine = await createEngine('offline');
    const sample = createHash('sha256')
      .update(readFileSync(join(ROOT, 'examples', 'sample.jsonl')))
      .digest('hex');
    for (const name of ['report.png', 'report-phone.png']) {
      const stamp = pngText(join(ROOT, 'docs', name))['affectlens-report'];
      expect(stamp, `docs/${name} has no provenance stamp: run npm run screenshot`).toBeDefined();
      expect(JSON.parse(stamp), `docs/${name} is out of date: run npm run screenshot`).toEqual({
        affectlensVersion: VERSION,
        engine: 'offline',
        model: engine.model,
        promptVersion: engine.promptVersion,
        schemaVersion: REPORT_SCHEMA_VERSION,
        inputs: [{ file: 'sample.jsonl', sha256: sample }],
      });
    }
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('docs/report.png');
    expect(readme).toContain('docs/report-phone.png');
  });
});
