/**
 * Progress for long runs: a bar with conversations/s and ETA on a TTY, plain periodic lines
 * otherwise (CI logs, pipes). Writes to stderr only; never conversation text.
 */
import cliProgress from 'cli-progress';

export interface ProgressState {
  stage: string;
  /** What a stage after reading is doing now (e.g. which topic group is being clustered). */
  detail?: string;
  conversations: number;
  quarantined: number;
  elapsedMs: number;
  /** Bytes of input consumed so far and in total, when known (drives the ETA). */
  bytesRead?: number;
  totalBytes?: number;
  /** With --limit: the most conversations the run reads; the share done and the ETA follow it. */
  limit?: number;
}

/** The stage that reads the input and answers the facets: a bar or periodic lines. Every other stage gets a line as it starts. */
const READING = 'read+facets';

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
  if (options.tty) {
    const stream = options.stream ?? process.stderr;
    return withStageLines(barProgress(stream), (s) => stream.write(s));
  }
  const write = options.write ?? ((s: string) => process.stderr.write(s));
  const interval = options.intervalMs ?? 5000;
  let lastAt = -Infinity;
  let last: ProgressState | undefined;
  return withStageLines(
    {
      update(p) {
        last = p;
        if (p.elapsedMs - lastAt >= interval) {
          lastAt = p.elapsedMs;
          write(readingLine(p));
        }
      },
      stop() {
        if (last && last.elapsedMs !== lastAt) write(readingLine(last));
        lastAt = last?.elapsedMs ?? lastAt;
      },
    },
    write,
  );
}

const seconds = (p: ProgressState) => `[${(p.elapsedMs / 1000).toFixed(1)}s]`;

function readingLine(p: ProgressState): string {
  return `${seconds(p)} ${p.stage}: ${p.conversations.toLocaleString('en-US')} conversations (${Math.round(rate(p)).toLocaleString('en-US')}/s), ${p.quarantined} quarantined${etaText(p)}\n`;
}

/**
 * Reading goes to `reading` (a bar or periodic lines); each later stage (clustering, the report)
 * and each step inside it gets a line of its own as it starts, so a long run never goes quiet.
 */
function withStageLines(reading: ProgressSink, write: (s: string) => void): ProgressSink {
  let inReading = true;
  let lastStep = '';
  return {
    update(p) {
      if (p.stage === READING) {
        if (inReading) reading.update(p);
        return;
      }
      if (inReading) {
        reading.stop();
        inReading = false;
      }
      const step = `${p.stage}: ${p.detail ?? ''}`;
      if (step === lastStep) return;
      lastStep = step;
      const what =
        p.stage === 'done'
          ? `done: ${p.conversations.toLocaleString('en-US')} conversations read, ${p.quarantined} quarantined`
          : `${p.stage}${p.detail ? `: ${p.detail}` : ''}`;
      write(`${seconds(p)} ${what}\n`);
    },
    stop() {
      if (inReading) reading.stop();
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
      const input = inputProgress(p);
      // The bar runs in per-mille of what the run will read (the input, or the --limit).
      const total = 1000;
      const value = input ? Math.round(input.fraction * total) : 0;
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

/**
 * Share done and seconds left, extrapolated from it; undefined before anything is read. The share is
 * of the input's bytes, or with --limit of the conversations the run will read (whichever is further:
 * a limit can stop reading long before the end of the file, and a short file before the limit).
 */
function inputProgress(
  p: ProgressState,
): { fraction: number; percent: number; etaSeconds: number; of: 'input' | 'limit' } | undefined {
  const byBytes = p.totalBytes && p.bytesRead && p.bytesRead > 0 ? p.bytesRead / p.totalBytes : undefined;
  const byLimit = p.limit && p.conversations > 0 ? Math.min(1, p.conversations / p.limit) : undefined;
  const done = Math.max(byBytes ?? 0, byLimit ?? 0);
  if (done <= 0) return undefined;
  const remaining = ((1 - done) / done) * p.elapsedMs;
  return {
    fraction: done,
    percent: Math.round(100 * done),
    etaSeconds: Math.max(0, Math.round(remaining / 1000)),
    of: byLimit !== undefined && byLimit >= (byBytes ?? 0) ? 'limit' : 'input',
  };
}

function etaText(p: ProgressState): string {
  const input = inputProgress(p);
  if (!input) return '';
  const of = input.of === 'limit' ? `--limit ${p.limit!.toLocaleString('en-US')}` : 'input';
  return `, ${input.percent}% of ${of}, ETA ${input.etaSeconds}s`;
}
