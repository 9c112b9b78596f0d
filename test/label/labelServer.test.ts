/**
 * The labelling server over HTTP: loopback only, the page only with the printed token, the API only
 * with the token header, JSON and no foreign Origin; a strict CSP whose nonce is the page's own; and
 * the CLI's usage errors.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { type LabelServer, startLabelServer } from '../../src/label/labelServer.js';
import { LabelSession } from '../../src/label/labelSession.js';
import { captureOutput } from '../helpers/io.js';

let dir: string;
let logs: string;
let session: LabelSession;
let server: LabelServer;
let token: string;
let done: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'al-label-server-'));
  logs = join(dir, 'logs.jsonl');
  const lines = ['<script>alert(1)</script> is this safe to paste?', 'How tall is a giraffe?'].map(
    (text, i) =>
      JSON.stringify({
        id: `c${i}`,
        messages: [
          { role: 'user', content: text },
          { role: 'assistant', content: 'Yes.' },
        ],
      }),
  );
  writeFileSync(logs, `${lines.join('\n')}\n`);
  session = await LabelSession.open({ inputs: [logs], n: 5, seed: 1, out: join(dir, 'labels.jsonl') });
  done = 0;
  server = await startLabelServer(session, { port: 0, onDone: () => done++ });
  token = new URL(server.url).searchParams.get('token')!;
});

afterEach(async () => {
  await server.close();
  session.close();
  vi.restoreAllMocks();
});

function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (path: string, body?: unknown, headers: Record<string, string> = {}) =>
  call(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'x-affectlens-token': token, 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

describe('label server', () => {
  it('serves the page only with the token, under a CSP whose nonce is the inline script and style', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32}$/);
    expect((await call('/')).status).toBe(403);
    expect((await call('/?token=wrong')).status).toBe(403);
    const page = await call(`/?token=${token}`);
    expect(page.status).toBe(200);
    const csp = String(page.headers['content-security-policy']);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(page.body).toContain(`<script nonce="${nonce}">`);
    expect(page.body).toContain(`<style nonce="${nonce}">`);
    expect(page.body.match(/<script/g)).toHaveLength(1);
    // No asset from anywhere: no src or href at all, no URL but in text.
    expect(page.body).not.toMatch(/\s(src|href)=/);
    // The conversation is not in the page; it comes through the API as JSON.
    expect(page.body).not.toContain('giraffe');
    // A fresh nonce every time.
    const again = await call(`/?token=${token}`);
    expect(again.headers['content-security-policy']).not.toBe(page.headers['content-security-policy']);
  });

  it('answers only to loopback Host names, the token header, JSON and its own origin', async () => {
    expect((await call(`/?token=${token}`, { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await api('/api/state', undefined, { host: `attacker.test:${server.port}` })).status).toBe(403);
    expect((await call('/api/state')).status).toBe(403);
    expect((await api('/api/state', undefined, { 'x-affectlens-token': 'nope' })).status).toBe(403);
    const key = JSON.parse((await api('/api/state')).body).current.key;
    const foreign = await api('/api/skip', { key }, { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const textPlain = await api('/api/skip', { key }, { 'content-type': 'text/plain' });
    expect(textPlain.status).toBe(415);
    expect((await api('/api/skip', undefined)).status).toBe(404); // GET on a POST route
    const notJson = await call('/api/skip', {
      method: 'POST',
      headers: { 'x-affectlens-token': token, 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    expect(JSON.parse((await api('/api/state')).body).skipped).toBe(0);
    const own = await api('/api/skip', { key }, { origin: `http://127.0.0.1:${server.port}` });
    expect(own.status).toBe(200);
    expect(JSON.parse(own.body)).toMatchObject({ skipped: 1, remaining: 1 });
  });

  it('returns a refused label as a 400 or 409 with its reason, and calls onDone once the sample is done', async () => {
    const state = JSON.parse((await api('/api/state')).body);
    expect(state.current.messages[0].content).toContain('<script>');
    const labels = {
      content_creation: false,
      categories: [],
      pushback: false,
      pushback_reason: null,
      sentiment: [0, 0],
    };
    const wrong = await api('/api/label', { key: state.current.key, labels });
    expect(wrong.status).toBe(400);
    expect(JSON.parse(wrong.body).error).toMatch(/one value per user message \(1\)/);
    const stale = await api('/api/label', { key: 'old', labels: { ...labels, sentiment: [0] } });
    expect(stale.status).toBe(409);
    expect(done).toBe(0);
    await api('/api/label', { key: state.current.key, labels: { ...labels, sentiment: [0] } });
    const next = JSON.parse((await api('/api/state')).body);
    const last = await api('/api/label', { key: next.current.key, labels: { ...labels, sentiment: [0.5] } });
    expect(JSON.parse(last.body)).toMatchObject({ done: true, labelled: 2, current: null });
    await vi.waitFor(() => expect(done).toBe(1));
  });
});

describe('affectlens label (usage)', () => {
  it('--help documents it; bad flags are usage errors (exit 2) naming the flag, a missing log a failure (exit 1)', async () => {
    const io = captureOutput();
    expect(await main(['node', 'affectlens', 'label', '--help'])).toBe(0);
    expect(io.out()).toContain('Usage: affectlens label');
    expect(io.out()).toMatch(/--n <n>/);
    const run = (...args: string[]) => main(['node', 'affectlens', 'label', ...args]);
    expect(await run(logs)).toBe(2); // --out is required
    expect(await run(logs, '--out', join(dir, 'l.csv'))).toBe(2);
    expect(io.err()).toMatch(/--out .*l\.csv: labels are written as JSONL/);
    expect(await run(logs, '--out', logs)).toBe(2);
    expect(io.err()).toMatch(/that is an input file/);
    expect(await run(logs, '--out', join(dir, 'l.jsonl'), '--n', '0')).toBe(2);
    expect(await run(logs, '--out', join(dir, 'l.jsonl'), '--port', '70000')).toBe(2);
    expect(await run(logs, '--out', join(dir, 'l.jsonl'), '--host', '0.0.0.0')).toBe(2);
    expect(io.err()).toMatch(/loopback interface only/);
    const before = io.err().length;
    expect(await run(join(dir, 'missing.jsonl'), '--out', join(dir, 'l.jsonl'))).toBe(1);
    expect(io.err().slice(before).trim().split('\n')).toHaveLength(1);
    expect(io.err().slice(before)).toContain('missing.jsonl');
  });

  it('a busy port fails (exit 1) with one line naming --port', async () => {
    const io = captureOutput();
    const code = await main([
      'node',
      'affectlens',
      'label',
      logs,
      '--out',
      join(dir, 'busy.jsonl'),
      '--port',
      String(server.port),
    ]);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/--port \d+: the port is in use/);
  });
});
