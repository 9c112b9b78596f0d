import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, type ProgressState } from '../../src/cli/progress.js';

const state = (elapsedMs: number, bytesRead: number): ProgressState => ({
  stage: 'read+facets',
  conversations: bytesRead / 10,
  quarantined: 0,
  elapsedMs,
  bytesRead,
  totalBytes: 1000,
});

/** The stages after reading, as analyzeLogs reports them. */
const later = (elapsedMs: number, stage: string, detail?: string): ProgressState => ({
  stage,
  ...(detail ? { detail } : {}),
  conversations: 100,
  quarantined: 2,
  elapsedMs,
  bytesRead: 1000,
  totalBytes: 1000,
});

describe('progress', () => {
  it('gives every stage after reading a line of its own as it starts, however soon', () => {
    const lines: string[] = [];
    const p = createProgress({ tty: false, intervalMs: 5000, write: (s) => lines.push(s) });
    p.update(state(0, 0));
    p.update(state(1000, 1000));
    p.update(later(1100, 'cluster', '40 affective or very long conversations to cluster'));
    p.update(later(1200, 'cluster', 'topics in counseling (30 conversations)'));
    p.update(later(1200, 'cluster', 'topics in counseling (30 conversations)'));
    p.update(later(1300, 'report', 'figures, privacy gates, report.html and CSV tables'));
    p.update(later(2500, 'done'));
    p.stop();
    expect(lines).toEqual([
      '[0.0s] read+facets: 0 conversations (0/s), 0 quarantined\n',
      '[1.0s] read+facets: 100 conversations (100/s), 0 quarantined, 100% of input, ETA 0s\n',
      '[1.1s] cluster: 40 affective or very long conversations to cluster\n',
      '[1.2s] cluster: topics in counseling (30 conversations)\n',
      '[1.3s] report: figures, privacy gates, report.html and CSV tables\n',
      '[2.5s] done: 100 conversations read, 2 quarantined\n',
    ]);
  });

  it('with --limit, the share done and the ETA follow the limit, not the size of the file', () => {
    const lines: string[] = [];
    const p = createProgress({ tty: false, intervalMs: 0, write: (s) => lines.push(s) });
    // 100 of a 500-conversation limit read in 2 s, from 1% of a large file.
    p.update({ ...state(2000, 10), conversations: 100, limit: 500 });
    expect(lines[0]).toContain('20% of --limit 500, ETA 8s');
  });

  it('the bar gives way to the stage lines once reading is done', async () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 200 });
    let out = '';
    stream.on('data', (d) => {
      out += String(d);
    });
    const p = createProgress({ tty: true, stream });
    p.update(state(1000, 500));
    p.update(later(2000, 'cluster', 'topics in coaching (12 conversations)'));
    p.update(later(3000, 'report'));
    p.stop();
    await new Promise((r) => setImmediate(r));
    expect(out).toContain('[2.0s] cluster: topics in coaching (12 conversations)\n');
    expect(out).toContain('[3.0s] report\n');
  });

  it('plain lines carry the share of input and an ETA extrapolated from it', () => {
    const lines: string[] = [];
    const p = createProgress({ tty: false, intervalMs: 1000, write: (s) => lines.push(s) });
    p.update(state(0, 0));
    p.update(state(2000, 500));
    p.stop();
    expect(lines[0]).not.toContain('ETA');
    expect(lines[1]).toContain('50% of input, ETA 2s');
  });

  it('the bar shows the same ETA, and an ellipsis before any input is read (not "NFs")', async () => {
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 200 });
    let out = '';
    stream.on('data', (d) => {
      out += String(d);
    });
    const p = createProgress({ tty: true, stream });
    p.update(state(0, 0));
    p.update(state(2000, 500));
    p.stop();
    await new Promise((r) => setImmediate(r));
    expect(out).toContain('ETA …');
    expect(out).toContain('ETA 2s');
    expect(out).not.toContain('NF');
  });
});
