import type { Envelope } from '../../shared/api/define.js';

/** One contract call as the desktop page makes it (window.monotable.invoke), or a test's stand-in. */
export type Invoke = (method: string, input: unknown) => Promise<Envelope<unknown>>;

async function ok<T>(invoke: Invoke, method: string, input: unknown): Promise<T> {
  const envelope = await invoke(method, input);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

/**
 * The smoke test's api scenario: the Cruddur template on the embedded engine (in memory, in `dataDir`): start the
 * engine, open a connection, create the table, seed it, and run the "list-messages" pattern for a seeded
 * conversation. Shared by the Electron smoke test (through the page's bridge) and its IPC-transport twin.
 */
export async function runCruddurPattern(invoke: Invoke, dataDir: string) {
  const { template } = await ok<{ template: { model: unknown } }>(invoke, 'templates.get', {
    name: 'cruddur-messaging',
  });
  const model = template.model;
  const engine = await ok<{ running: boolean; endpoint: string }>(invoke, 'engine.start', { dataDir, inMemory: true });
  const { connectionId } = await ok<{ connectionId: string }>(invoke, 'connection.open', { kind: 'embedded', dataDir });
  await ok(invoke, 'table.create', { connectionId, model, ifNotExists: true });
  const seeded = await ok<{ written: number }>(invoke, 'seed.run', { connectionId, model, scale: 0.1, seed: 7 });
  // Items come back as DynamoDB JSON ({ S: '…' }), as the engine stores them.
  const scan = await ok<{ result: { items: Record<string, { S?: string }>[] } }>(invoke, 'operation.scan', {
    connectionId,
    model,
    table: 'cruddur-messages',
    limit: 100,
  });
  const message = scan.result.items.find((item) => item.pk?.S?.startsWith('MSG#'));
  if (!message)
    throw new Error(
      `the seed wrote no message (${seeded.written} items; first scanned: ${JSON.stringify(scan.result.items[0])})`,
    );
  const group = message.pk!.S!.slice('MSG#'.length);
  const run = await ok<{
    request: { operation: string; input: Record<string, unknown> };
    result: { items: unknown[] };
  }>(invoke, 'operation.runPattern', {
    connectionId,
    model,
    pattern: 'list-messages',
    params: { message_group_uuid: group },
  });
  await ok(invoke, 'connection.close', { connectionId }).catch(() => undefined);
  await ok(invoke, 'engine.stop', {});
  return { engine, seeded, group, run };
}
