import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { InputError } from '../conversation/quarantine.js';
import { isLoopbackHost, startStaticServer } from '../report/serve.js';
import { UsageError } from './errors.js';

export interface ServeDeps {
  /** Stops the server (tests); without it the server runs until SIGINT or SIGTERM. */
  signal?: AbortSignal;
  /** Called once the server listens, with its URL. */
  onListening?: (url: string) => void;
}

function parsePort(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('must be an integer from 0 to 65535');
  return n;
}

export function serveCommand(deps: ServeDeps = {}): Command {
  return new Command('serve')
    .description('Serve a report folder on this machine only (http://127.0.0.1); / opens report.html')
    .argument('<out-dir>', 'the folder that `affectlens analyze --out` wrote')
    .option('--port <n>', 'port to listen on (0 picks a free one)', parsePort, 8765)
    .option('--host <host>', 'loopback address to bind: 127.0.0.1, ::1 or localhost', '127.0.0.1')
    .action(async (outDir: string, opts: { port: number; host: string }) => {
      if (!isLoopbackHost(opts.host)) {
        throw new UsageError(
          `--host ${opts.host}: serve binds to the loopback interface only (127.0.0.1, ::1 or localhost); copy the folder to share a report`,
        );
      }
      // A folder without a report would only answer 404s: refuse it before listening.
      const root = resolve(outDir);
      if (existsSync(root) && statSync(root).isDirectory() && !existsSync(join(root, 'report.html')))
        throw new InputError(
          `${outDir}: no report.html in this folder; serve the folder that \`affectlens analyze --out\` wrote`,
        );
      const server = await startStaticServer(root, { port: opts.port, host: opts.host });
      process.stdout.write(`Serving ${outDir} at ${server.url} (Ctrl+C to stop)\n`);
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
      });
      await server.close();
    });
}
