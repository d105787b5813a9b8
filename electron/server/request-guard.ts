import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The names the server answers to: a page on any other host name (DNS rebinding) or origin is refused. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/**
 * 'ok', or why the request is refused with 403: a Host that is not this server (a rebinding attack points another
 * name at 127.0.0.1), an Origin of another site, or a browser saying the request comes from another site.
 */
export function checkHostAndOrigin(req: IncomingMessage, port: number): 'ok' | 'host' | 'origin' {
  const hosts = allowedHosts(port);
  const host = req.headers.host?.toLowerCase();
  if (!host || !hosts.has(host)) return 'host';
  const origin = req.headers.origin;
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice(7).toLowerCase()))) {
    return 'origin';
  }
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return 'origin';
  return 'ok';
}

/** The value of one cookie from the Cookie header, if present. */
export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Compares a presented secret with the real one in constant time. */
export function sameSecret(presented: string | null | undefined, secret: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `application/json`, with or without parameters (charset). A form or text/plain post is never an api call. */
export function isJsonRequest(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  return typeof type === 'string' && type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}
