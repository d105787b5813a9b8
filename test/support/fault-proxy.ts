import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { crc32 } from 'node:zlib';
import { seededRandom } from '../../shared/seed/seeded-random.js';

export { seededRandom };

/**
 * A loopback HTTP proxy in front of a DynamoDB endpoint (the real engine) that injects faults, so the SDK's real
 * retry logic and Monotable's own backoff run against real answers. Decisions come from a seeded PRNG, drawn in
 * request-arrival order, so a run with one client is reproducible.
 *
 * Faults are rules; the first rule that matches a request and wins its dice roll decides what happens:
 * - `throttle`: 400 ProvisionedThroughputExceededException, or the `errorType` given (`ThrottlingException`);
 *   nothing reaches the engine;
 * - `reject-credentials`: what DynamoDB answers a request signed with a key it does not know (400
 *   UnrecognizedClientException), or the `errorType` given (`InvalidSignatureException` 403, `ExpiredTokenException`
 *   400); nothing reaches the engine;
 * - `server-error`: 500 InternalServerError (nothing reaches the engine);
 * - `reset`: the client socket is destroyed; `when: 'before'` (default) the engine never sees the request,
 *   `when: 'after'` it is applied first and only the answer is lost ("outcome unknown");
 * - `delay`: the answer is held back `delayMs` (a very large value is a server that never answers);
 * - `unprocessed` (BatchWriteItem only): `share` of the write requests are held back and returned as
 *   `UnprocessedItems`, the rest are forwarded and the engine's answer is rewritten (at least one item is
 *   always forwarded, as on AWS, where a batch with nothing processed is a throttling error instead).
 */
export type FaultKind = 'throttle' | 'reject-credentials' | 'server-error' | 'reset' | 'delay' | 'unprocessed';

/** The DynamoDB error a `throttle` or `reject-credentials` rule answers with. */
export type FaultErrorType =
  | 'ProvisionedThroughputExceededException'
  | 'ThrottlingException'
  | 'UnrecognizedClientException'
  | 'InvalidSignatureException'
  | 'ExpiredTokenException';

/** DynamoDB's status and message for each error type (as AWS sends them). */
const FAULT_ERRORS: Record<FaultErrorType, { status: number; message: string }> = {
  ProvisionedThroughputExceededException: {
    status: 400,
    message: 'The level of configured provisioned throughput for the table was exceeded (injected by the fault proxy).',
  },
  ThrottlingException: { status: 400, message: 'Rate of requests exceeds the allowed throughput.' },
  UnrecognizedClientException: { status: 400, message: 'The security token included in the request is invalid.' },
  InvalidSignatureException: {
    status: 403,
    message:
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
  },
  ExpiredTokenException: { status: 400, message: 'The security token included in the request is expired' },
};

export interface FaultRule {
  fault: FaultKind;
  /** DynamoDB operation names (`BatchWriteItem`, `Query`); omitted = every operation. */
  operations?: string[];
  /** Chance per matching request, 0..1; default 1. */
  probability?: number;
  /** Leave the first N matching requests alone (e.g. let page 1 of a query through). */
  skipFirst?: number;
  /** Apply at most N times. */
  maxTimes?: number;
  /** `delay`: milliseconds. */
  delayMs?: number;
  /** `unprocessed`: fraction of the batch's writes returned unprocessed (default 0.5). */
  share?: number;
  /** `reset`: before forwarding (default) or after the engine answered. */
  when?: 'before' | 'after';
  /** `throttle` / `reject-credentials`: the error answered (defaults in the FaultKind list). */
  errorType?: FaultErrorType;
}

export interface Faults {
  /** PRNG seed; default 1. */
  seed?: number;
  rules: FaultRule[];
}

export interface FaultStats {
  requests: number;
  forwarded: number;
  throttled: number;
  /** Requests answered with a credentials error (`reject-credentials`). */
  rejected: number;
  serverErrors: number;
  resets: number;
  delayed: number;
  /** BatchWriteItem calls answered with a partial UnprocessedItems. */
  unprocessedCalls: number;
  /** Write requests returned as unprocessed, summed over those calls. */
  unprocessedItems: number;
  /** Connection failures towards the target (engine down): the client socket is destroyed. */
  upstreamErrors: number;
  byOperation: Record<string, number>;
}

export interface FaultProxy {
  endpoint: string;
  stats: FaultStats;
  /** Replaces the rules (and the PRNG, and the per-rule counters). */
  setFaults(faults: Faults): void;
  close(): Promise<void>;
}

function emptyStats(): FaultStats {
  return {
    requests: 0,
    forwarded: 0,
    throttled: 0,
    rejected: 0,
    serverErrors: 0,
    resets: 0,
    delayed: 0,
    unprocessedCalls: 0,
    unprocessedItems: 0,
    upstreamErrors: 0,
    byOperation: {},
  };
}

const JSON_TYPE = 'application/x-amz-json-1.0';

function errorBody(type: string, message: string): Buffer {
  return Buffer.from(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message }));
}

