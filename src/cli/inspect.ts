import { Command } from 'commander';

// PLACEHOLDER: replaced by the issue that builds this command.
export function inspectCommand(): Command {
  return new Command('inspect').description('(not built yet)').action(() => {
    throw new Error('inspect is not built yet');
  });
}
