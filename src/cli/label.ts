import { resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { type LabelServer, startLabelServer } from '../label/labelServer.js';
import { LabelSession, skippedFileOf } from '../label/labelSession.js';
import { isLoopbackHost } from '../report/serve.js';
import { UsageError } from './errors.js';
import { formatOption, intOption, readOptionsFrom } from './options.js';

export interface LabelDeps {
  /** Stops the server (tests); without it the server runs until the sample is done, SIGINT or SIGTERM. */
  signal?: AbortSignal;
  /** Called once the server listens, with the page's URL (token included). */
  onListening?: (url: string) => void;
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('--port takes a whole number from 0 to 65535');
  return n;
}

export function labelCommand(deps: LabelDeps = {}): Command {
  return new Command('label')
    .description(
      'Hand-label a seeded sample of your own conversations on this machine: a keyboard-driven page on ' +
        "http://127.0.0.1 asks the codebook's questions one conversation at a time and appends labelled " +
        'JSONL that `validate` and calibration read. A rerun with the same --out resumes.',
    )
    .argument('<inputs...>', 'log files or globs (any input format)')
    .requiredOption(
      '--out <file>',
      'labelled JSONL to write (and to resume from); holds the conversations’ text',
    )
    .option('--n <n>', 'conversations in the sample', intOption('--n', 1), 200)
    .option(
      '--seed <s>',
      'seed of the sample (the same sample as analyze --sample N --seed S)',
      intOption('--seed', 0),
      1,
    )
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 8766)
    .option('--host <host>', 'loopback address to bind: 127.0.0.1, ::1 or localhost', '127.0.0.1')
    .addOption(formatOption())
    .action(async (inputs: string[], opts) => {
      if (!isLoopbackHost(opts.host))
        throw new UsageError(
          `--host ${opts.host}: label binds to the loopback interface only (127.0.0.1, ::1 or localhost)`,
        );
      if (!String(opts.out).toLowerCase().endsWith('.jsonl'))
        throw new UsageError(`--out ${opts.out}: labels are written as JSONL; name a .jsonl file`);
      if (inputs.some((i) => resolve(i) === resolve(opts.out)))
        throw new UsageError(`--out ${opts.out}: that is an input file; write the labels to another file`);

      const session = await LabelSession.open({
        inputs,
        n: opts.n,
        seed: opts.seed,
        out: opts.out,
        read: readOptionsFrom(opts),
      });
      const say = (line: string) => process.stdout.write(`${line}\n`);
      const tally = () =>
        `${session.labelled} labelled, ${session.skipped} skipped, ${session.remaining} to go (of ${session.total})`;
      try {
        say(
          `Sample of ${session.total} conversations (seed ${opts.seed}) from ${session.read} records` +
            `${session.quarantined > 0 ? ` (${session.quarantined} quarantined)` : ''}: ${tally()}.`,
        );
        if (session.remaining === 0) {
          say(`Nothing left to label in this sample: the labels are in ${opts.out}.`);
          return;
        }
        let finish = () => {};
        const finished = new Promise<void>((done) => {
          finish = done;
        });
        let server: LabelServer;
        try {
          server = await startLabelServer(session, {
            port: opts.port,
            host: opts.host,
            onDone: () => finish(),
          });
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EADDRINUSE')
            throw new Error(
              `--port ${opts.port}: the port is in use; choose another (--port 0 picks a free one)`,
            );
          throw err;
        }
        say(
          `Open ${server.url} in a browser on this machine (Ctrl+C stops; every answer is saved as it is given).`,
        );
        say(
          `${opts.out} holds the conversations' text with your labels (skips go to ${skippedFileOf(opts.out)}): keep it as private as the logs.`,
        );
        deps.onListening?.(server.url);
        await new Promise<void>((done) => {
          const stop = () => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            deps.signal?.removeEventListener('abort', stop);
            done();
          };
          if (deps.signal?.aborted) return stop();
          deps.signal?.addEventListener('abort', stop);
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
          void finished.then(stop);
        });
        await server.close();
        say(`${session.remaining === 0 ? 'Done' : 'Stopped'}: ${tally()}; labels in ${opts.out}.`);
      } finally {
        session.close();
      }
    });
}
