/**
 * Progress for long runs: a bar with conversations/s and ETA on a TTY, plain periodic lines
 * otherwise (CI logs, pipes). Writes to stderr only; never conversation text.
 */
import cliProgress from 'cli-progress';

export interface ProgressState {
  stage: string;
  conversations: number;
  quarantined: number;
  elapsedMs: number;
  /** Bytes of input consumed so far and in total, when known (drives the ETA). */
  bytesRead?: number;
  totalBytes?: number;
}

export interface ProgressSink {
  update(p: ProgressState): void;
  stop(): void;
}

export function createProgress(options: {
  tty: boolean;
  intervalMs?: number;
  write?: (s: string) => void;
  /** Where the bar draws (tests); stderr by default. */
  stream?: NodeJS.WritableStream;
}): ProgressSink {
  const write = options.write ?? ((s: string) => process.stderr.write(s));
  if (options.tty) return barProgress(options.stream ?? process.stderr);
  const interval = options.intervalMs ?? 5000;
  let lastAt = -Infinity;
  let last: ProgressState | undefined;
  const line = (p: ProgressState) =>
    `[${(p.elapsedMs / 1000).toFixed(1)}s] ${p.stage}: ${p.conversations.toLocaleString('en-US')} conversations (${Math.round(rate(p)).toLocaleString('en-US')}/s), ${p.quarantined} quarantined${etaText(p)}\n`;
  return {
    update(p) {
      last = p;
      if (p.elapsedMs - lastAt >= interval) {
        lastAt = p.elapsedMs;
        write(line(p));
      }
    },
    stop() {
      if (last && last.elapsedMs !== lastAt) write(line(last));
      lastAt = last?.elapsedMs ?? lastAt;
    },
  };
}

function barProgress(stream: NodeJS.WritableStream): ProgressSink {
  const bar = new cliProgress.SingleBar(
    {
      format:
        ' {stage} |{bar}| {percentage}% | {conversations} conv | {rate}/s | {quarantined} quarantined | ETA {left}',
      hideCursor: true,
      clearOnComplete: false,
      stream,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const total = p.totalBytes && p.totalBytes > 0 ? p.totalBytes : 1;
      const value = p.totalBytes ? (p.bytesRead ?? 0) : 0;
      const input = inputProgress(p);
      const payload = {
        stage: p.stage.padEnd(11),
        conversations: p.conversations.toLocaleString('en-US'),
        rate: Math.round(rate(p)).toLocaleString('en-US'),
        quarantined: p.quarantined,
        // From the share of input read so far, as the plain lines have it: the bar's own estimate
        // reads "NFs" until its buffer of updates fills.
        left: input ? `${input.etaSeconds}s` : '…',
      };
      if (!started) {
        bar.start(total, value, payload);
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(value, payload);
      }
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

function rate(p: ProgressState): number {
  return p.elapsedMs > 0 ? (p.conversations * 1000) / p.elapsedMs : 0;
}

/** Share of input read and seconds left, extrapolated from it; undefined before any byte is read. */
function inputProgress(p: ProgressState): { percent: number; etaSeconds: number } | undefined {
  if (!p.totalBytes || !p.bytesRead || p.bytesRead <= 0) return undefined;
  const remaining = ((p.totalBytes - p.bytesRead) / p.bytesRead) * p.elapsedMs;
  return {
    percent: Math.round((100 * p.bytesRead) / p.totalBytes),
    etaSeconds: Math.max(0, Math.round(remaining / 1000)),
  };
}

function etaText(p: ProgressState): string {
  const input = inputProgress(p);
  return input ? `, ${input.percent}% of input, ETA ${input.etaSeconds}s` : '';
}
