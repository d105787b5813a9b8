import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { baseHeaders, sendPage } from './http-replies.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The page's policy: only this server's scripts, styles, images and event socket; no plugins, no framing. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The decoded path segments of a request for a static file, or undefined when the path tries to leave the folder
 * (`..` in any spelling, backslashes, NUL) or cannot be decoded.
 */
export function staticSegments(pathname: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return undefined;
  return segments;
}

async function regularFile(folder: string, segments: string[]): Promise<{ path: string; size: number } | undefined> {
  try {
    const path = await realpath(join(folder, ...segments));
    if (path !== folder && !path.startsWith(folder + sep)) return undefined; // a link out of the build folder
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built UI from `folder` (dist/renderer): files by exact path, no folder listings; an unknown path without
 * a file extension gets index.html (the UI routes it), an unknown asset is 404.
 */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  folder: string,
  port: number,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...baseHeaders(), Allow: 'GET, HEAD', 'Content-Length': 0 });
    res.end();
    return;
  }
  const segments = staticSegments(pathname);
  if (!segments) {
    sendPage(res, 400, 'Bad path', ['This address does not name a file of the Monotable UI.']);
    return;
  }
  let realFolder: string;
  try {
    realFolder = await realpath(folder);
  } catch {
    realFolder = '';
  }
  const index = realFolder ? await regularFile(realFolder, ['index.html']) : undefined;
  if (!index) {
    sendPage(res, 503, 'The Monotable UI is not built', [
      `There is no ${join(folder, 'index.html')}.`,
      'Run npm run build:ui (npm ci does it) in the Monotable folder, then start monotable serve again.',
    ]);
    return;
  }
  let file = segments.length > 0 ? await regularFile(realFolder, segments) : index;
  if (!file && extname(segments.at(-1) ?? '') === '') file = index;
  if (!file) {
    sendPage(res, 404, 'Not found', ['This file is not part of the Monotable UI.']);
    return;
  }
  const isIndex = file.path === index.path;
  res.writeHead(200, {
    ...baseHeaders(),
    'Content-Type': TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': file.size,
    'Cache-Control': isIndex ? 'no-store' : 'no-cache',
    'Content-Security-Policy': contentSecurityPolicy(port),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file.path)
    .on('error', () => res.destroy())
    .pipe(res);
}
