import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEngineState, stateFilePath } from '../../electron/backend/engine/engine-state.js';
import { main } from '../../electron/cli/main.js';
import { REPO } from '../support/run-cli.js';

/** `npx monotable engine &` then `kill $!`, and what an earlier engine left behind (issue 6). */
let dir: string;
beforeAll(async () => {
  if (!existsSync(join(REPO, 'dist', 'electron', 'cli', 'main.js')))
    throw new Error('Run `npm run build:node` before these tests.');
  dir = await mkdtemp(join(tmpdir(), 'monotable-engine-life-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until<T>(check: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs `monotable engine` in-process on `engineDir` until `work` is done; returns its exit code and output. */
async function engineWhile(
  engineDir: string,
  work: (endpoint: string) => Promise<void>,
): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  const controller = new AbortController();
  const exit = main(['engine', '--data', engineDir], {
    stdout,
    stderr: new PassThrough(),
    signal: controller.signal,
    cwd: dir,
  });
  try {
    const endpoint = await Promise.race([
      until(() => /endpoint: (\S+)/.exec(out)?.[1], 'the endpoint'),
      exit.then((code) => {
        throw new Error(`engine exited with ${code}: ${out}`);
      }),
    ]);
    await work(endpoint);
  } finally {
    controller.abort();
  }
  return { code: await exit, out };
}

describe('the engine does not outlive the process that started it', () => {
  it('its parent killed (npx killed without passing the signal on): the engine stops and clears its state file', async () => {
    const engineDir = join(dir, 'orphan');
    const log = join(dir, 'orphan.log');
    // The parent stands in for npx: it starts `monotable engine` with output to a file, says its pid, and waits.
    const parentScript = `
      const { spawn } = require('node:child_process');
      const fs = require('node:fs');
      const out = fs.openSync(${JSON.stringify(log)}, 'w');
      const child = spawn(process.execPath, [${JSON.stringify(join(REPO, 'bin', 'monotable.js'))}, 'engine', '--data', ${JSON.stringify(engineDir)}], { stdio: ['ignore', out, out] });
      process.stdout.write(String(child.pid) + '\\n');
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    let parentOut = '';
    parent.stdout.on('data', (c: Buffer) => (parentOut += c.toString()));
    const cliPid = Number(await until(() => /^(\d+)\n/.exec(parentOut)?.[1], 'the CLI pid'));
    await until(() => existsSync(log) && readFileSync(log, 'utf8').includes('endpoint:'), 'the engine to listen');
    const state = (await readEngineState(engineDir))!;
    expect(alive(state.pid)).toBe(true);
    parent.kill('SIGKILL');
    await until(() => !alive(cliPid), 'the CLI to exit');
    await until(() => !alive(state.pid), 'the engine process to exit');
    expect(existsSync(stateFilePath(engineDir))).toBe(false);
    expect(readFileSync(log, 'utf8')).toContain('engine stopped: the process that started it is gone');
  });
});

describe('a stale state file never blocks the next start', () => {
  it('a dead pid, a live pid whose port answers as something else, and a garbled file: each is ignored', async () => {
    const dead = spawn(process.execPath, ['-e', '']);
    const deadPid = await new Promise<number>((resolve) => dead.on('exit', () => resolve(dead.pid!)));
    const other = createHttpServer((_req, res) => res.end('not an engine'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const otherPort = (other.address() as { port: number }).port;
    try {
      const stale = [
        JSON.stringify({ port: otherPort, pid: deadPid, dataDir: 'x', inMemory: false, startedAt: '' }),
        JSON.stringify({ port: otherPort, pid: process.pid, dataDir: 'x', inMemory: false, startedAt: '' }),
        '{"port": 12, "pid": ',
      ];
      for (const [i, text] of stale.entries()) {
        const engineDir = join(dir, `stale-${i}`);
        await rm(engineDir, { recursive: true, force: true });
        await import('node:fs/promises').then((fs) => fs.mkdir(engineDir, { recursive: true }));
        await writeFile(stateFilePath(engineDir), text);
        const { code, out } = await engineWhile(engineDir, async (endpoint) => {
          const state = await readEngineState(engineDir);
          expect(state?.port).toBe(Number(endpoint.split(':').pop()));
          expect(state?.pid).not.toBe(deadPid);
        });
        expect(code, out).toBe(0);
        expect(existsSync(stateFilePath(engineDir))).toBe(false);
      }
    } finally {
      other.close();
    }
  });

  it('a live engine on the folder is not stale: a second `monotable engine` refuses, naming it', async () => {
    const engineDir = join(dir, 'twice');
    const { code } = await engineWhile(engineDir, async (endpoint) => {
      const err = new PassThrough();
      let text = '';
      err.on('data', (c: Buffer) => (text += c.toString()));
      const second = await main(['engine', '--data', engineDir], {
        stdout: new PassThrough(),
        stderr: err,
        signal: new AbortController().signal,
        cwd: dir,
      });
      expect(second).toBe(2);
      expect(text).toContain('error [ENGINE_START_FAILED]');
      expect(text).toContain(endpoint);
    });
    expect(code).toBe(0);
  });
});
