import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cruddurMessaging } from '../../../shared/templates/cruddur-messaging.js';
import { countItems, createTable } from '../../../test/faults/seed-fixtures.js';
import { startTestEngine } from '../../../test/support/engine.js';
import { main } from '../main.js';
import { tempFolder } from '../../../test/support/temp-folder.js';

function capture(isTTY = false): { stream: PassThrough & { isTTY?: boolean }; text(): string } {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean };
  stream.isTTY = isTTY;
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

async function run(
  args: string[],
  cwd: string,
  options: { tty?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string; summary: Record<string, unknown> }> {
  const out = capture();
  const err = capture(options.tty);
  const code = await main(args, { stdout: out.stream, stderr: err.stream, cwd, signal: new AbortController().signal });
  const lines = out.text().trimEnd().split('\n');
  let summary: Record<string, unknown> = {};
  try {
    summary = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
  } catch {
    // not JSON: the assertions below report it
  }
  return { code, stdout: out.text(), stderr: err.text(), summary };
}

let dir: string;
let engine: Awaited<ReturnType<typeof startTestEngine>>;

beforeAll(async () => {
  dir = await tempFolder('cli-seed');
  await writeFile(join(dir, 'cruddur.json'), JSON.stringify(cruddurMessaging, null, 2));
  engine = await startTestEngine();
  await createTable(engine.client, cruddurMessaging.tables[0]!);
});

afterAll(async () => {
  await engine?.stop();
});

describe('monotable seed', () => {
  it('--dry-run writes the planned items as DynamoDB JSON lines, the same bytes every time, and needs no connection', async () => {
    const first = await run(['seed', 'cruddur.json', '--dry-run', '-o', 'a.jsonl', '--seed', '9'], dir);
    expect(first.code).toBe(0);
    expect(first.summary).toMatchObject({ dryRun: true, planned: expect.any(Number), failed: 0 });
    expect(first.summary).not.toHaveProperty('written'); // a dry run writes nothing: it reports what it planned
    const again = await run(['seed', 'cruddur.json', '--dry-run', '-o', 'b.jsonl', '--seed', '9'], dir);
    expect(again.code).toBe(0);
    const a = await readFile(join(dir, 'a.jsonl'), 'utf8');
    expect(await readFile(join(dir, 'b.jsonl'), 'utf8')).toBe(a);
    const lines = a.trimEnd().split('\n');
    expect(lines).toHaveLength(first.summary.planned as number);
    expect(JSON.parse(lines[0]!)).toMatchObject({ pk: { S: expect.stringMatching(/^MSG#/) } }); // messages before their group rows
  });

  it('seeds a table through --endpoint: plain progress lines on a non-terminal, the summary as the last stdout line; a re-run writes nothing', async () => {
    const args = [
      'seed',
      'cruddur.json',
      '--endpoint',
      engine.engine.endpoint,
      '--count',
      'Conversation=20',
      '--count',
      'Message=2000',
      '--concurrency',
      '8',
    ];
    const seeded = await run(args, dir);
    expect(seeded.stderr).toContain('plan: 2,040 items in cruddur-messages');
    expect(seeded.stderr).not.toContain('\r');
    expect(seeded.stderr).toMatch(/seed: 2,040\/2,040 written, 100%[^\n]*\n$/); // plain logs end on the final figures
    expect(seeded.code).toBe(0);
    expect(seeded.summary).toMatchObject({ planned: 2040, written: 2040, failed: 0, seconds: expect.any(Number) });
    expect(await countItems(engine.client, 'cruddur-messages')).toBe(2040);
    const rerun = await run(args, dir);
    expect(rerun.code).toBe(0);
    expect(rerun.summary).toMatchObject({ planned: 2040, written: 0, skippedExisting: 2040 });
    expect(await countItems(engine.client, 'cruddur-messages')).toBe(2040);
  });

  it('draws a progress bar on a terminal', async () => {
    const result = await run(
      [
        'seed',
        'cruddur.json',
        '--endpoint',
        engine.engine.endpoint,
        '--count',
        'Conversation=1',
        '--count',
        'Message=1',
        '--seed',
        '77',
      ],
      dir,
      { tty: true },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/\r\x1b\[2K\[#+\] 3\/3 written, 100%/);
  });

  it('refuses bad arguments with a hint, exit 2', async () => {
    for (const args of [
      ['seed', 'cruddur.json', '--dry-run', '--count', 'Message'],
      ['seed', 'cruddur.json', '--dry-run', '--count', 'Nope=3'],
      ['seed', 'cruddur.json', '--dry-run', '--scale', '2', '--count', 'Message=3'],
      ['seed', 'cruddur.json', '--endpoint', engine.engine.endpoint, '-o', 'x.jsonl'],
      ['seed', 'cruddur.json', '--dry-run', '--locale', 'xx'],
      ['seed', 'cruddur.json', '--concurrency', '0', '--embedded'],
      ['seed', 'missing.json', '--dry-run'],
      ['seed', 'cruddur.json'],
    ]) {
      const result = await run(args, dir);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(/error \[[A-Z_]+\].*\n {2}hint: /);
    }
  });

  it('a connection that fails: CONNECTION_FAILED on stderr, exit 2', async () => {
    const result = await run(
      ['seed', 'cruddur.json', '--endpoint', 'http://127.0.0.1:9', '--count', 'Conversation=1', '--count', 'Message=1'],
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error \[CONNECTION_FAILED\]/);
  });
});
