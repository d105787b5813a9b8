import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Dispatch } from '../backend/api/dispatcher.js';
import type { FileScope } from '../backend/files/file-scope.js';
import { sendError, sendJson } from './http-replies.js';
import { isJsonRequest } from './request-guard.js';
import type { Session } from './sessions.js';

/**
 * The largest request body: a model file may be 20 MB of text (MAX_FILE_BYTES), which JSON escaping can grow; above
 * this the call is refused before it is parsed.
 */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

class BodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new BodyError(413, 'too large');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyError(413, 'too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The JSON body of an api post, or undefined after replying with the refusal (415, 413, 400). */
async function readJson(req: IncomingMessage, res: ServerResponse): Promise<Record<string, unknown> | undefined> {
  if (!isJsonRequest(req)) {
    sendError(res, 415, {
      code: 'BAD_INPUT',
      message: 'Api calls must be sent as Content-Type: application/json.',
    });
    return undefined;
  }
  let text: string;
  try {
    text = await readBody(req);
  } catch (error) {
    if (error instanceof BodyError) {
      res.setHeader('Connection', 'close'); // the rest of the body is not read: this connection ends here
      sendError(res, 413, {
        code: 'FILE_TOO_LARGE',
        message: `The request is larger than ${MAX_BODY_BYTES / 1048576} MB.`,
        details: { hint: 'Model files are limited to 20 MB; move large sample data out of the model.' },
      });
      return undefined;
    }
    res.destroy(); // the client went away mid-upload: nobody to answer
    return undefined;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    sendError(res, 400, { code: 'BAD_INPUT', message: 'The request body is not JSON.' });
    return undefined;
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    sendError(res, 400, { code: 'BAD_INPUT', message: 'The request body must be a JSON object.' });
    return undefined;
  }
  return body as Record<string, unknown>;
}

function callId(body: Record<string, unknown>, res: ServerResponse): string | undefined {
  const id = body.id;
  if (typeof id === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(id)) return id;
  sendError(res, 400, {
    code: 'BAD_INPUT',
    message: 'The request needs an "id": 1-100 letters, digits, "-" or "_" (a UUID).',
  });
  return undefined;
}

/**
 * `POST /api/call {id, method, input}` → the dispatcher's envelope (HTTP 200 for every contract answer). Events go
 * to the session's sockets as `{id, event}`, then `{id, done: true}` once the call has ended, so a client can wait
 * for the last event before it resolves the call. A dropped connection or `/api/cancel` aborts the call's signal.
 */
export async function handleCall(
  req: IncomingMessage,
  res: ServerResponse,
  session: Session,
  dispatch: Dispatch,
  files: FileScope,
): Promise<void> {
  const body = await readJson(req, res);
  if (!body) return;
  const id = callId(body, res);
  if (!id) return;
  const controller = session.startCall(id);
  if (!controller) {
    sendError(res, 409, { code: 'BAD_INPUT', message: `A call with id ${id} is already running.` });
    return;
  }
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  try {
    const envelope = await dispatch(String(body.method), body.input, {
      signal: controller.signal,
      emit: (event) => session.send({ id, event }),
      files,
    });
    void session.send({ id, done: true });
    if (!res.destroyed) sendJson(res, 200, envelope);
  } finally {
    session.endCall(id);
  }
}

/** `POST /api/cancel {id}` → aborts that call of this session (or the call when it arrives). */
export async function handleCancel(req: IncomingMessage, res: ServerResponse, session: Session): Promise<void> {
  const body = await readJson(req, res);
  if (!body) return;
  const id = callId(body, res);
  if (!id) return;
  sendJson(res, 200, { ok: true, value: { running: session.cancel(id) } });
}
