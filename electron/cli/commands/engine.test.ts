import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { describe, expect, test } from 'vitest';
import { createEndpointClient } from '../../backend/connections/local-client.js';
import { readEngineState } from '../../backend/engine/engine-state.js';
import { main } from '../main.js';
import { capture, until } from '../../../test/support/run-cli.js';
import { tempFolder } from '../../../test/support/temp-folder.js';

describe('monotable engine', () => {
  test('prints the endpoint, serves requests, writes its state, stops on the signal', async () => {
    const dir = await tempFolder('cli-engine');
    const out = capture();
    const err = capture();
    const controller = new AbortController();
    const exit = main(['engine', '--port', '0', '--data', dir], {
      stdout: out.stream,
      stderr: err.stream,
      signal: controller.signal,
      cwd: tmpdir(),
    });
    await until(() => out.text().includes('endpoint:'));
    const endpoint = /endpoint: (http:\/\/127\.0\.0\.1:\d+)/.exec(out.text())![1]!;
    expect(out.text()).toContain(`data: ${dir}`);
    const client = createEndpointClient(endpoint);
    expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    client.destroy();
    expect((await readEngineState(dir))?.port).toBe(Number(endpoint.split(':').pop()));
    controller.abort();
    expect(await exit).toBe(0);
    expect(await readEngineState(dir)).toBeUndefined();
  });

  test('a taken port: PORT_IN_USE, exit 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const err = capture();
    try {
      const dir = await tempFolder('cli-port');
      const code = await main(['engine', '--port', String(port), '--data', dir], {
        stdout: capture().stream,
        stderr: err.stream,
        signal: new AbortController().signal,
        cwd: tmpdir(),
      });
      expect(code).toBe(2);
      expect(err.text()).toContain('error [PORT_IN_USE]');
      expect(err.text()).toContain('hint:');
    } finally {
      blocker.close();
    }
  });

  test('bad flags: exit 2 with a message', async () => {
    const err = capture();
    const code = await main(['engine', '--port', 'abc'], {
      stdout: capture().stream,
      stderr: err.stream,
      signal: new AbortController().signal,
      cwd: tmpdir(),
    });
    expect(code).toBe(2);
    expect(err.text()).toContain('--port must be a number');
    const both = capture();
    expect(
      await main(['engine', '--data', 'x', '--in-memory'], {
        stdout: capture().stream,
        stderr: both.stream,
        signal: new AbortController().signal,
        cwd: tmpdir(),
      }),
    ).toBe(2);
    expect(both.text()).toContain('exclude each other');
  });
});
