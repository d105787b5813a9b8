import { readFile } from 'node:fs/promises';
import { resolveAppAsset } from './app-origin.js';
import { securityHeaders } from './csp.js';

/**
 * The app scheme's answer to one request: GET of a file of the built renderer, with the CSP and the other security
 * headers on every response (errors included); anything else is 404 or 405.
 */
export async function appResponse(rendererRoot: string, request: { method: string; url: string }): Promise<Response> {
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
}
