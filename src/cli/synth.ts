import { Command } from 'commander';

// PLACEHOLDER: replaced by the issue that builds this command.
export function synthCommand(): Command {
  return new Command('synth').description('(not built yet)').action(() => {
    throw new Error('synth is not built yet');
  });
}
