// Types for the parts of errors.js that TypeScript tests use.
export function describeStore(options: { dataDir: string }): void;
export function internalErrorBody(operation: string, error: unknown): { __type: string; message: string };
