import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main.js';
import { runCli, type CliResult } from '../support/run-cli.js';
import type { TestEngine } from '../support/engine.js';
import { BIG, SHOP_MODEL, order, startShopEngine } from './shop-model.js';

let engine: TestEngine;
let dir: string;
const orders = Array.from({ length: 40 }, (_, i) => order('c1', i));

async function cli(...args: string[]): Promise<CliResult & { lines: Record<string, unknown>[] }> {
  const result = await runCli([...args, '--endpoint', engine.engine.endpoint], dir);
  return {
    ...result,
    lines: result.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

beforeAll(async () => {
  engine = await startShopEngine(orders);
  dir = await mkdtemp(join(tmpdir(), 'monotable-ops-'));
  await writeFile(join(dir, 'shop.monotable.json'), JSON.stringify(SHOP_MODEL));
});
afterAll(async () => {
  await engine?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('monotable run', () => {
  it('prints the item as typed JSON (every digit, sets, binary) and a summary on stderr', async () => {
    const { code, lines, stderr } = await cli(
      'run',
      'shop.monotable.json',
      'get-order',
      '--param',
      'customer_id=c1',
      '--param',
      'order_id=0003',
    );
    expect(code).toBe(0);
    expect(lines).toEqual([orders[3]]);
    expect(stderr).toMatch(/GetItem: 1 item\(s\), 1 page\(s\), [\d.]+ capacity unit\(s\) consumed/);
  });

  it('--plain: simplified JSON, numbers beyond 2^53 as strings', async () => {
    const { lines } = await cli(
      'run',
      'shop.monotable.json',
      'get-order',
      '--param',
      'customer_id=c1',
      '--param',
      'order_id=0003',
      '--plain',
    );
    expect(lines[0]).toMatchObject({ big: BIG, total: 30, tags: ['a', 'b'], order_id: '0003' });
  });

  it('--all follows pages; --limit sets the page size', async () => {
    const { code, lines, stderr } = await cli(
      'run',
      'shop.monotable.json',
      'orders-of-customer',
      '--param',
      'customer_id=c1',
      '--limit',
      '15',
      '--all',
    );
    expect(code).toBe(0);
    expect(lines).toHaveLength(40);
    expect(lines[0]).toEqual(orders[39]);
    expect(stderr).toMatch(/Query: 40 item\(s\), 3 page\(s\)/);
  });

  it('a missing or unknown parameter exits 2 naming it and listing the parameters', async () => {
    const missing = await cli('run', 'shop.monotable.json', 'get-order', '--param', 'customer_id=c1');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/error \[BAD_INPUT\]: Missing parameter "order_id"/);
    expect(missing.stderr).toMatch(/hint: Parameters of "get-order": customer_id, order_id/);
    const unknown = await cli(
      'run',
      'shop.monotable.json',
      'get-order',
      '--param',
      'customer_id=c1',
      '--param',
      'order_id=1',
      '--param',
      'color=red',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown parameter "color"/);
    expect(unknown.stdout).toBe('');
  });
});

describe('monotable query and scan', () => {
  it('query: partition, sort operator, order, projection', async () => {
    const { code, lines } = await cli(
      'query',
      'shop.monotable.json',
      '--pk',
      'CUST#c1',
      '--sk-op',
      'between',
      '--sk',
      'ORDER#0010',
      '--sk2',
      'ORDER#0012',
      '--desc',
      '--projection',
      'order_id,big',
    );
    expect(code).toBe(0);
    expect(lines).toEqual([12, 11, 10].map((i) => ({ order_id: orders[i]!['order_id'], big: { N: BIG } })));
  });

  it('query an LSI by a number sort key, with a filter', async () => {
    const { lines } = await cli(
      'query',
      'shop.monotable.json',
      '--index',
      'by-total',
      '--pk',
      'CUST#c1',
      '--sk-op',
      '>=',
      '--sk',
      '350',
      '--filter',
      'status = open',
      '--plain',
    );
    expect(lines.map((l) => l['total'])).toEqual([360, 380]);
  });

  it('query a GSI with --consistent is refused before sending', async () => {
    const { code, stderr } = await cli(
      'query',
      'shop.monotable.json',
      '--index',
      'gsi1',
      '--pk',
      'STATUS#open',
      '--consistent',
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(/no strongly consistent reads/);
  });

  it('scan: --max-items truncates and --start-key continues exactly', async () => {
    const first = await cli('scan', 'shop.monotable.json', '--max-items', '25', '--limit', '10');
    expect(first.lines).toHaveLength(25);
    const key = /--start-key '([^']+)'/.exec(first.stderr)?.[1];
    expect(first.stderr).toMatch(/truncated at --max-items/);
    expect(key).toBeDefined();
    const rest = await cli('scan', 'shop.monotable.json', '--all', '--start-key', key!);
    expect(rest.lines).toHaveLength(15);
    const all = new Set([...first.lines, ...rest.lines].map((l) => JSON.stringify(l['sk'])));
    expect(all.size).toBe(40);
  });

  it('scan --all --segments 3: every item once; --segments without --all is refused', async () => {
    const { code, lines, stderr } = await cli('scan', 'shop.monotable.json', '--all', '--segments', '3', '--plain');
    expect(code).toBe(0);
    expect(new Set(lines.map((l) => l['sk'])).size).toBe(40);
    expect(lines).toHaveLength(40);
    expect(stderr).toMatch(/Scan: 40 item\(s\)/);
    const refused = await cli('scan', 'shop.monotable.json', '--segments', '3');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/A parallel Scan \(3 segments\) reads the whole table/);
    expect(refused.stderr).toMatch(/hint: Add --all/);
  });

  it('a page with no matches but more to read says so, with the key to continue', async () => {
    const { code, lines, stderr } = await cli(
      'query',
      'shop.monotable.json',
      '--pk',
      'CUST#c1',
      '--filter',
      'status = lost',
      '--limit',
      '5',
    );
    expect(code).toBe(0);
    expect(lines).toEqual([]);
    expect(stderr).toMatch(/Query: 0 item\(s\), 1 page\(s\), 5 scanned/);
    expect(stderr).toMatch(/more items: continue with --start-key '\{"/);
  });
});

describe('Ctrl-C during a streamed read', () => {
  it('stops further pages, keeps what was written and says where to continue', async () => {
    const controller = new AbortController();
    let stdout = '';
    let stderr = '';
    const code = await main(
      ['scan', 'shop.monotable.json', '--all', '--limit', '5', '--endpoint', engine.engine.endpoint],
      {
        stdout: new Writable({
          write(chunk: Buffer, _encoding, done) {
            stdout += chunk.toString();
            controller.abort(); // the first page is out: the user presses Ctrl-C
            done();
          },
        }),
        stderr: new Writable({
          write(chunk: Buffer, _encoding, done) {
            stderr += chunk.toString();
            done();
          },
        }),
        cwd: dir,
        signal: controller.signal,
      },
    );
    expect(code).toBe(2);
    expect(stdout.trimEnd().split('\n')).toHaveLength(5);
    expect(stderr).toMatch(/error \[CANCELLED\].* 5 item\(s\) in 1 page\(s\) were loaded before this/);
    const key = /continue with --start-key '([^']+)'/.exec(stderr)?.[1];
    const rest = await cli('scan', 'shop.monotable.json', '--all', '--start-key', key!);
    expect(rest.lines).toHaveLength(35);
  });
});

describe('guarded writes from the CLI', () => {
  const put = [
    'run',
    'shop.monotable.json',
    'put-order',
    '--param',
    'customer_id=c7',
    '--param',
    'order_id=0001',
    '--param',
    'status=open',
    '--param',
    'created_at=2026',
    '--param',
    'total=1',
  ];
  it('--read-only refuses a put pattern; --production needs --confirm TABLE', async () => {
    const readOnly = await cli(...put, '--read-only');
    expect(readOnly.code).toBe(2);
    expect(readOnly.stderr).toMatch(/error \[READ_ONLY\]: PutItem on table "Shop" refused/);
    const production = await cli(...put, '--production');
    expect(production.code).toBe(2);
    expect(production.stderr).toMatch(/hint: Type the table name to confirm: --confirm Shop/);
    const confirmed = await cli(...put, '--production', '--confirm', 'Shop');
    expect(confirmed.code).toBe(0);
    expect(confirmed.stderr).toMatch(/^PutItem: 1 item written, 1 capacity unit\(s\) consumed$/m);
  });
});
