import { Command } from 'commander';

// PLACEHOLDER: replaced by the issue that builds this command.
export function validateCommand(): Command {
  return new Command('validate').description('(not built yet)').action(() => {
    throw new Error('validate is not built yet');
  });
}
