/**
 * `npm run eval [section...]`: accuracy on real labelled data (../shared/data/dev, skipped cleanly
 * when absent) and on the synthetic corpus. Never part of `npm test`.
 */
import { EVAL_SECTIONS } from './sections.js';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const run = wanted.length > 0 ? EVAL_SECTIONS.filter((s) => wanted.includes(s.name)) : EVAL_SECTIONS;
  for (const s of run) {
    process.stdout.write(`\n== ${s.name}: ${s.description}\n`);
    process.stdout.write(`${await s.run()}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`eval failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
