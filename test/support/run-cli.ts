import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../electron/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

class Buffered extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** `monotable ARGS` in-process with buffers for stdout/stderr; relative paths start from `cwd`. */
export async function runCli(args: string[], cwd: string): Promise<CliResult> {
  const stdout = new Buffered();
  const stderr = new Buffered();
  const code = await main(args, { stdout, stderr, cwd, debug: args.includes('--debug'), signal: new AbortController().signal });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export const REPO = join(import.meta.dirname, '..', '..');

/** The built CLI (`npm run build:node` first) as a real process. */
export function spawnCli(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin', 'monotable.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A fresh temp folder per test file. */
export function tempFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'monotable-cli-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
