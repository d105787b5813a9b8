import { spawnSync } from 'node:child_process';

/** Whether `command args…` runs and exits 0 (the tool is installed and works). */
export function commandWorks(command: string, args: string[]): boolean {
  return (
    spawnSync(command, args, { stdio: 'ignore', env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' } }).status === 0
  );
}

/**
 * Whether a tool that some tests need is on this machine. On a developer's machine a missing tool skips those tests
 * (the runner lists them as skipped). Under CI it fails the test file instead: `.ci/run` installs every tool, so CI
 * never silently skips a check.
 */
export function hasTool(name: string, available: boolean, install: string): boolean {
  if (!available && process.env.CI)
    throw new Error(
      `${name} is missing on this CI machine, so its checks cannot run; .ci/run must install it (${install}).`,
    );
  return available;
}
