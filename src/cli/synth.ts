import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { aboutFileFor } from '../pipeline/provenance.js';
import {
  DEFAULT_AFFECTIVE_SHARE,
  DEFAULT_CONTENT_CREATION_SHARE,
  generateConversations,
  type SynthOptions,
} from '../synth/generate.js';
import { SYNTH_FORMATS, type SynthFormat, writeSynthCorpus } from '../synth/writeCorpus.js';
import { UsageError } from './errors.js';
import { intOption } from './options.js';

function shareOption(flag: string): (value: string) => number {
  return (value: string) => {
    const x = Number(value);
    if (value.trim() === '' || !Number.isFinite(x) || x < 0 || x > 1) {
      throw new InvalidArgumentError(`${flag} takes a share between 0 and 1 (e.g. 0.03)`);
    }
    return x;
  };
}

export function synthCommand(): Command {
  return new Command('synth')
    .description(
      'Write a synthetic labelled corpus (known categories, topics, pushback, sentiment, optional planted PII) ' +
        'for demos, tests and accuracy checks.',
    )
    .requiredOption('--n <count>', 'number of conversations', intOption('--n', 0))
    .requiredOption(
      '--out <file>',
      'output file (.gz to compress); other formats also get <name>.truth.jsonl',
    )
    .option('--seed <s>', 'seed: same options and seed give byte-identical output', intOption('--seed', 0), 1)
    .addOption(new Option('--format <format>', 'output format').choices([...SYNTH_FORMATS]).default('openai'))
    .option(
      '--affective-share <x>',
      'share of affective conversations (default 0.03)',
      shareOption('--affective-share'),
    )
    .option(
      '--content-share <x>',
      'share of content-creation conversations (default 0.12)',
      shareOption('--content-share'),
    )
    .option(
      '--chinese-share <x>',
      'share of Chinese conversations (default 0)',
      shareOption('--chinese-share'),
    )
    .option(
      '--canary-share <x>',
      'share of conversations with planted fake PII (default 0)',
      shareOption('--canary-share'),
    )
    .option(
      '--users <n>',
      'distinct users (default n/4; conversations per user are skewed)',
      intOption('--users', 1),
    )
    .option('--start-date <iso>', 'date of the earliest conversation (default 2025-01-01)')
    .action(async (opts) => {
      const options: SynthOptions = {
        n: opts.n,
        seed: opts.seed,
        affectiveShare: opts.affectiveShare,
        contentCreationShare: opts.contentShare,
        chineseShare: opts.chineseShare,
        canaryShare: opts.canaryShare,
        users: opts.users,
        startDate: opts.startDate,
      };
      if ((options.affectiveShare ?? 0.03) + (options.contentCreationShare ?? 0.12) > 1) {
        throw new UsageError('--affective-share plus --content-share must be at most 1');
      }
      if (options.startDate !== undefined && !Number.isFinite(Date.parse(options.startDate))) {
        throw new UsageError(`--start-date: not a date: ${options.startDate}`);
      }
      const result = await writeSynthCorpus(
        generateConversations(options),
        opts.out,
        opts.format as SynthFormat,
      );
      // The corpus says what it is, so a report made from it can say so next to its figures.
      const about = aboutFileFor(opts.out);
      writeFileSync(about, `${synthAboutNote(options)}\n`);
      const mb = (result.bytes / 1e6).toFixed(2);
      process.stdout.write(
        `wrote ${result.conversations} conversations (${mb} MB, ${opts.format}) to ${opts.out}` +
          `${result.truthFile ? `; ground truth in ${result.truthFile}` : ''}; about it: ${about}\n`,
      );
    });
}

const pct = (x: number): string => `${Number((x * 100).toFixed(1))}%`;

/**
 * What a synthetic corpus is, in words a report can quote (`<file>.about.txt`): invented, how many
 * conversations and how mixed, and how far its affective share is from the study's real traffic.
 */
export function synthAboutNote(o: SynthOptions): string {
  const affective = o.affectiveShare ?? DEFAULT_AFFECTIVE_SHARE;
  const content = o.contentCreationShare ?? DEFAULT_CONTENT_CREATION_SHARE;
  const mix =
    affective === DEFAULT_AFFECTIVE_SHARE
      ? `${pct(affective)} of its conversations are affective, about the share the study found in real traffic`
      : `${pct(affective)} are affective by design (about ${pct(DEFAULT_AFFECTIVE_SHARE)} in the study's real traffic)${affective > DEFAULT_AFFECTIVE_SHARE ? ', so that each kind of use has enough conversations to show' : ''}`;
  const extras = [
    `${pct(content)} content creation`,
    ...(o.canaryShare ? [`${pct(o.canaryShare)} with planted fake identifiers`] : []),
    ...(o.chineseShare ? [`${pct(o.chineseShare)} in Chinese`] : []),
  ];
  return (
    `Synthetic: ${o.n.toLocaleString('en-US')} invented conversations written by affectlens synth (seed ${o.seed}), not real traffic. ` +
    `${mix}; ${extras.join(', ')}. Its shares describe the generator's mix, not how anyone uses an assistant.`
  );
}
