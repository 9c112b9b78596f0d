import { Command, InvalidArgumentError, Option } from 'commander';
import { generateConversations, type SynthOptions } from '../synth/generate.js';
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
      const mb = (result.bytes / 1e6).toFixed(2);
      process.stdout.write(
        `wrote ${result.conversations} conversations (${mb} MB, ${opts.format}) to ${opts.out}` +
          `${result.truthFile ? `; ground truth in ${result.truthFile}` : ''}\n`,
      );
    });
}
