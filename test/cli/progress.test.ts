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

describe('progress', () => {
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
