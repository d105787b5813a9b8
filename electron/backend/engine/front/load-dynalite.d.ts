// Types for the parts of load-dynalite.js that TypeScript tests use.
export function patchedSource(file: string): { filename: string; source: string };
