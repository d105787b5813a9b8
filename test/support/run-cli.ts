import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { main } from '../../electron/cli/main.js';
import type { Model } from '../../shared/model/schema.js';
import { serializeModel } from '../../shared/model/serialize-model.js';

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
  const code = await main(args, {
    stdout,
    stderr,
    cwd,
    debug: args.includes('--debug'),
    signal: new AbortController().signal,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

export const REPO = join(import.meta.dirname, '..', '..');

/** The built CLI (`npm run build:node` first) as a real process. */
export function spawnCli(args: string[], cwd: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin', 'monotable.js'), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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

export interface CliFolder {
  dir: string;
  remove(): void;
  /** `monotable ARGS` in-process, run in the folder. */
  cli(...args: string[]): Promise<CliResult>;
  /** A file of the folder as text. */
  read(name: string): string;
  /** Writes the model as a canonical model file into the folder; returns `name`. */
  writeModel(name: string, model: Model): string;
}

/** `tempFolder` with the CLI run in it and its files read and written by name. */
export function cliFolder(): CliFolder {
  const tmp = tempFolder();
  return {
    ...tmp,
    cli: (...args) => runCli(args, tmp.dir),
    read: (name) => readFileSync(join(tmp.dir, name), 'utf8'),
    writeModel(name, model) {
      writeFileSync(join(tmp.dir, name), serializeModel(model));
      return name;
    },
  };
}

/** A stream for a long-running verb's stdout or stderr (engine, serve) and the text written to it so far. */
export function capture(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

/** Waits until `check()` holds (polled every 20 ms), failing after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
