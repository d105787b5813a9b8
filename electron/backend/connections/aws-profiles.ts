import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AwsProfileInfo {
  name: string;
  /** The profile's `region`, when its config section names one. */
  region?: string;
  /** SSO profiles need `aws sso login --profile NAME` before use. */
  sso: boolean;
}

function configFile(env: NodeJS.ProcessEnv): string {
  return env.AWS_CONFIG_FILE ?? join(env.HOME ?? homedir(), '.aws', 'config');
}

function credentialsFile(env: NodeJS.ProcessEnv): string {
  return env.AWS_SHARED_CREDENTIALS_FILE ?? join(env.HOME ?? homedir(), '.aws', 'credentials');
}

async function readOptional(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

/** Section name → the few keys we show (region, whether it is SSO); every other key, secrets included, is skipped. */
function sections(text: string, isConfig: boolean): Map<string, { region?: string; sso: boolean }> {
  const out = new Map<string, { region?: string; sso: boolean }>();
  let current: { region?: string; sso: boolean } | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      const title = header[1]!;
      const name = isConfig ? (title === 'default' ? 'default' : /^profile\s+(.+)$/.exec(title)?.[1]) : title;
      current = name ? (out.get(name) ?? { sso: false }) : undefined;
      if (name && current) out.set(name, current);
      continue;
    }
    const entry = /^([A-Za-z0-9_]+)\s*=\s*(.*)$/.exec(line);
    if (!current || !entry) continue;
    if (entry[1] === 'region') current.region = entry[2]!.trim();
    if (entry[1] === 'sso_start_url' || entry[1] === 'sso_session') current.sso = true;
  }
  return out;
}

/**
 * The profile names of the shared config and credentials files (for a picker), with their region and whether they
 * use SSO. Only names and those two facts are read out: keys and secrets are never returned.
 */
export async function listAwsProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfileInfo[]> {
  const config = sections(await readOptional(configFile(env)), true);
  const credentials = sections(await readOptional(credentialsFile(env)), false);
  const names = new Set([...config.keys(), ...credentials.keys()]);
  return [...names].sort().map((name) => {
    const fromConfig = config.get(name);
    return { name, ...(fromConfig?.region ? { region: fromConfig.region } : {}), sso: fromConfig?.sso === true };
  });
}
