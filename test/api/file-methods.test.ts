import { chmod, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client.js';
import type { Model } from '../../shared/model/schema.js';
import { serializeModel } from '../../shared/model/serialize-model.js';
import { cruddurMessaging } from '../../shared/templates/cruddur-messaging.js';
import { TRANSPORTS, rawCall } from './transports.js';

const model: Model = cruddurMessaging;

describe.each(TRANSPORTS.filter((t) => t.confinesFiles))('file methods over $name', (transport) => {
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

  it('model.open reads a model by relative or absolute path and gives its revision', async () => {
    await writeFile(join(root, 'c.monotable.json'), serializeModel(model));
    const relative = await client.call('model.open', { path: 'c.monotable.json' });
    if (!relative.ok) throw new Error(relative.error.message);
    expect(relative.value).toMatchObject({ path: join(root, 'c.monotable.json'), source: 'monotable', notes: [] });
    expect(relative.value.model.name).toBe(model.name);
    expect(relative.value.revision).toMatch(/^[0-9a-f]{64}$/);
    const absolute = await client.call('model.open', { path: join(root, 'c.monotable.json') });
    expect(absolute.ok && absolute.value.revision).toBe(relative.value.revision);
  });

  it('model.open imports Workbench files and reports a broken file with line:column', async () => {
    const workbench = join(import.meta.dirname, '..', 'fixtures', 'nosql-workbench');
    const { readdir } = await import('node:fs/promises');
    const sample = (await readdir(workbench, { recursive: true })).find((f) => f.endsWith('.json'))!;
    await writeFile(join(root, 'wb.json'), await readFile(join(workbench, sample)));
    const imported = await client.call('model.open', { path: 'wb.json' });
    expect(imported).toMatchObject({ ok: true, value: { source: 'workbench' } });
    await writeFile(join(root, 'broken.json'), '{\n  "format": "monotable/1",\n  "name": \n');
    const broken = await client.call('model.open', { path: 'broken.json' });
    expect(broken).toMatchObject({ ok: false, error: { code: 'PARSE_ERROR' } });
    if (!broken.ok) {
      expect(broken.error.details.file).toBe(join(root, 'broken.json'));
      expect(broken.error.details.path).toMatch(/^\d+:\d+$/);
    }
    const missing = await client.call('model.open', { path: 'nope.json' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });

  it('model.save writes canonical bytes atomically, keeps the mode, refuses a file changed since opened', async () => {
    const path = join(root, 'saved.monotable.json');
    const created = await client.call('model.save', { path: 'saved.monotable.json', model });
    if (!created.ok) throw new Error(created.error.message);
    expect(await readFile(path, 'utf8')).toBe(serializeModel(model));
    expect(created.value).toMatchObject({ path, bytes: Buffer.byteLength(serializeModel(model)) });
    await chmod(path, 0o640);
    const renamed = { ...model, name: 'renamed' };
    const second = await client.call('model.save', { path, model: renamed, revision: created.value.revision });
    if (!second.ok) throw new Error(second.error.message);
    expect((await stat(path)).mode & 0o777).toBe(0o640);
    expect(JSON.parse(await readFile(path, 'utf8')).name).toBe('renamed');

    await writeFile(path, `${await readFile(path, 'utf8')} `); // someone else edits the file
    const stale = await client.call('model.save', { path, model, revision: second.value.revision });
    expect(stale).toMatchObject({ ok: false, error: { code: 'FILE_CHANGED', details: { file: path } } });
    expect(JSON.parse(await readFile(path, 'utf8')).name).toBe('renamed');
    const noRevision = await client.call('model.save', { path, model });
    expect(noRevision).toMatchObject({ ok: false, error: { code: 'FILE_CHANGED' } });
    const forced = await client.call('model.save', { path, model, revision: second.value.revision, force: true });
    expect(forced.ok).toBe(true);
    expect(await readFile(path, 'utf8')).toBe(serializeModel(model));
    const notJson = await client.call('model.save', { path: 'notes.txt', model });
    expect(notJson).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('paths outside the root are FORBIDDEN_PATH, through .., absolute paths and symlinks', async () => {
    const outside = join(dirname(root), 'outside.monotable.json');
    await writeFile(outside, serializeModel(model));
    await symlink(dirname(root), join(root, 'escape'));
    await symlink(outside, join(root, 'link.monotable.json'));
    for (const path of ['../outside.monotable.json', outside, 'escape/outside.monotable.json', 'link.monotable.json']) {
      const opened = await client.call('model.open', { path });
      expect(opened, path).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_PATH' } });
      if (!opened.ok) expect(opened.error.message).toContain(root);
      const saved = await client.call('model.save', { path, model, force: true });
      expect(saved, path).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_PATH' } });
    }
    expect(await readFile(outside, 'utf8')).toBe(serializeModel(model));
    await symlink(join(dirname(root), 'not-there.json'), join(root, 'dangling.json'));
    const dangling = await client.call('model.save', { path: 'dangling.json', model });
    expect(dangling.ok).toBe(false);
    for (const dir of ['..', '/', 'escape']) {
      expect(await client.call('file.list', { dir }), dir).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN_PATH' },
      });
    }
    expect(await client.call('journal.write', { path: outside, model })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_PATH' },
    });
  });

  it('file.list lists the root (folders first, nothing that leads outside), file.recent the opened files', async () => {
    await mkdir(join(root, 'models'), { recursive: true });
    await writeFile(join(root, 'models', 'a.monotable.json'), serializeModel(model));
    const listed = await client.call('file.list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.dir).toBe(root);
    expect(listed.value.parent).toBeNull();
    const names = listed.value.entries.map((e) => e.name);
    expect(names).toContain('models');
    expect(names).not.toContain('escape');
    expect(names).not.toContain('link.monotable.json');
    expect(listed.value.entries[0]).toMatchObject({ kind: 'directory' });
    const inner = await client.call('file.list', { dir: 'models' });
    expect(inner).toMatchObject({
      ok: true,
      value: {
        parent: root,
        entries: [{ name: 'a.monotable.json', kind: 'file', path: join(root, 'models', 'a.monotable.json') }],
      },
    });
    await client.call('model.open', { path: 'models/a.monotable.json' });
    const recent = await client.call('file.recent', {});
    expect(recent.ok && recent.value.paths[0]).toBe(join(root, 'models', 'a.monotable.json'));
  });

  it('journal: write, read back, clear; a path with no journal reads null', async () => {
    const path = join(root, 'edited.monotable.json');
    expect(await client.call('journal.read', { path })).toEqual({ ok: true, value: { journal: null } });
    const edited = { ...model, name: 'unsaved-edit' };
    const written = await client.call('journal.write', { path, model: edited });
    if (!written.ok) throw new Error(written.error.message);
    const read = await client.call('journal.read', { path: 'edited.monotable.json' });
    expect(read).toMatchObject({ ok: true, value: { journal: { savedAt: written.value.savedAt } } });
    expect(read.ok && read.value.journal?.model).toEqual(edited);
    expect(await client.call('journal.clear', { path })).toEqual({ ok: true, value: { cleared: true } });
    expect(await client.call('journal.read', { path })).toEqual({ ok: true, value: { journal: null } });
    expect(await client.call('journal.clear', { path })).toEqual({ ok: true, value: { cleared: false } });
  });

  it('app.info: version, mode, root, confined', async () => {
    const info = await client.call('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { version: '0.1.0', root, confined: true } });
    const bad = await rawCall(client, 'app.info', { root: '/' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
