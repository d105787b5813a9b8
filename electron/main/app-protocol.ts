import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, resolveAppAsset } from './policy/app-origin.js';
import { securityHeaders } from './policy/csp.js';

/** Before `ready`: the app scheme is standard (real origin, relative URLs) and secure (like https). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After `ready`: serves the built renderer, GET only, every response with the CSP and the other security headers. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const headers = securityHeaders();
    if (request.method !== 'GET') return new Response('Method not allowed', { status: 405, headers });
    const asset = resolveAppAsset(rendererRoot, request.url);
    if (!asset) return new Response('Not found', { status: 404, headers });
    try {
      const body = await readFile(asset.path);
      return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': asset.contentType } });
    } catch {
      return new Response('Not found', { status: 404, headers });
    }
  });
}
