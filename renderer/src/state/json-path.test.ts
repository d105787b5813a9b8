import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../shared/model/safe-json.js';
import { joinPath, parentPath, parsePath } from './json-path.js';

describe('json paths', () => {
  it('parses what the validator writes, quoted keys included', () => {
    const segments = ['tables', 0, 'entities', 12, 'keys', 'State#Date'];
    const path = formatPath(segments);
    expect(path).toBe('$.tables[0].entities[12].keys["State#Date"]');
    expect(parsePath(path)).toEqual(segments);
    expect(parentPath(path)).toBe('$.tables[0].entities[12].keys');
    expect(joinPath('$.tables[0]', 'entities', 1, 'keys', 'sk')).toBe('$.tables[0].entities[1].keys.sk');
    expect(parentPath('$')).toBeUndefined();
  });
});
