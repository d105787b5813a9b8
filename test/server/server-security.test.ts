import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../electron/server/start-server.js';
import { openHttpSession, type HttpSession } from '../api/http-session.js';
import { rawRequest } from './raw-http.js';

const SECRET = 'secret-outside-the-ui-folder';

let folder: string;
let server: RunningServer;
let session: HttpSession;
let port: number;

beforeAll(async () => {
  folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-serve-')));
  const ui = join(folder, 'ui');
  await mkdir(join(ui, 'assets'), { recursive: true });
  await writeFile(join(ui, 'index.html'), '<!doctype html><title>Monotable UI</title>');
  await writeFile(join(ui, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(folder, 'secret.txt'), SECRET);
  await symlink(join(folder, 'secret.txt'), join(ui, 'assets', 'leak.txt'));
  await mkdir(join(folder, 'root'));
  server = await startServer({ root: join(folder, 'root'), dataDir: join(folder, 'data'), staticDir: ui });
  port = server.port;
  session = await openHttpSession(server.url);
});
afterAll(async () => {
  session.client.close();
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

function callBody(method = 'templates.list', input: unknown = {}): string {
  return JSON.stringify({ id: 'c1', method, input });
}
const json = { 'Content-Type': 'application/json' };

describe('monotable serve: who may talk to it', () => {
  it('prints a url with a 32-byte token, bound to 127.0.0.1 only', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/);
    for (const host of ['127.0.0.2', '::1']) {
      const refused = await new Promise<string>((resolve) => {
        const socket = connect({ host, port });
        socket.on('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(refused, host).not.toBe('connected');
    }
  });

  it('exchanges the token for an HttpOnly SameSite=Strict cookie and redirects to /', async () => {
    const token = new URL(server.url).searchParams.get('token')!;
    const answer = await rawRequest(port, { path: `/?token=${token}` });
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    const cookie = String(answer.headers['set-cookie']);
    expect(cookie).toMatch(new RegExp(`^monotable_${port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
  });

  it('refuses requests without the cookie or with a wrong token or cookie: 401', async () => {
    const page = await rawRequest(port, { path: '/' });
    expect(page.status).toBe(401);
    expect(page.body).toContain('Open the url printed by monotable serve');
    expect((await rawRequest(port, { path: '/assets/app.js' })).status).toBe(401);
    expect((await rawRequest(port, { path: '/?token=wrong' })).status).toBe(401);
    const api = await rawRequest(port, { method: 'POST', path: '/api/call', headers: json, body: callBody() });
    expect(api.status).toBe(401);
    expect(JSON.parse(api.body)).toMatchObject({ ok: false, error: { code: 'ACCESS_DENIED' } });
    const forged = await rawRequest(port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, Cookie: `monotable_${port}=forged` },
      body: callBody(),
    });
    expect(forged.status).toBe(401);
    const withCookie = await rawRequest(port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, Cookie: session.cookie },
      body: callBody(),
    });
    expect(withCookie.status).toBe(200);
    expect(JSON.parse(withCookie.body)).toMatchObject({ ok: true });
  });

  it('refuses another Host (DNS rebinding) and another Origin (cross-site calls): 403', async () => {
    const cookie = { Cookie: session.cookie };
    for (const host of [`evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`]) {
      const answer = await rawRequest(port, { path: '/', headers: { ...cookie, Host: host } });
      expect(answer.status, host).toBe(403);
    }
    const localhost = await rawRequest(port, { path: '/', headers: { ...cookie, Host: `localhost:${port}` } });
    expect(localhost.status).toBe(200);
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port + 1}`, 'null', `https://127.0.0.1:${port}`]) {
      const answer = await rawRequest(port, {
        method: 'POST',
        path: '/api/call',
        headers: { ...json, ...cookie, Origin: origin },
        body: callBody(),
      });
      expect(answer.status, origin).toBe(403);
    }
    const crossSite = await rawRequest(port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, ...cookie, 'Sec-Fetch-Site': 'cross-site' },
      body: callBody(),
    });
    expect(crossSite.status).toBe(403);
    const token = new URL(server.url).searchParams.get('token')!;
    const followedLink = await rawRequest(port, {
      path: `/?token=${token}`,
      headers: { 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' },
    });
    expect(followedLink.status).toBe(403);
    expect(followedLink.headers['set-cookie']).toBeUndefined();
    expect(followedLink.body).toContain('Paste the url printed by monotable serve');
    const sameOrigin = await rawRequest(port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, ...cookie, Origin: `http://127.0.0.1:${port}` },
      body: callBody(),
    });
    expect(sameOrigin.status).toBe(200);
  });

  it('takes api calls only as application/json, within the size cap', async () => {
    const cookie = { Cookie: session.cookie };
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const answer = await rawRequest(port, {
        method: 'POST',
        path: '/api/call',
        headers: { ...cookie, 'Content-Type': type },
        body: callBody(),
      });
      expect(answer.status, type).toBe(415);
    }
    const huge = await rawRequest(port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, ...cookie, 'Content-Length': String(1024 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { code: 'FILE_TOO_LARGE' } });
    const notJson = await rawRequest(port, {
      method: 'POST',
      path: '/api/call',
      headers: { ...json, ...cookie },
      body: '{',
    });
    expect(notJson.status).toBe(400);
    const get = await rawRequest(port, { path: '/api/call', headers: cookie });
    expect(get.status).toBe(404);
    expect(JSON.parse(get.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses event sockets without the cookie (401) or from another origin (403)', async () => {
    const statusOf = (headers: Record<string, string>): Promise<number> =>
      new Promise((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`, { headers });
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => {
          ws.close();
          resolve(101);
        });
        ws.on('error', () => {});
      });
    expect(await statusOf({})).toBe(401);
    expect(await statusOf({ Cookie: session.cookie, Origin: 'http://evil.example' })).toBe(403);
    expect(await statusOf({ Cookie: session.cookie, Origin: `http://127.0.0.1:${port}` })).toBe(101);
  });
});

describe('monotable serve: the UI files', () => {
  it('serves index.html with the strict CSP and nosniff; unknown routes fall back to it, unknown assets are 404', async () => {
    const cookie = { Cookie: session.cookie };
    const index = await rawRequest(port, { path: '/', headers: cookie });
    expect(index.status).toBe(200);
    expect(index.body).toContain('Monotable UI');
    expect(index.headers['content-security-policy']).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'`,
    );
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const script = await rawRequest(port, { path: '/assets/app.js', headers: cookie });
    expect(script).toMatchObject({ status: 200, body: 'console.log("app")' });
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawRequest(port, { path: '/tables/cruddur', headers: cookie })).body).toContain('Monotable UI');
    expect((await rawRequest(port, { path: '/assets/', headers: cookie })).body).toContain('Monotable UI');
    expect((await rawRequest(port, { path: '/assets/missing.js', headers: cookie })).status).toBe(404);
    expect((await rawRequest(port, { method: 'POST', path: '/', headers: cookie })).status).toBe(405);
  });

  it('never serves a file outside the UI folder (.. in any spelling, backslashes, symlinks)', async () => {
    const cookie = { Cookie: session.cookie };
    for (const path of [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/assets%5c..%5c..%5csecret.txt',
      '/assets/leak.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const answer = await rawRequest(port, { path, headers: cookie });
      expect(answer.body, path).not.toContain(SECRET);
      expect([400, 404], path).toContain(answer.status);
    }
  });
});
