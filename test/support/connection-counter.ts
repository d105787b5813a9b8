import { createServer } from 'node:net';

/** A loopback TCP listener that counts the connections made to it and closes each at once. */
export interface ConnectionCounter {
  /** `http://127.0.0.1:PORT`, for an endpoint setting or an AWS_ENDPOINT_URL* variable. */
  url: string;
  connections(): number;
  close(): Promise<void>;
}

/**
 * Stands where a remote service would be (AWS, the instance metadata service, an engine), so a test can assert
 * that nothing was sent, or that a request was sent once and never retried, without measuring time.
 */
export async function startConnectionCounter(): Promise<ConnectionCounter> {
  let count = 0;
  const server = createServer((socket) => {
    count++;
    socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the counter has no TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    connections: () => count,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
