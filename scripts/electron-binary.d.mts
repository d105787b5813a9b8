export function findElectronBinary(options?: {
  electronDir?: string;
  env?: Record<string, string | undefined>;
}): { found: true; path: string } | { found: false; reason: string };

export function missingElectronMessage(reason: string, version: string): string;
