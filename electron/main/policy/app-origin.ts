import { extname, join, normalize, sep } from 'node:path';

/**
 * The app's own origin. The renderer is served from a privileged custom scheme (standard, secure) rather than
 * file://, so the page has a real origin for the CSP's 'self', and nothing outside the renderer folder is reachable.
 */
export const APP_SCHEME = 'monotable';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Whether a URL belongs to the app itself (exact scheme and host, no credentials, no port). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === ''
  );
}

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export interface AppAsset {
  /** Absolute file path inside the renderer folder. */
  path: string;
  contentType: string;
}

/**
 * Maps an app URL to a file of the built renderer (`dist/renderer`), or null: other origins, encoded separators,
 * `..` escapes, dot-files and unknown file types are refused. `/` is index.html (the UI has no server routes).
 */
export function resolveAppAsset(rendererRoot: string, url: string): AppAsset | null {
  if (!isAppUrl(url)) return null;
  const { pathname } = new URL(url);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || /%2f|%5c/i.test(pathname)) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const segments = relative.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.startsWith('.'))) return null;
  const root = normalize(rendererRoot);
  const path = normalize(join(root, ...segments));
  if (!path.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const contentType = MIME_TYPES[extname(path).toLowerCase()];
  if (!contentType) return null;
  return { path, contentType };
}
