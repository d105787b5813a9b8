import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Model } from '../../shared/model/schema.js';
import { SHOP_MODEL } from '../operations/shop-model.js';
import { cliFolder } from '../support/run-cli.js';

/** §3 of the guards issue: `-o` respects what is already there — the old file survives, special files stay special. */
const folder = cliFolder();
afterAll(() => folder.remove());
const model = folder.writeModel('shop.json', SHOP_MODEL);
const table = SHOP_MODEL.tables[0]!;
const withTtl = folder.writeModel('ttl.json', { ...SHOP_MODEL, tables: [{ ...table, ttlAttribute: 'expires_at' }] });
const path = (name: string) => join(folder.dir, name);

describe('-o writes what it should and nothing else', () => {
  it('through a symlink: writes the target and keeps the link', async () => {
    writeFileSync(path('real.json'), 'old');
    symlinkSync('real.json', path('link.json'));
    expect((await folder.cli('export', model, '--format', 'create-table', '-o', 'link.json')).code).toBe(0);
    expect(lstatSync(path('link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path('link.json'))).toBe('real.json');
    expect(JSON.parse(folder.read('real.json'))).toMatchObject({ TableName: 'Shop' });
  });

  it("keeps the existing file's mode", async () => {
    writeFileSync(path('mode.json'), 'old');
    chmodSync(path('mode.json'), 0o600);
    expect((await folder.cli('export', model, '--format', 'create-table', '-o', 'mode.json')).code).toBe(0);
    expect(lstatSync(path('mode.json')).mode & 0o777).toBe(0o600);
  });

  it('through a FIFO: the reader gets the text and the FIFO stays a FIFO', async () => {
    execFileSync('mkfifo', [path('pipe')]);
    const chunks: Buffer[] = [];
    const reading = new Promise<void>((resolve, reject) => {
      const stream = createReadStream(path('pipe'));
      stream.on('data', (c) => chunks.push(c as Buffer));
      stream.on('end', resolve);
      stream.on('error', reject);
    });
    expect((await folder.cli('export', model, '--format', 'create-table', '-o', 'pipe')).code).toBe(0);
    await reading;
    expect(JSON.parse(Buffer.concat(chunks).toString())).toMatchObject({ TableName: 'Shop' });
    expect(lstatSync(path('pipe')).isFIFO()).toBe(true);
  });

  // Its own device node (the null device, 1:3) in the temp folder: a test must never risk the machine's /dev/null.
  const device = path('null-device');
  let canMakeDevices = true;
  try {
    execFileSync('mknod', ['-m', '666', device, 'c', '1', '3'], { stdio: 'ignore' });
  } catch {
    canMakeDevices = false; // not root: the FIFO case above covers writing through a special file
  }
  it.skipIf(!canMakeDevices)('to a character device: written through, never replaced by a regular file', async () => {
    expect((await folder.cli('export', model, '--format', 'create-table', '-o', 'null-device')).code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('CreateTable JSON and its TTL document are a pair; no stale TTL document of another table stays beside it', async () => {
    expect((await folder.cli('export', withTtl, '--format', 'create-table', '-o', 'pair.json')).code).toBe(0);
    expect(existsSync(path('pair.ttl.json'))).toBe(true);
    const r = await folder.cli('export', model, '--format', 'create-table', '-o', 'pair.json');
    expect(r.code).toBe(0);
    expect(existsSync(path('pair.ttl.json'))).toBe(false);
    // When the second file cannot be written, the first is not either: both or neither.
    writeFileSync(path('half.json'), 'old');
    execFileSync('mkdir', [path('half.ttl.json')]);
    const half = await folder.cli('export', withTtl, '--format', 'create-table', '-o', 'half.json');
    expect(half.code).toBe(2);
    expect(folder.read('half.json')).toBe('old');
  });

  it('import -o and new -o onto an existing file need --force', async () => {
    writeFileSync(path('keep.json'), 'keep');
    expect((await folder.cli('import', model, '-o', 'keep.json')).code).toBe(2);
    expect((await folder.cli('new', '--template', 'cruddur-messaging', '-o', 'keep.json')).code).toBe(2);
    expect(folder.read('keep.json')).toBe('keep');
    expect((await folder.cli('import', model, '-o', 'keep.json', '--force')).code).toBe(0);
    expect(JSON.parse(folder.read('keep.json'))).toMatchObject({ name: 'shop' });
  });

  it('an export of a model with errors onto an existing file needs --force', async () => {
    const broken: Model = {
      ...SHOP_MODEL,
      tables: [{ ...table, partitionKey: { name: '😀'.repeat(100), type: 'S' } }],
    };
    const file = folder.writeModel('broken.json', broken);
    writeFileSync(path('good.create.json'), 'good');
    const refused = await folder.cli('export', file, '--format', 'create-table', '-o', 'good.create.json');
    expect(refused.code).toBe(2);
    expect(folder.read('good.create.json')).toBe('good');
    expect(
      (await folder.cli('export', file, '--format', 'create-table', '-o', 'good.create.json', '--force')).code,
    ).toBe(0);
    expect((await folder.cli('export', file, '--format', 'create-table', '-o', 'new.create.json')).code).toBe(0);
  });
});
