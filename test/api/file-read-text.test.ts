import { mkdir, readFile, symlink, truncate, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import { TRANSPORTS } from './transports.js';

describe.each(TRANSPORTS.filter((t) => t.confinesFiles))('file.readText / file.delete over $name', (transport) => {
  let client: ApiClient;
  let root: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await transport.open();
    ({ client, close } = opened);
    if (!opened.root) throw new Error(`${transport.name} gives no root`);
    root = opened.root;
  });
  afterAll(async () => close());

  it('reads UTF-8 text under the root byte for byte (a BOM is dropped), by relative or absolute path', async () => {
    const text = '{"pk":{"S":"é"},"n":{"N":"12345678901234567890123456789012345678"}}\n';
    await writeFile(join(root, 'items.jsonl'), `\uFEFF${text}`);
    const read = await client.call('file.readText', { path: 'items.jsonl' });
    expect(read).toEqual({
      ok: true,
      value: { path: join(root, 'items.jsonl'), text, bytes: Buffer.byteLength(text) + 3 },
    });
    const absolute = await client.call('file.readText', { path: join(root, 'items.jsonl') });
    expect(absolute.ok && absolute.value.text).toBe(text);
  });

  it('refuses what is not a small UTF-8 regular file under the root, with a code saying why', async () => {
    const code = async (path: string) => {
      const result = await client.call('file.readText', { path });
      return result.ok ? 'ok' : result.error.code;
    };
    expect(await code('missing.csv')).toBe('FILE_NOT_FOUND');
    await mkdir(join(root, 'folder'), { recursive: true });
    expect(await code('folder')).toBe('FILE_UNREADABLE');
    await writeFile(join(root, 'latin1.csv'), Buffer.from([0x70, 0x6b, 0x0a, 0xe9, 0x0a]));
    expect(await code('latin1.csv')).toBe('PARSE_ERROR');
    await writeFile(join(root, 'huge.csv'), '');
    await truncate(join(root, 'huge.csv'), 64 * 1024 * 1024 + 1); // sparse: no 64 MB written
    expect(await code('huge.csv')).toBe('FILE_TOO_LARGE');
    expect(await code('../outside.csv')).toBe('FORBIDDEN_PATH');
    await writeFile(join(dirname(root), 'secret.txt'), 'no');
    await symlink(join(dirname(root), 'secret.txt'), join(root, 'link.txt'));
    expect(await code('link.txt')).toBe('FORBIDDEN_PATH');
  });

  it('writeText creates missing folders only when asked; delete removes one file and never a folder', async () => {
    const path = 'model.operations/get-user.json';
    const refused = await client.call('file.writeText', { path, text: '{}\n' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FILE_NOT_FOUND');
    const written = await client.call('file.writeText', { path, text: '{}\n', createFolders: true });
    expect(written.ok).toBe(true);
    expect(await readFile(join(root, path), 'utf8')).toBe('{}\n');
    expect(await client.call('file.delete', { path })).toEqual({
      ok: true,
      value: { path: join(root, path), deleted: true },
    });
    expect(await client.call('file.delete', { path })).toEqual({
      ok: true,
      value: { path: join(root, path), deleted: false },
    });
    const folder = await client.call('file.delete', { path: 'model.operations' });
    expect(folder.ok ? 'ok' : folder.error.code).toBe('FILE_UNREADABLE');
    const outside = await client.call('file.delete', { path: '../x.json' });
    expect(outside.ok ? 'ok' : outside.error.code).toBe('FORBIDDEN_PATH');
    const escaping = await client.call('file.writeText', { path: '../new/x.json', text: '', createFolders: true });
    expect(escaping.ok ? 'ok' : escaping.error.code).toBe('FORBIDDEN_PATH');
  });
});
