/**
 * A tiny static server for a report folder, for people who prefer a URL to a file. It listens on the
 * loopback interface only and serves only report files (html, json, csv, svg, png) from inside the
 * folder: no directory listings, no `..`, no symlinks that lead out, and no run-store files even when
 * the store sits in the same folder.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

export const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'] as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

export interface ServeOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function isLoopbackHost(host: string): boolean {
  return (LOOPBACK_HOSTS as readonly string[]).includes(host);
}

export async function startStaticServer(dir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host))
    throw new Error(`serve: refusing to listen on ${host}; only 127.0.0.1, ::1 or localhost`);
  let root: string;
  try {
    root = await realpath(dir);
  } catch {
    throw new Error(`serve: ${dir}: no such folder`);
  }
  if (!(await stat(root)).isDirectory()) throw new Error(`serve: ${dir}: not a folder`);

  const server = createServer((req, res) => {
    handle(root, req, res).catch(() => send(res, 500, 'Internal error'));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host === '::1' ? '[::1]' : host;
  return { url: `http://${shown}:${port}/`, port, close: () => closeServer(server) };
}

async function handle(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return send(res, 405, 'Method not allowed');
  }
  // A page on another site can point its own DNS name at 127.0.0.1 (DNS rebinding); only answer to loopback names.
  const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '');
  if (!isLoopbackHost(hostHeader.replace(/^\[|\]$/g, ''))) return send(res, 403, 'Forbidden');

  const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0];
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return send(res, 400, 'Bad request');
  }
  if (path === '/' || path === '') path = '/report.html';
  const segments = path.split('/').filter((s) => s !== '');
  if (
    path.includes('\0') ||
    path.includes('\\') ||
    segments.some((s) => s === '..' || s === '.' || s.startsWith('.'))
  ) {
    return send(res, 404, 'Not found');
  }
  const type = TYPES[extname(path).toLowerCase()];
  if (!type) return send(res, 404, 'Not found');
  const candidate = join(root, ...segments);
  if (!inside(root, candidate)) return send(res, 404, 'Not found');

  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    return send(res, 404, 'Not found');
  }
  // A symlink inside the folder may lead anywhere; only its target counts.
  if (!inside(root, real)) return send(res, 403, 'Forbidden');
  const info = await stat(real);
  if (!info.isFile()) return send(res, 404, 'Not found');

  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP,
    'Referrer-Policy': 'no-referrer',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // pipeline, not pipe: when the client goes away mid-download, the file stream is destroyed (and
  // its descriptor closed) instead of waiting paused forever; pipe() leaked one descriptor per
  // aborted download until the server could open no more files.
  try {
    await pipeline(createReadStream(real), res);
  } catch {
    // The client closed the connection, or the file vanished mid-read: nothing more to send.
    res.destroy();
  }
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

function send(res: ServerResponse, status: number, text: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(`${text}\n`);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
