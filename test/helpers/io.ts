/**
 * Captures what a command writes to stdout and stderr (restore with vi.restoreAllMocks()), so CLI
 * tests can call `main([...])` in-process and read its output.
 */
import { vi } from 'vitest';

export function captureOutput(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  return { out: () => out, err: () => err };
}
