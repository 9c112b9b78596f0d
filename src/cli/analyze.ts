import { Command } from 'commander';

// PLACEHOLDER: replaced by the issue that builds this command.
export function analyzeCommand(): Command {
  return new Command('analyze').description('(not built yet)').action(() => {
    throw new Error('analyze is not built yet');
  });
}
