import { spawn } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Model } from '../../shared/model/schema.js';
import { serializeModel } from '../../shared/model/serialize-model.js';
import { SHOP_MODEL } from '../operations/shop-model.js';
import { REPO, tempFolder } from '../support/run-cli.js';

/** Ctrl-C and SIGTERM stop a long `seed --dry-run -o` (a synchronous generator loop) and leave no temp file. */
const folder = tempFolder();
afterAll(() => folder.remove());
const table = SHOP_MODEL.tables[0]!;
const big: Model = {
  ...SHOP_MODEL,
  tables: [{ ...table, entities: [{ ...table.entities[0]!, seed: { count: 5_000_000 } }], accessPatterns: [] }],
};

beforeAll(() => {
  if (!existsSync(join(REPO, 'dist', 'electron', 'cli', 'main.js')))
    throw new Error('Run `npm run build:node` before these tests.');
  writeFileSync(join(folder.dir, 'big.json'), serializeModel(big));
});

function runUntilSignal(signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(REPO, 'bin', 'monotable.js'), 'seed', 'big.json', '--dry-run', '-o', 'items.jsonl'],
      { cwd: folder.dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      // The plan line is printed before generating starts: then interrupt while items stream to the temp file.
      if (stderr.includes('plan:')) setTimeout(() => child.kill(signal), 300);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('signals stop long commands and remove their temp files', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} during seed --dry-run -o`, async () => {
      const { code, stderr } = await runUntilSignal(signal);
      expect(code, stderr).not.toBe(0);
      expect(stderr).toContain('CANCELLED');
      expect(readdirSync(folder.dir).filter((f) => f !== 'big.json')).toEqual([]);
    }, 60_000);
  }
});
