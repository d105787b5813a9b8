import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInProcessClient } from '../../electron/backend/api/in-process-client.js';
import { dispatch } from '../../electron/backend/api/dispatcher.js';

describe('file.writeText', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'monotable-write-text-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const client = () =>
    createInProcessClient(dispatch, { mode: 'browser', root, confined: true, dataDir: join(root, '.data') });

  it('writes an export under the root, refuses to replace it without force, and replaces it with force', async () => {
    const first = await client().call('file.writeText', { path: 'exports/t.create-table.json', text: '{"a":1}\n' });
    expect(first).toEqual({ ok: false, error: expect.objectContaining({ code: 'FILE_NOT_FOUND' }) });
    const written = await client().call('file.writeText', { path: 't.create-table.json', text: '{"TableName":"é"}\n' });
    expect(written.ok && written.value.bytes).toBe(19);
    expect(await readFile(join(root, 't.create-table.json'), 'utf8')).toBe('{"TableName":"é"}\n');
    const again = await client().call('file.writeText', { path: 't.create-table.json', text: 'x' });
    expect(again.ok ? undefined : again.error.code).toBe('FILE_CHANGED');
    const forced = await client().call('file.writeText', { path: 't.create-table.json', text: 'x', force: true });
    expect(forced.ok).toBe(true);
    expect(await readFile(join(root, 't.create-table.json'), 'utf8')).toBe('x');
  });

  it('refuses a path outside the root', async () => {
    await writeFile(join(root, 'inside.txt'), 'keep');
    const outside = await client().call('file.writeText', { path: '../escape.json', text: 'x' });
    expect(outside.ok ? undefined : outside.error.code).toBe('FORBIDDEN_PATH');
  });
});
