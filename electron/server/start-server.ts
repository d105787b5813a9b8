import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';
import { MonotableError } from '../../shared/errors/monotable-error.js';
import { dispatch as backendDispatch, type Dispatch } from '../backend/api/dispatcher.js';
import { type FileScope, userDataDir } from '../backend/files/file-scope.js';
import { packageRoot } from '../backend/files/package-root.js';
import { resolveInScope } from '../backend/files/root-path.js';
import { handleCall, handleCancel } from './api-routes.js';
import { handleResultDownload } from './result-download.js';
import { baseHeaders, sendError, sendPage } from './http-replies.js';
import { checkHostAndOrigin, readCookie, sameSecret } from './request-guard.js';
import { Session } from './sessions.js';
import { serveStatic } from './static-files.js';

export interface ServerOptions {
  /** The only folder the file methods may touch (resolved; must exist). */
  root: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The FILE given to `monotable serve` (absolute or relative to root; must be inside it), reported by `app.info`. */
  initialFile?: string;
  /** The user data folder (journal, recent files); default `userDataDir()`. */
  dataDir?: string;
  /** The built UI; default `<package>/dist/renderer`. */
  staticDir?: string;
  dispatch?: Dispatch;
}

export interface RunningServer {
  /** The one address to open: `http://127.0.0.1:PORT/?token=…`. */
  url: string;
  origin: string;
  port: number;
  /** The folder of the built UI, and whether its index.html is there (`npm run build:ui` makes it). */
  staticDir: string;
  uiBuilt: boolean;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/** 401 for a person (a page saying what to do) or for the api client (an envelope). */
function refuseUnauthenticated(res: ServerResponse, isApi: boolean): void {
  const message = 'This Monotable session needs the address printed by `monotable serve` (url: …?token=…).';
  if (isApi) {
    sendError(res, 401, {
      code: 'ACCESS_DENIED',
      message,
      details: { hint: 'Open the url line that monotable serve printed; restart it if it has stopped.' },
    });
  } else {
    sendPage(res, 401, 'Open the url printed by monotable serve', [
      'This Monotable server only answers the browser that opened its address.',
      'Open the url printed by monotable serve (the line starting with "url: http://127.0.0.1:"), which carries a one-launch token.',
    ]);
  }
}

function refuseForeign(res: ServerResponse, why: 'host' | 'origin', isApi: boolean): void {
  const message =
    why === 'host'
      ? 'This server only answers to 127.0.0.1 or localhost with its own port.'
      : 'Requests from other sites are refused.';
  if (isApi) sendError(res, 403, { code: 'ACCESS_DENIED', message });
  else if (why === 'origin') {
    // A link on another site: the session cookie is SameSite=Strict and the page must not be framed or driven
    // from there, so the url has to be opened directly.
    sendPage(res, 403, 'Open Monotable directly', [
      'This page was opened from another site, and Monotable only answers its own pages.',
      'Paste the url printed by monotable serve into the address bar instead of following a link to it.',
    ]);
  } else sendPage(res, 403, 'Refused', [message]);
}

function rejectUpgrade(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => {
      server.off('listening', listening);
      reject(
        error.code === 'EADDRINUSE'
          ? new MonotableError('PORT_IN_USE', `Port ${port} on ${LOOPBACK} is already in use.`, {
              hint: 'Choose another with --port N, or leave it out to pick a free port.',
            })
          : new MonotableError(
              'CONNECTION_FAILED',
              `Cannot listen on ${LOOPBACK}:${port} (${error.code ?? error.message}).`,
              {},
            ),
      );
    };
    const listening = (): void => {
      server.off('error', failed);
      resolve();
    };
    server.once('error', failed);
    server.once('listening', listening);
    server.listen(port, LOOPBACK);
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The server has no TCP address.');
  return address.port;
}

/**
 * Browser mode: the built UI and the api contract over HTTP + WebSocket, on 127.0.0.1 only. The per-launch token in
 * the printed url is exchanged for an HttpOnly, SameSite=Strict session cookie; every other request needs the cookie
 * (401), the right Host (403: DNS rebinding) and no foreign Origin (403: cross-site calls). File methods are confined
 * to `root`.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const root = await realpath(options.root).catch(() => {
    throw new MonotableError('FILE_NOT_FOUND', `The root folder ${options.root} does not exist.`, {
      file: options.root,
      hint: 'Start monotable serve in an existing folder or pass --root DIR.',
    });
  });
  const files: FileScope = { mode: 'browser', root, confined: true, dataDir: options.dataDir ?? userDataDir() };
  // The FILE to open first must be inside the root too (FORBIDDEN_PATH now rather than in the UI later).
  if (options.initialFile) files.initialFile = await resolveInScope(files, options.initialFile);
  const dispatch = options.dispatch ?? backendDispatch;
  const staticDir = options.staticDir ?? join(packageRoot(), 'dist', 'renderer');
  const token = randomBytes(32).toString('base64url');
  const sessions = new Map<string, Session>();
  let port = 0;
  let cookieName = 'monotable';

  const sessionOf = (req: IncomingMessage): Session | undefined => {
    const id = readCookie(req, cookieName);
    return id ? sessions.get(id) : undefined;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://invalid');
    const rawPath = (req.url ?? '/').split('?')[0]!;
    const isApi = rawPath === '/api' || rawPath.startsWith('/api/');
    const foreign = checkHostAndOrigin(req, port);
    if (foreign !== 'ok') return refuseForeign(res, foreign, isApi);
    if (rawPath === '/' && url.searchParams.has('token') && req.method === 'GET') {
      if (!sameSecret(url.searchParams.get('token'), token)) return refuseUnauthenticated(res, false);
      const session = new Session();
      sessions.set(session.id, session);
      res.writeHead(303, {
        ...baseHeaders(),
        Location: '/',
        'Set-Cookie': `${cookieName}=${session.id}; HttpOnly; SameSite=Strict; Path=/`,
        'Cache-Control': 'no-store',
        'Content-Length': 0,
      });
      res.end();
      return;
    }
    const session = sessionOf(req);
    if (!session) return refuseUnauthenticated(res, isApi);
    if (isApi) {
      if (req.method === 'POST' && rawPath === '/api/call') return handleCall(req, res, session, dispatch, files);
      if (req.method === 'POST' && rawPath === '/api/cancel') return handleCancel(req, res, session);
      if (req.method === 'GET' && rawPath === '/api/results/download') return handleResultDownload(req, res, url);
      return sendError(res, 404, { code: 'NOT_FOUND', message: `There is no api route ${req.method} ${rawPath}.` });
    }
    return serveStatic(req, res, rawPath, staticDir, port);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[monotable serve] request failed', error);
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: 'The server failed on this request.' });
      else res.destroy();
    });
  });
  server.headersTimeout = 30_000;

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    if ((req.url ?? '').split('?')[0] !== '/api/events') return rejectUpgrade(socket, 404, 'Not Found');
    if (checkHostAndOrigin(req, port) !== 'ok') return rejectUpgrade(socket, 403, 'Forbidden');
    const session = sessionOf(req);
    if (!session) return rejectUpgrade(socket, 401, 'Unauthorized');
    sockets.handleUpgrade(req, socket, head, (ws) => {
      session.sockets.add(ws);
      ws.on('close', () => session.sockets.delete(ws));
      ws.on('error', () => ws.terminate());
      ws.on('message', () => {}); // the client only listens; anything it sends is ignored
    });
  });

  port = await listen(server, options.port ?? 0);
  cookieName = `monotable_${port}`; // cookies ignore ports: two servers on one machine must not overwrite each other's
  const origin = `http://${LOOPBACK}:${port}`;
  let closed: Promise<void> | undefined;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    staticDir,
    uiBuilt: existsSync(join(staticDir, 'index.html')),
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const session of sessions.values()) session.close();
        sessions.clear();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