function send(res: ServerResponse, status: number, body: Buffer, headers: Record<string, string | number> = {}): void {
  res.writeHead(status, {
    'content-type': JSON_TYPE,
    'content-length': body.length,
    'x-amzn-requestid': `fault-proxy-${Date.now()}`,
    'x-amz-crc32': crc32(body),
    ...headers,
  });
  res.end(body);
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

type WriteRequests = Record<string, unknown[]>;

/** Splits a BatchWriteItem body: returns the body to forward and the held-back requests, or undefined if nothing to hold. */
function splitBatch(
  body: Buffer,
  share: number,
  random: () => number,
): { forward: Buffer; held: WriteRequests; heldCount: number } | undefined {
  const parsed = JSON.parse(body.toString('utf8')) as { RequestItems?: WriteRequests };
  const entries = Object.entries(parsed.RequestItems ?? {}).flatMap(([table, list]) => list.map((r) => ({ table, r })));
  if (entries.length < 2) return undefined;
  const holdCount = Math.min(entries.length - 1, Math.max(1, Math.round(entries.length * share)));
  const order = entries.map((e, i) => ({ e, k: random(), i })).sort((a, b) => a.k - b.k);
  const heldIdx = new Set(order.slice(0, holdCount).map((o) => o.i));
  const forward: WriteRequests = {};
  const held: WriteRequests = {};
  entries.forEach(({ table, r }, i) => {
    const target = heldIdx.has(i) ? held : forward;
    (target[table] ??= []).push(r);
  });
  return { forward: Buffer.from(JSON.stringify({ ...parsed, RequestItems: forward })), held, heldCount: holdCount };
}

function mergeUnprocessed(answer: Buffer, held: WriteRequests): Buffer {
  const parsed = JSON.parse(answer.toString('utf8')) as { UnprocessedItems?: WriteRequests };
  const merged: WriteRequests = { ...(parsed.UnprocessedItems ?? {}) };
  for (const [table, list] of Object.entries(held)) merged[table] = [...(merged[table] ?? []), ...list];
  return Buffer.from(JSON.stringify({ ...parsed, UnprocessedItems: merged }));
}

/** Starts the proxy on 127.0.0.1 (random port) forwarding to `targetEndpoint` (http://127.0.0.1:PORT). */
export async function startFaultProxy(targetEndpoint: string, faults: Faults = { rules: [] }): Promise<FaultProxy> {
  const target = new URL(targetEndpoint);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const stats = emptyStats();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let rules: FaultRule[] = [];
  let seen: number[] = [];
  let applied: number[] = [];
  let random = seededRandom(1);

  const setFaults = (next: Faults): void => {
    rules = next.rules.map((r) => ({ ...r }));
    seen = rules.map(() => 0);
    applied = rules.map(() => 0);
    random = seededRandom(next.seed ?? 1);
  };
  setFaults(faults);

  const choose = (operation: string): FaultRule | undefined => {
    for (let i = 0; i < rules.length; i++) {
      const rule = rules[i]!;
      if (rule.operations && !rule.operations.includes(operation)) continue;
      seen[i]!++;
      if (seen[i]! <= (rule.skipFirst ?? 0)) continue;
      if (rule.maxTimes !== undefined && applied[i]! >= rule.maxTimes) continue;
      if (random() >= (rule.probability ?? 1)) continue;
      applied[i]!++;
      return rule;
    }
    return undefined;
  };

  const wait = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const forward = (
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: target.host, 'content-length': String(body.length) };
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent },
        (answer) => {
          readBody(answer).then(
            (b) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: b }),
            reject,
          );
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const operation =
      String(req.headers['x-amz-target'] ?? '')
        .split('.')
        .pop() || 'unknown';
    stats.requests++;
    stats.byOperation[operation] = (stats.byOperation[operation] ?? 0) + 1;
    const rule = choose(operation);
    if (rule?.fault === 'throttle' || rule?.fault === 'reject-credentials') {
      const type =
        rule.errorType ??
        (rule.fault === 'throttle' ? 'ProvisionedThroughputExceededException' : 'UnrecognizedClientException');
      if (rule.fault === 'throttle') stats.throttled++;
      else stats.rejected++;
      const { status, message } = FAULT_ERRORS[type];
      return send(res, status, errorBody(type, message));
    }
    if (rule?.fault === 'server-error') {
      stats.serverErrors++;
      return send(res, 500, errorBody('InternalServerError', 'Internal server error (injected by the fault proxy).'));
    }
    if (rule?.fault === 'reset' && rule.when !== 'after') {
      stats.resets++;
      req.socket.destroy();
      return;
    }
    let outgoing = body;
    let held: WriteRequests | undefined;
    if (rule?.fault === 'unprocessed' && operation === 'BatchWriteItem') {
      const split = splitBatch(body, rule.share ?? 0.5, random);
      if (split) {
        outgoing = split.forward;
        held = split.held;
        stats.unprocessedCalls++;
        stats.unprocessedItems += split.heldCount;
      }
    }
    let answer;
    try {
      answer = await forward(req, outgoing);
    } catch {
      stats.upstreamErrors++;
      req.socket.destroy();
      return;
    }
    stats.forwarded++;
    if (rule?.fault === 'reset') {
      stats.resets++;
      req.socket.destroy();
      return;
    }
    if (rule?.fault === 'delay') {
      stats.delayed++;
      await wait(rule.delayMs ?? 1000);
      if (req.socket.destroyed) return;
    }
    const out = held && answer.status === 200 ? mergeUnprocessed(answer.body, held) : answer.body;
    const headers: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(answer.headers))
      if (
        typeof v === 'string' &&
        k !== 'content-length' &&
        k !== 'x-amz-crc32' &&
        k !== 'connection' &&
        k !== 'keep-alive'
      )
        headers[k] = v;
    send(res, answer.status, out, headers);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => req.socket.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    setFaults,
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
