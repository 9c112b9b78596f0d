import { Command } from 'commander';

// PLACEHOLDER: replaced by the issue that builds this command.
export function estimateCommand(): Command {
  return new Command('estimate').description('(not built yet)').action(() => {
    throw new Error('estimate is not built yet');
  });
}
