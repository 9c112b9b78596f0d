import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serveCommand } from '../../src/cli/serve.js';
import { type StaticServer, startStaticServer } from '../../src/report/serve.js';

interface Reply {
  status: number;
  body: string;
  type: string | undefined;
}

/** Raw request: node:http sends the path exactly as given, so `..` reaches the server unnormalised. */
function get(port: number, path: string, opts: { method?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: opts.host ?? `127.0.0.1:${port}` },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

let base: string;
let dir: string;
let server: StaticServer;

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'al-serve-'));
  dir = join(base, 'out');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'report.html'), '<!doctype html><title>r</title>');
  writeFileSync(join(dir, 'report.json'), '{"schemaVersion":"1.0.0"}');
  writeFileSync(join(dir, 'sub', 'prevalence.csv'), 'a,b\r\n1,2\r\n');
  writeFileSync(join(dir, 'results.jsonl'), '{"per-conversation":"sensitive"}\n');
  writeFileSync(join(dir, '.hidden.json'), '{}');
  writeFileSync(join(base, 'secret.html'), 'outside the folder');
  symlinkSync(join(base, 'secret.html'), join(dir, 'link.html'));
  server = await startStaticServer(dir, { port: 0 });
});

afterAll(async () => {
  await server?.close();
});

describe('startStaticServer', () => {
  it('listens on 127.0.0.1 and serves report.html at /', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await get(server.port, '/');
    expect(r.status).toBe(200);
    expect(r.type).toBe('text/html; charset=utf-8');
    expect(r.body).toContain('<title>r</title>');
  });

  it('serves report files inside the folder, including subfolders', async () => {
    expect((await get(server.port, '/report.json')).body).toBe('{"schemaVersion":"1.0.0"}');
    const csv = await get(server.port, '/sub/prevalence.csv?x=1');
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect((await get(server.port, '/report.json', { method: 'HEAD' })).status).toBe(200);
  });

  it('refuses traversal, encoded traversal and symlinks that lead outside', async () => {
    for (const p of [
      '/../secret.html',
      '/sub/../../secret.html',
      '/%2e%2e/secret.html',
      '/%2E%2E%2Fsecret.html',
      '/sub/%2e%2e%2f%2e%2e%2fsecret.html',
      '/..%5csecret.html',
      '/%00report.html',
    ]) {
      const r = await get(server.port, p);
      expect([403, 404], p).toContain(r.status);
      expect(r.body).not.toContain('outside the folder');
    }
    const link = await get(server.port, '/link.html');
    expect(link.status).toBe(403);
    expect(link.body).not.toContain('outside the folder');
  });

  it('serves only report file types, no dotfiles, no listings, GET and HEAD only', async () => {
    expect((await get(server.port, '/results.jsonl')).status).toBe(404);
    expect((await get(server.port, '/.hidden.json')).status).toBe(404);
    expect((await get(server.port, '/sub/')).status).toBe(404);
    expect((await get(server.port, '/missing.html')).status).toBe(404);
    expect((await get(server.port, '/%E0%A4%A')).status).toBe(400);
    expect((await get(server.port, '/report.html', { method: 'POST' })).status).toBe(405);
  });

  it('answers only to loopback host names (DNS rebinding)', async () => {
    expect((await get(server.port, '/', { host: 'evil.example:80' })).status).toBe(403);
    expect((await get(server.port, '/', { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it.runIf(existsSync('/proc/self/fd'))(
    'closes the file of every download the client aborts (it leaked one descriptor each)',
    async () => {
      writeFileSync(join(dir, 'big.csv'), Buffer.alloc(8 * 2 ** 20, 0x61));
      const openFds = () => readdirSync('/proc/self/fd').length;
      const abortOne = () =>
        new Promise<void>((resolve, reject) => {
          const req = request(
            {
              host: '127.0.0.1',
              port: server.port,
              path: '/big.csv',
              headers: { host: `127.0.0.1:${server.port}` },
            },
            (res) => {
              // Take the first chunk, then hang up mid-download.
              res.once('data', () => {
                req.destroy();
                resolve();
              });
            },
          );
          req.on('error', (err: NodeJS.ErrnoException) =>
            err.code === 'ECONNRESET' ? resolve() : reject(err),
          );
          req.end();
        });
      await abortOne();
      await new Promise((r) => setTimeout(r, 100));
      const before = openFds();
      for (let i = 0; i < 40; i++) await abortOne();
      // Let the server notice the closed sockets.
      for (let i = 0; i < 50 && openFds() > before + 3; i++) await new Promise((r) => setTimeout(r, 20));
      expect(openFds()).toBeLessThanOrEqual(before + 3);
      // And it still answers.
      expect((await get(server.port, '/report.json')).status).toBe(200);
    },
  );

  it('refuses to listen on a non-loopback address or a missing folder', async () => {
    await expect(startStaticServer(dir, { host: '0.0.0.0' })).rejects.toThrow(/only 127\.0\.0\.1/);
    await expect(startStaticServer(join(base, 'nope'))).rejects.toThrow(/no such folder/);
  });
});

describe('affectlens serve', () => {
  it('prints the URL, serves, and stops when asked', async () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const controller = new AbortController();
    let url = '';
    let done: Promise<unknown> = Promise.resolve();
    const listening = new Promise<void>((resolve) => {
      const cmd = serveCommand({
        signal: controller.signal,
        onListening: (u) => {
          url = u;
          resolve();
        },
      });
      cmd.exitOverride();
      done = cmd.parseAsync(['node', 'serve', dir, '--port', '0']);
    });
    await listening;
    try {
      expect(out.mock.calls.map((c) => String(c[0])).join('')).toContain(`at ${url}`);
      const port = Number(new URL(url).port);
      expect((await get(port, '/')).status).toBe(200);
      expect((await get(port, '/../secret.html')).status).toBe(404);
    } finally {
      controller.abort();
      await done;
      out.mockRestore();
    }
  });

  it('exits 2 for a non-loopback --host and 1 for a missing folder', async () => {
    // Imported here so the server tests above do not depend on every other command loading.
    const { main } = await import('../../src/cli/main.js');
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await main(['node', 'affectlens', 'serve', dir, '--host', '0.0.0.0'])).toBe(2);
      expect(err.mock.calls.map((c) => String(c[0])).join('')).toMatch(/loopback/);
      expect(await main(['node', 'affectlens', 'serve', dir, '--port', 'x'])).toBe(2);
      expect(await main(['node', 'affectlens', 'serve', join(base, 'nope'), '--port', '0'])).toBe(1);
    } finally {
      err.mockRestore();
    }
  });
});
