import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultEngineDir, levelDbPath } from './data-dir.js';

describe('default engine folder', () => {
  test('MONOTABLE_DATA_DIR wins everywhere', () => {
    expect(defaultEngineDir({ MONOTABLE_DATA_DIR: '/tmp/x', XDG_DATA_HOME: '/xdg' }, 'linux', '/home/u')).toBe(
      '/tmp/x',
    );
    expect(defaultEngineDir({ MONOTABLE_DATA_DIR: '/tmp/x' }, 'darwin', '/Users/u')).toBe('/tmp/x');
  });

  test('Linux: XDG_DATA_HOME, else ~/.local/share', () => {
    expect(defaultEngineDir({ XDG_DATA_HOME: '/xdg' }, 'linux', '/home/u')).toBe(join('/xdg', 'monotable', 'engine'));
    expect(defaultEngineDir({}, 'linux', '/home/u')).toBe(join('/home/u', '.local', 'share', 'monotable', 'engine'));
  });

  test('macOS Application Support, Windows %APPDATA%', () => {
    expect(defaultEngineDir({}, 'darwin', '/Users/u')).toBe(
      join('/Users/u', 'Library', 'Application Support', 'Monotable', 'engine'),
    );
    expect(defaultEngineDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(
      join('C:\\Users\\u\\AppData\\Roaming', 'Monotable', 'engine'),
    );
  });

  test('LevelDB data lives in leveldb/ inside the folder', () => {
    expect(levelDbPath('/data/engine')).toBe(join('/data/engine', 'leveldb'));
  });
});
