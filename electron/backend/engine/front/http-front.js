// The engine's HTTP server: DynamoDB's JSON protocol (POST, X-Amz-Target, a signed request), answered by the engine
// front. Replaces dynalite's own handler, which throws on a dropped connection and answers nothing when it crashes.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { internalErrorBody } from './errors.js';
import { createRequestContext, requestContext } from './request-context.js';

const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
const API_VERSIONS = new Set(['DynamoDB_20111205', 'DynamoDB_20120810']);

function requestId() {
  return randomBytes(39).toString('base64').toUpperCase().replace(/[+/]/g, '0');
}

function sendJson(res, status, body, contentType) {
  if (res.headersSent || res.destroyed) return;
  const text = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    'x-amzn-requestid': requestId(),
    'x-amz-crc32': crc32(text),
    'content-type': contentType,
    'content-length': text.length,
  });
  res.end(text);
}

function serviceError(type, message) {
  return { __type: `com.amazon.coral.service#${type}`, ...(message ? { message } : {}) };
}

/** An http.Server answering DynamoDB requests through front.handle(operation, data). */
export function createHttpFront(front) {
  return createServer((req, res) => {
    const chunks = [];
    let size = 0;
    let tooLarge = false;
    req.on('error', () => res.destroy()); // the client went away mid-request: nothing to answer
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) {
        res.writeHead(413, { 'content-length': 0 });
        return res.end();
      }
      if (req.headers.origin) {
        res.setHeader('Access-Control-Allow-Origin', '*');
        if (req.method === 'OPTIONS') {
          if (req.headers['access-control-request-headers'])
            res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers']);
          if (req.headers['access-control-request-method'])
            res.setHeader('Access-Control-Allow-Methods', req.headers['access-control-request-method']);
          res.writeHead(200, { 'Access-Control-Max-Age': 172800, 'content-length': 0 });
          return res.end();
        }
      }
      if (req.method === 'GET') {
        const text = 'healthy: dynamodb.us-east-1.amazonaws.com ';
        res.writeHead(200, { 'content-length': text.length, 'x-amz-crc32': crc32(text) });
        return res.end(text);
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
      if (
        req.method !== 'POST' ||
        (body && contentType !== 'application/json' && contentType !== 'application/x-amz-json-1.0')
      ) {
        const text = '<UnknownOperationException/>\n';
        res.writeHead(404, { 'content-length': text.length });
        return res.end(text);
      }
      const replyType = contentType === 'application/x-amz-json-1.0' ? contentType : 'application/json';
      let data;
      try {
        data = body ? JSON.parse(body) : undefined;
      } catch {
        return sendJson(res, 400, serviceError('SerializationException'), replyType);
      }
      const [api, operation, ...rest] = (req.headers['x-amz-target'] ?? '').split('.');
      if (!API_VERSIONS.has(api) || !operation || rest.length > 0) {
        return sendJson(res, 400, serviceError('UnknownOperationException'), replyType);
      }
      const auth = req.headers.authorization;
      const queryAuth = /[?&]X-Amz-Algorithm=/.test(req.url ?? '');
      if ((!auth && !queryAuth) || (auth && !auth.trim().startsWith('AWS4-'))) {
        return sendJson(
          res,
          400,
          serviceError('MissingAuthenticationTokenException', 'Request is missing Authentication Token'),
          replyType,
        );
      }
      if (data === undefined) return sendJson(res, 400, serviceError('SerializationException'), replyType);
      const context = createRequestContext(operation, (error) =>
        sendJson(res, 500, internalErrorBody(operation, error), replyType),
      );
      requestContext.run(context, () => {
        front.handle(operation, data).then(({ status, body: answer }) => sendJson(res, status, answer, replyType));
      });
    });
  });
}
