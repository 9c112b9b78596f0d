/**
 * `affectlens inspect <inputs...>`: what the logs hold (format, conversations, users, messages,
 * quarantine) before paying for an analysis. Counts only; no conversation text is printed.
 */
import { Command } from 'commander';
import { FORMAT_NAMES, type FormatName } from '../conversation/formats.js';
import { HISTOGRAM_BUCKETS, type InspectSummary, inspectInputs } from '../conversation/inspect.js';
import { formatQuarantineEntry } from '../conversation/quarantine.js';
import { UsageError } from './errors.js';

interface InspectFlags {
  format: string;
  strict?: boolean;
  json?: boolean;
}

export function inspectCommand(): Command {
  return new Command('inspect')
    .description('Count the conversations, users and messages in conversation logs, and list bad records')
    .argument('<inputs...>', 'log files or globs (.jsonl, .json, .parquet, optionally .gz)')
    .option('--format <format>', `input format: auto, ${FORMAT_NAMES.join(', ')}`, 'auto')
    .option('--strict', 'stop at the first bad record instead of quarantining it')
    .option('--json', 'print one JSON object instead of a table')
    .action(async (inputs: string[], flags: InspectFlags) => {
      const format = parseFormat(flags.format);
      const summary = await inspectInputs(inputs, { format, strict: flags.strict === true });
      process.stdout.write(flags.json ? `${JSON.stringify(summary)}\n` : renderSummary(summary));
    });
}

function parseFormat(value: string): FormatName | 'auto' {
  if (value === 'auto' || (FORMAT_NAMES as readonly string[]).includes(value))
    return value as FormatName | 'auto';
  throw new UsageError(`--format must be one of: auto, ${FORMAT_NAMES.join(', ')} (got "${value}")`);
}

const n = (x: number): string => x.toLocaleString('en-US');

export function renderSummary(s: InspectSummary): string {
  const lines: string[] = [];
  const width = Math.max(5, ...s.files.map((f) => f.file.length));
  lines.push(
    `${'Input'.padEnd(width)}  ${'Format'.padEnd(9)} ${'Conversations'.padStart(13)} ${'Quarantined'.padStart(11)}`,
  );
  for (const f of s.files) {
    lines.push(
      `${f.file.padEnd(width)}  ${f.format.padEnd(9)} ${n(f.conversations).padStart(13)} ${n(f.quarantined).padStart(11)}`,
    );
  }
  lines.push('');
  const anonymous = s.conversations - s.conversationsWithUserId;
  lines.push(`Format            ${s.format}`);
  lines.push(`Conversations     ${n(s.conversations)}`);
  lines.push(
    `Users             ${n(s.users)}${anonymous > 0 ? ` (${n(anonymous)} conversation(s) without a user id, each counted as its own user)` : ''}`,
  );
  lines.push(`Messages          ${n(s.messages)} (${n(s.humanMessages)} from the user)`);
  lines.push('Human messages per conversation');
  const most = Math.max(1, ...Object.values(s.humanMessageHistogram));
  for (const b of HISTOGRAM_BUCKETS) {
    const count = s.humanMessageHistogram[b] ?? 0;
    const bar = '#'.repeat(Math.round((count / most) * 30));
    lines.push(`  ${b.padEnd(6)} ${n(count).padStart(10)}  ${bar}`);
  }
  lines.push(`Quarantined       ${n(s.quarantined)}`);
  for (const [reason, count] of Object.entries(s.quarantineReasons).sort((a, b) => b[1] - a[1])) {
    lines.push(`  ${reason.padEnd(20)} ${n(count).padStart(10)}`);
  }
  if (s.quarantineSamples.length > 0) {
    const shown = s.quarantineSamples.length;
    lines.push(shown < s.quarantined ? `First ${shown} quarantined records:` : 'Quarantined records:');
    for (const e of s.quarantineSamples) lines.push(`  ${formatQuarantineEntry(e)}`);
  }
  return `${lines.map((l) => l.trimEnd()).join('\n')}\n`;
}
