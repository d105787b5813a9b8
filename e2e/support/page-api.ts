import type { Page } from 'playwright-core';
import type { Envelope } from '../../shared/api/define.js';

/** An api call made by the page itself (same origin, its HttpOnly cookie), as the UI's http client makes it. */
export function callFromPage(page: Page, method: string, input: unknown): Promise<Envelope<unknown>> {
  return page.evaluate(
    async ([m, i]) => {
      const response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ id: crypto.randomUUID(), method: m, input: i }),
      });
      return (await response.json()) as Envelope<unknown>;
    },
    [method, input] as const,
  );
}

export interface EngineSeen {
  running: boolean;
  endpoint?: string;
  pid?: number;
}

/** The embedded engine of the served backend, as `engine.status` reports it. */
export async function engineStatus(page: Page): Promise<EngineSeen> {
  const envelope = await callFromPage(page, 'engine.status', {});
  if (!envelope.ok) throw new Error(`engine.status failed: ${envelope.error.message}`);
  return envelope.value as EngineSeen;
}

/** Kills the served backend's embedded engine without warning (SIGKILL), as a crash or the OOM killer would. */
export async function killEngine(page: Page): Promise<number> {
  const { pid, running } = await engineStatus(page);
  if (!running || pid === undefined) throw new Error('The embedded engine is not running: nothing to kill.');
  process.kill(pid, 'SIGKILL');
  return pid;
}
