import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../../electron/main/policy/app-origin.js';
import { appResponse } from '../../electron/main/policy/app-response.js';
import { contentSecurityPolicy } from '../../electron/main/policy/csp.js';

/** The app scheme over the real renderer build (`npm run build:ui`, run by `npm test` before vitest). */
const RENDERER = resolve(import.meta.dirname, '..', '..', 'dist', 'renderer');
const built = existsSync(join(RENDERER, 'index.html'));

describe('the app scheme serves the built renderer', () => {
  it('npm run build:ui has produced it', () => {
    expect(built, 'run `npm run build:ui` first').toBe(true);
  });

  it('index.html with the CSP and nosniff headers', async () => {
    const response = await appResponse(RENDERER, { method: 'GET', url: APP_ENTRY_URL });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<div id="root">');
  });

  it('the page runs under the CSP: no inline script, no inline event handler, every script from the app', async () => {
    const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(body!.trim(), 'inline script').toBe('');
      const src = /\bsrc="([^"]+)"/.exec(attributes!)?.[1];
      expect(src, 'script without src').toBeDefined();
      const response = await appResponse(RENDERER, { method: 'GET', url: new URL(src!, APP_ENTRY_URL).href });
      expect(response.status, src).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
    expect(html).not.toMatch(/\son[a-z]+="/);
  });

  it('refuses other methods, missing files and escapes, still with the CSP', async () => {
    const post = await appResponse(RENDERER, { method: 'POST', url: APP_ENTRY_URL });
    expect(post.status).toBe(405);
    for (const url of [
      'monotable://app/nothing.js',
      'monotable://app/..%2f..%2fpackage.json',
      'https://evil.example/',
    ]) {
      const response = await appResponse(RENDERER, { method: 'GET', url });
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    }
  });
});
