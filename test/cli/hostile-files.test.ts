import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempFolder } from '../support/run-cli.js';

const tmp = tempFolder();
afterAll(() => tmp.remove());

function file(name: string, text: string): string {
  writeFileSync(join(tmp.dir, name), text);
  return name;
}

const VERBS = [['validate'], ['patterns'], ['export', '--format', 'create-table'], ['import']];

describe.each(VERBS)('monotable %s on hostile or broken files', (...verb) => {
  const run = (name: string) => runCli([...verb, name], tmp.dir);

  it('truncated JSON: PARSE_ERROR with file and line:column, exit 2', async () => {
    const r = await run(
      file('truncated.json', '{\n  "format": "monotable/1",\n  "name": "x",\n  "tables": [\n    {"name": '),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error \[PARSE_ERROR\] truncated\.json 5:\d+: Not valid JSON at line 5/);
    expect(r.stderr).toContain('hint:');
    expect(r.stdout).toBe('');
  });

  it('wrong types: SCHEMA_ERROR with the JSON path, exit 2', async () => {
    const r = await run(
      file('types.json', JSON.stringify({ format: 'monotable/1', name: 'x', tables: [{ name: 7 }] })),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error [SCHEMA_ERROR] types.json $.tables[0]');
  });

  it('__proto__ keys: refused with the path, and nothing is polluted', async () => {
    const r = await run(
      file('proto.json', '{"format":"monotable/1","name":"x","tables":[{"__proto__":{"polluted":"yes"}}]}'),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error [FORBIDDEN_KEY] proto.json $.tables[0].__proto__');
    const c = await run(
      file('ctor.json', '{"ModelName":"m","DataModel":[],"constructor":{"prototype":{"polluted":1}}}'),
    );
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a 1 GB (sparse) file is refused by its size', async () => {
    const big = join(tmp.dir, 'huge.json');
    writeFileSync(big, '');
    truncateSync(big, 1024 ** 3);
    // Read first, 1 GB would fail as FILE_UNREADABLE (longer than a string can be); FILE_TOO_LARGE comes from stat.
    const r = await run('huge.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error \[FILE_TOO_LARGE\] huge\.json: .*1024\.0 MB; model files are limited to 20 MB/);
  });

  it('10,000-deep nesting: NESTING_TOO_DEEP, no stack overflow', async () => {
    const r = await run(file('deep.json', `${'['.repeat(10_000)}${']'.repeat(10_000)}`));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error [NESTING_TOO_DEEP] deep.json');
    const o = await run(file('deep-object.json', `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`));
    expect(o.stderr).toContain('NESTING_TOO_DEEP');
  });

  it('missing file, folder, unreadable file, empty file: exit 2 naming the path', async () => {
    const missing = await run('nope.json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('error [FILE_NOT_FOUND] nope.json: There is no file');
    mkdirSync(join(tmp.dir, 'folder.json'), { recursive: true });
    const folder = await run('folder.json');
    expect(folder.stderr).toContain('error [FILE_UNREADABLE]');
    expect(folder.stderr).toContain('is a folder');
    const empty = await run(file('empty.json', ''));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('The file is empty');
    if (process.getuid?.() !== 0) {
      chmodSync(join(tmp.dir, file('locked.json', '{}')), 0o000);
      const locked = await run('locked.json');
      expect(locked.code).toBe(2);
      expect(locked.stderr).toContain('FILE_UNREADABLE');
    }
  });

  it('devices and named pipes are refused without reading (no hang on /dev/zero or a FIFO)', async () => {
    const device = await run('/dev/zero');
    expect(device.code).toBe(2);
    expect(device.stderr).toContain('error [FILE_UNREADABLE] /dev/zero: /dev/zero is not a regular file.');
    const fifo = join(tmp.dir, 'pipe.json');
    if (!existsSync(fifo)) execFileSync('mkfifo', [fifo]);
    const piped = await run('pipe.json');
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('is not a regular file');
  });

  it('JSON that is no known format: UNSUPPORTED_FORMAT saying what each format looks like', async () => {
    const r = await run(file('other.json', '{"hello": "world"}'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error [UNSUPPORTED_FORMAT]');
    expect(r.stderr).toContain('"format": "monotable/1"');
  });

  it('never prints a stack trace without --debug', async () => {
    const r = await run('nope.json');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('arguments', () => {
  it('unknown flags and missing or extra files exit 2 with the synopsis', async () => {
    const flag = await runCli(['validate', 'x.json', '--bogus'], tmp.dir);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain('unknown option --bogus for `monotable validate`.');
    expect(flag.stderr).toContain('Usage: monotable validate');
    const none = await runCli(['validate'], tmp.dir);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Name the model file');
    const two = await runCli(['patterns', 'a.json', 'b.json'], tmp.dir);
    expect(two.stderr).toContain('Expected one file, got 2');
    const verb = await runCli(['frobnicate'], tmp.dir);
    expect(verb.code).toBe(2);
  });

  it('--debug adds the stack trace', async () => {
    const r = await runCli(['validate', 'nope.json', '--debug'], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});

describe('hostile YAML (CloudFormation is read as YAML when it does not start with { or [)', () => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    .concat('bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`))
    .join('\n');
  const cases: [string, string, RegExp][] = [
    [
      'deep-flow.yaml',
      `Resources: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
      /error \[(PARSE_ERROR|NESTING_TOO_DEEP)\] deep-flow\.yaml/,
    ],
    [
      'deep-block.yaml',
      Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}k:\n`).join(''),
      /error \[(PARSE_ERROR|NESTING_TOO_DEEP)\] deep-block\.yaml/,
    ],
    [
      'proto.yaml',
      'Resources:\n  __proto__:\n    polluted: yes\n',
      /error \[FORBIDDEN_KEY\] proto\.yaml \$\.Resources\.__proto__/,
    ],
    ['laughs.yaml', `${laughs}\n`, /error \[PARSE_ERROR\] laughs\.yaml/],
    ['broken.yaml', 'Resources: [unclosed\n', /error \[PARSE_ERROR\] broken\.yaml \d+:\d+/],
    ['scalar.yaml', 'just text\n', /error \[UNSUPPORTED_FORMAT\] scalar\.yaml/],
  ];
  it.each(cases)('%s: exit 2 with a clear error, no crash, no pollution', async (name, text, expected) => {
    const r = await runCli(['import', file(name, text)], tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(expected);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
