#!/usr/bin/env node
/**
 * The affectlens command line. Each command lives in its own file, parses its options and calls
 * the library; nothing here computes anything.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { analyzeCommand } from './analyze.js';
import { exitCodeFor, reportError } from './errors.js';
import { estimateCommand } from './estimate.js';
import { explainCommand } from './explain.js';
import { inspectCommand } from './inspect.js';
import { labelCommand } from './label.js';
import { mergeCommand } from './merge.js';
import { submitCommand, workerCommand } from './queue.js';
import { serveCommand } from './serve.js';
import { synthCommand } from './synth.js';
import { validateCommand } from './validate.js';

export function buildProgram(): Command {
  const program = new Command('affectlens')
    .description(
      'Privacy-safe reports of how people use an AI assistant for support, advice and companionship.',
    )
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)');
  for (const cmd of [
    analyzeCommand(),
    mergeCommand(),
    submitCommand(),
    workerCommand(),
    inspectCommand(),
    validateCommand(),
    synthCommand(),
    estimateCommand(),
    serveCommand(),
    explainCommand(),
    labelCommand(),
  ]) {
    program.addCommand(cmd);
  }
  program.exitOverride();
  for (const cmd of program.commands) cmd.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return process.exitCode === undefined ? 0 : Number(process.exitCode);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      if (err.exitCode === 0) return 0;
      return 2;
    }
    reportError(err);
    return exitCodeFor(err);
  }
}

const invokedDirectly = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (invokedDirectly || process.argv[1]?.endsWith('/affectlens')) {
  main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
