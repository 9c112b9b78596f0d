import { Command } from 'commander';

// PLACEHOLDER: replaced by the issue that builds this command.
export function serveCommand(): Command {
  return new Command('serve').description('(not built yet)').action(() => {
    throw new Error('serve is not built yet');
  });
}
