import type { z } from 'zod';
import { formatPath } from './safe-json.js';

/** One schema problem with the JSON path of the offending value (`$.model.tables[0].name`). */
export interface IssueAt {
  path: string;
  message: string;
}

/** zod issues as `{ path, message }` with JSON paths, unknown keys named. */
export function describeZodIssues(error: z.ZodError, prefix: readonly (string | number)[] = []): IssueAt[] {
  return error.issues.map((issue) => {
    const path = formatPath([...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')]);
    if (issue.code === 'unrecognized_keys') {
      return {
        path,
        message: `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
      };
    }
    return { path, message: issue.message };
  });
}
