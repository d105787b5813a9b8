import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './run-cli.js';

/** What a command run until a signal did: its exit code, its output, and the processes it had started. */
export interface SignalledRun {
  code: number | null;
  /** The signal that ended the process itself (a handler missing), else null. */
  killedBy: NodeJS.Signals | null;
  stdout: string;
  stdoutBytes: number;
  stderr: string;
  /** The processes the command had started when the signal was sent (e.g. its engine). */
  children: number[];
}

export interface RunningOutput {
  stdout: string;
  stdoutBytes: number;
  stderr: string;
}

/** The pids whose parent is `pid` (Linux: /proc/PID/stat). */
export function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses: read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(name));
    } catch {
      // the process ended while listing
    }
  }
  return out;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs the built CLI (`bin/monotable.js`) in `cwd`, sends `signal` once `started` says the command has really begun
 * (its first progress line or output bytes, polled as output arrives and every 20 ms), keeps reading its output as
 * a reader would (unless `readerStops`), and resolves when it has exited. A command that never starts fails after
 * `timeoutMs`.
 */
export function runUntilSignal(
  args: string[],
  options: {
    cwd: string;
    signal: NodeJS.Signals;
    started: (output: RunningOutput) => boolean;
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    /** Stop reading stdout after its first bytes, as a pager left open does (`scan --all | less`). */
    readerStops?: boolean;
    /** Signal the whole process group, as Ctrl-C in a terminal does (the engine child gets it too). */
    toGroup?: boolean;
  },
): Promise<SignalledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO, 'bin', 'monotable.js'), ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.toGroup === true,
    });
    const output: RunningOutput = { stdout: '', stdoutBytes: 0, stderr: '' };
    let children: number[] = [];
    let sent = false;
    const check = (): void => {
      if (sent || !options.started(output)) return;
      sent = true;
      children = childrenOf(child.pid!);
      if (options.toGroup) process.kill(-child.pid!, options.signal);
      else child.kill(options.signal);
    };
    const poll = setInterval(check, 20);
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      const what = sent ? `did not end after ${options.signal}` : 'did not start in time';
      reject(new Error(`\`monotable ${args.join(' ')}\` ${what}:\n${output.stderr}`));
    }, options.timeoutMs ?? 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      if (options.readerStops && child.exitCode === null && child.signalCode === null) child.stdout.pause();
      output.stdoutBytes += chunk.length;
      if (output.stdout.length < 1 << 20) output.stdout += chunk.toString();
      check();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output.stderr += chunk.toString();
      check();
    });
    child.on('error', reject);
    child.on('exit', () => child.stdout.resume()); // what a stopped reader left in the pipe: drained so it closes
    child.on('close', (code, killedBy) => {
      clearInterval(poll);
      clearTimeout(timeout);
      if (!sent) {
        reject(new Error(`\`monotable ${args.join(' ')}\` ended (${code}) before the signal:\n${output.stderr}`));
        return;
      }
      resolve({ code, killedBy, ...output, children });
    });
  });
}

/** Files a command may leave behind by mistake: temp files of atomic writes (`.NAME.….tmp`) and partial outputs. */
export function leftovers(dir: string, expected: readonly string[]): string[] {
  return readdirSync(dir).filter((name) => !expected.includes(name));
}
