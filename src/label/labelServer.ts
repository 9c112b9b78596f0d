/**
 * The labelling page's server: loopback only, like `affectlens serve`, and stricter, because it
 * holds conversation text and accepts writes.
 * - It answers only requests whose Host is a loopback name (a web page cannot reach it through DNS
 *   rebinding) and, for the page, only with the secret token of the URL it printed (another user of
 *   the machine, or another site, cannot read the conversations).
 * - The API wants the token in a header and JSON bodies: a cross-site form or fetch cannot send
 *   either without a preflight, which this server never grants; an Origin other than its own is
 *   refused too.
 * - The page's CSP allows its own nonce'd script and styles and requests to its own origin, nothing
 *   else: no external asset, no request leaves the machine.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopbackHost } from '../report/serve.js';
import { labelPageHtml } from './labelPage.js';
import { LabelError, type LabelSession } from './labelSession.js';

/** Largest request body accepted: one conversation's labels (a sentiment value per user message). */
const MAX_BODY_BYTES = 1 << 20;

export interface LabelServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** The secret in the page's URL (random by default). */
  token?: string;
  /** Called once, after the answer that finished the sample was sent. */
  onDone?: () => void;
}

export interface LabelServer {
  /** The URL to open, token included. */
  url: string;
  port: number;
  close(): Promise<void>;
}

function cspFor(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const COMMON_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startLabelServer(
  session: LabelSession,
  options: LabelServerOptions = {},
): Promise<LabelServer> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host))
    throw new Error(`label: refusing to listen on ${host}; only 127.0.0.1, ::1 or localhost`);
  const token = options.token ?? randomBytes(24).toString('base64url');
  let finished = session.state().done;

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => {
      const status = err instanceof LabelError ? err.status : err instanceof BodyError ? err.status : 500;
      const message = err instanceof LabelError || err instanceof BodyError ? err.message : 'internal error';
      sendJson(res, status, { error: message });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
    if (!isLoopbackHost(hostHeader)) return sendText(res, 403, 'Forbidden');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204, COMMON_HEADERS);
      res.end();
      return;
    }
    if (url.pathname === '/') {
      if (req.method !== 'GET') return sendText(res, 405, 'Method not allowed');
      if (!sameSecret(url.searchParams.get('token'), token))
        return sendText(res, 403, 'Open the URL that affectlens label printed (it carries a token).');
      const nonce = randomBytes(18).toString('base64');
      const body = labelPageHtml({ nonce, token });
      res.writeHead(200, {
        ...COMMON_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
        'Content-Security-Policy': cspFor(nonce),
      });
      res.end(body);
      return;
    }
    if (!url.pathname.startsWith('/api/')) return sendText(res, 404, 'Not found');

    // The API: the token header, and nothing from another origin.
    const origin = req.headers.origin;
    const own = [`http://${req.headers.host}`];
    if (origin !== undefined && !own.includes(origin))
      return sendJson(res, 403, { error: 'cross-origin request' });
    if (!sameSecret(header(req, 'x-affectlens-token'), token))
      return sendJson(res, 403, { error: 'bad token' });

    if (url.pathname === '/api/state' && req.method === 'GET') return sendJson(res, 200, session.state());
    if ((url.pathname === '/api/label' || url.pathname === '/api/skip') && req.method === 'POST') {
      if (!(header(req, 'content-type') ?? '').startsWith('application/json'))
        return sendJson(res, 415, { error: 'send application/json' });
      const body = (await readJson(req)) as { key?: unknown; labels?: unknown } | null;
      if (typeof body !== 'object' || body === null) throw new LabelError('send a JSON object');
      if (url.pathname === '/api/label') session.label(body.key, body.labels);
      else session.skip(body.key);
      const state = session.state();
      if (state.done && !finished) {
        finished = true;
        res.once('finish', () => options.onDone?.());
      }
      return sendJson(res, 200, state);
    }
    return sendJson(res, 404, { error: 'not found' });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host === '::1' ? '[::1]' : host;
  return {
    url: `http://${shown}:${port}/?token=${token}`,
    port,
    close: () => closeServer(server),
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sameSecret(given: string | null | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

class BodyError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyError('request body too large', 413);
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BodyError('the body is not JSON', 400);
  }
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(value);
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`${text}\n`);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
