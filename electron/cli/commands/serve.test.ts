import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../main.js';
import { capture, until } from '../../../test/support/run-cli.js';

let folder: string;
let root: string;
beforeAll(async () => {
  folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-cli-serve-')));
  root = join(folder, 'root');
  await mkdir(root);
  await writeFile(join(folder, 'outside.monotable.json'), '{}');
});
afterAll(() => rm(folder, { recursive: true, force: true }));

describe('monotable serve', () => {
  test('prints exactly one url line on stdout, answers with the token, stops on the signal', async () => {
    const out = capture();
    const err = capture();
    const controller = new AbortController();
    const exit = main(['serve', '--port', '0', '--root', 'root', 'root/model.monotable.json'], {
      stdout: out.stream,
      stderr: err.stream,
      signal: controller.signal,
      cwd: folder,
    });
    await until(() => out.text().includes('\n'));
    const url = /^url: (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43})\n$/.exec(out.text())?.[1];
    expect(url, out.text()).toBeDefined();
    expect(err.text()).toContain(`Serving ${root}`);
    const answer = await fetch(url!, { redirect: 'manual' });
    expect(answer.status).toBe(303);
    controller.abort();
    expect(await exit).toBe(0);
    expect(out.text().split('\n').filter(Boolean)).toHaveLength(1);
    await expect(fetch(url!)).rejects.toThrow();
  });

  test('--open without a browser launcher says so and keeps serving', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(folder, 'no-programs-here');
    const out = capture();
    const err = capture();
    const controller = new AbortController();
    try {
      const exit = main(['serve', '--root', root, '--open'], {
        stdout: out.stream,
        stderr: err.stream,
        signal: controller.signal,
        cwd: folder,
      });
      await until(() => err.text().includes('Could not start a browser'));
      expect(out.text()).toMatch(/^url: http:\/\/127\.0\.0\.1:\d+\/\?token=/);
      controller.abort();
      expect(await exit).toBe(0);
    } finally {
      process.env.PATH = path;
    }
  });

  test('a taken port: PORT_IN_USE, exit 2', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const err = capture();
    try {
      const code = await main(['serve', '--port', String(port), '--root', root], {
        stdout: capture().stream,
        stderr: err.stream,
        signal: new AbortController().signal,
        cwd: folder,
      });
      expect(code).toBe(2);
      expect(err.text()).toContain('[PORT_IN_USE]');
      expect(err.text()).toContain('--port');
    } finally {
      blocker.close();
    }
  });

  test('a FILE outside the root, a missing root, a bad port: exit 2 with the reason', async () => {
    for (const [args, code] of [
      [['../outside.monotable.json'], 'FORBIDDEN_PATH'],
      [['--root', 'nope'], 'FILE_NOT_FOUND'],
      [['--port', 'http'], 'BAD_INPUT'],
      [['a.json', 'b.json'], 'BAD_INPUT'],
    ] as const) {
      const err = capture();
      const out = capture();
      const exit = await main(['serve', '--root', root, ...args], {
        stdout: out.stream,
        stderr: err.stream,
        signal: new AbortController().signal,
        cwd: root,
      });
      expect(exit, args.join(' ')).toBe(2);
      expect(err.text(), args.join(' ')).toContain(`[${code}]`);
      expect(out.text()).toBe('');
    }
  });
});
