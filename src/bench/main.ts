/**
 * `npm run bench [section...]`: every benchmark section, or only those named.
 * Each section measures a bare baseline in the same run and reports a ratio.
 */

import { formatMeasurement, type Measurement, writeResults } from './harness.js';
import { benchUsage, pickSections, SECTIONS } from './sections.js';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  if (wanted.includes('--help') || wanted.includes('-h')) {
    process.stdout.write(benchUsage());
    return;
  }
  const picked = pickSections(wanted);
  if ('unknown' in picked) {
    process.stderr.write(
      `unknown section ${picked.unknown.map((u) => `"${u}"`).join(', ')}; choose from: ${SECTIONS.map((s) => s.name).join(', ')} (--help lists them)\n`,
    );
    process.exitCode = 2;
    return;
  }
  for (const s of picked.run) {
    process.stdout.write(`\n== ${s.name}: ${s.description}\n`);
    const ms: Measurement[] = [];
    const notes: string[] = [];
    await s.run({
      report: (m) => {
        ms.push(m);
        process.stdout.write(`${formatMeasurement(m)}\n`);
      },
      note: (line) => {
        notes.push(line);
        process.stdout.write(`   ${line}\n`);
      },
    });
    process.stdout.write(`   -> ${writeResults(s.name, ms, notes)}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
