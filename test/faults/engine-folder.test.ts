import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMonotableError } from '../../shared/errors/monotable-error.js';
import { startEngineService } from '../../electron/backend/engine/run-engine.js';
import { tempFolder } from '../support/temp-folder.js';

/** A pid that surely belongs to no process any more: a child that has already exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('one engine per data folder', () => {
  it('two engines started at the same moment on one folder: exactly one runs, the other says so', async () => {
    const engineDir = await tempFolder('two-engines');
    const results = await Promise.allSettled([
      startEngineService({ engineDir, inMemory: true }),
      startEngineService({ engineDir, inMemory: true }),
    ]);
    const running = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    try {
      expect(running).toHaveLength(1);
      expect(refused).toHaveLength(1);
      expect(isMonotableError(refused[0]) && refused[0].code).toBe('ENGINE_START_FAILED');
      expect(String((refused[0] as Error).message)).toContain(engineDir);
    } finally {
      await Promise.all(running.map((e) => e.stop()));
    }
    // once stopped, the folder is free again
    const again = await startEngineService({ engineDir, inMemory: true });
    await again.stop();
  });

  it("a crashed engine's state file and lock never block the next start", async () => {
    const engineDir = await tempFolder('crashed-engine');
    const pid = deadPid();
    await writeFile(
      join(engineDir, 'engine.json'),
      JSON.stringify({ port: 1, pid, dataDir: engineDir, inMemory: true, startedAt: '2026-01-01T00:00:00Z' }),
    );
    await writeFile(join(engineDir, 'engine.lock'), `${pid} 0123456789abcdef\n`);
    const engine = await startEngineService({ engineDir, inMemory: true });
    await engine.stop();
  });
});
