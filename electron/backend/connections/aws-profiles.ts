import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

export interface AwsProfileInfo {
  name: string;
  /** The profile's `region`, when its config section names one. */
  region?: string;
  /** SSO profiles need `aws sso login --profile NAME` before use. */
  sso: boolean;
  /** Where its credentials come from, as the files say (`static keys in ~/.aws/credentials`); never a secret. */
  source: string;
}

/** The facts of a profile section that say where its credentials come from; values kept are never secrets. */
interface Section {
  region?: string;
  sso: boolean;
  staticKeys?: boolean;
  sessionToken?: boolean;
  roleArn?: string;
  sourceProfile?: string;
  credentialSource?: string;
  /** The program of `credential_process` (its basename; its arguments may hold secrets). */
  process?: string;
  webIdentity?: boolean;
  ssoSession?: string;
  ssoStartUrl?: string;
  ssoAccountId?: string;
  ssoRoleName?: string;
}

export function configFile(env: NodeJS.ProcessEnv): string {
  return env.AWS_CONFIG_FILE ?? join(env.HOME ?? homedir(), '.aws', 'config');
}

export function credentialsFile(env: NodeJS.ProcessEnv): string {
  return env.AWS_SHARED_CREDENTIALS_FILE ?? join(env.HOME ?? homedir(), '.aws', 'credentials');
}

async function readOptional(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return '';
  }
}

/** Section name → the facts we show; every other key, secrets included, is skipped. */
function sections(text: string, isConfig: boolean): Map<string, Section> {
  const out = new Map<string, Section>();
  let current: Section | undefined;
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
    const value = entry[2]!.trim();
    switch (entry[1]) {
      case 'region':
        current.region = value;
        break;
      case 'aws_access_key_id':
        current.staticKeys = true;
        break;
      case 'aws_session_token':
        current.sessionToken = true;
        break;
      case 'role_arn':
        current.roleArn = value;
        break;
      case 'source_profile':
        current.sourceProfile = value;
        break;
      case 'credential_source':
        current.credentialSource = value;
        break;
      case 'credential_process':
        current.process = basename(value.split(/\s+/)[0] ?? '');
        break;
      case 'web_identity_token_file':
        current.webIdentity = true;
        break;
      case 'sso_session':
        current.sso = true;
        current.ssoSession = value;
        break;
      case 'sso_start_url':
        current.sso = true;
        current.ssoStartUrl = value;
        break;
      case 'sso_account_id':
        current.ssoAccountId = value;
        break;
      case 'sso_role_name':
        current.ssoRoleName = value;
        break;
    }
  }
  return out;
}

/** What the two files say about one profile: the config section, and whether the credentials file has keys for it. */
export interface ProfileFacts {
  config: Section | undefined;
  credentials: Section | undefined;
  configPath: string;
  credentialsPath: string;
}

export async function profileFacts(name: string, env: NodeJS.ProcessEnv = process.env): Promise<ProfileFacts> {
  const configPath = configFile(env);
  const credentialsPath = credentialsFile(env);
  return {
    config: sections(await readOptional(configPath), true).get(name),
    credentials: sections(await readOptional(credentialsPath), false).get(name),
    configPath,
    credentialsPath,
  };
}

/** `/home/me/.aws/credentials` → `~/.aws/credentials` (shorter, and the same for every user). */
function shortPath(path: string, env: NodeJS.ProcessEnv): string {
  const home = env.HOME ?? homedir();
  return home && path.startsWith(`${home}/`) ? `~${path.slice(home.length)}` : path;
}

function ssoText(s: Section): string {
  const where = s.ssoSession ? `session ${s.ssoSession}` : (s.ssoStartUrl ?? 'SSO');
  const role = [s.ssoAccountId && `account ${s.ssoAccountId}`, s.ssoRoleName && `role ${s.ssoRoleName}`].filter(
    Boolean,
  );
  return `IAM Identity Center (SSO) ${where}${role.length ? `, ${role.join(', ')}` : ''}; the token comes from \`aws sso login\``;
}

function staticText(facts: ProfileFacts, env: NodeJS.ProcessEnv): string {
  const inCredentials = facts.credentials?.staticKeys === true;
  const file = shortPath(inCredentials ? facts.credentialsPath : facts.configPath, env);
  const temporary = (inCredentials ? facts.credentials : facts.config)?.sessionToken;
  return `${temporary ? 'temporary keys (with a session token)' : 'static access keys'} in ${file}`;
}

/**
 * Where a profile's credentials come from, in words. `used` is what the SDK's resolution reports it used (the
 * `$source` feature flags of resolved credentials); without it (a picker, before resolving) the files decide, in the
 * SDK's own order: assume role, static keys, web identity, credential_process, SSO.
 */
export function describeProfileSource(
  facts: ProfileFacts,
  env: NodeJS.ProcessEnv = process.env,
  used: ReadonlySet<string> = new Set(),
): string {
  const s: Section = { ...facts.credentials, ...facts.config, sso: facts.config?.sso === true };
  const fromFlags =
    used.has('CREDENTIALS_STS_ASSUME_ROLE') || (used.size === 0 && s.roleArn && (s.sourceProfile || s.credentialSource))
      ? 'assume-role'
      : used.has('CREDENTIALS_PROFILE') ||
          (used.size === 0 && (facts.credentials?.staticKeys || facts.config?.staticKeys))
        ? 'static'
        : used.has('CREDENTIALS_PROFILE_STS_WEB_ID_TOKEN') || (used.size === 0 && s.webIdentity)
          ? 'web-identity'
          : used.has('CREDENTIALS_PROFILE_PROCESS') || (used.size === 0 && s.process)
            ? 'process'
            : [...used].some((f) => f.includes('SSO')) || (used.size === 0 && s.sso)
              ? 'sso'
              : 'unknown';
  switch (fromFlags) {
    case 'assume-role':
      return `assume role ${s.roleArn ?? '(role_arn)'} with ${
        s.sourceProfile ? `profile ${s.sourceProfile}` : `credential_source ${s.credentialSource}`
      }`;
    case 'static':
      return staticText(facts, env);
    case 'web-identity':
      return `web identity token file (role ${s.roleArn ?? '?'})`;
    case 'process':
      return `credential_process (program ${s.process ?? '?'})`;
    case 'sso':
      return ssoText(s);
    default:
      return `no credentials configured in ${shortPath(facts.configPath, env)} or ${shortPath(facts.credentialsPath, env)}`;
  }
}

/**
 * The profile names of the shared config and credentials files (for a picker), with their region, whether they
 * use SSO, and where their credentials come from. Only names and those facts are read out: never keys or secrets.
 */
export async function listAwsProfiles(env: NodeJS.ProcessEnv = process.env): Promise<AwsProfileInfo[]> {
  const configPath = configFile(env);
  const credentialsPath = credentialsFile(env);
  const config = sections(await readOptional(configPath), true);
  const credentials = sections(await readOptional(credentialsPath), false);
  const names = new Set([...config.keys(), ...credentials.keys()]);
  return [...names].sort().map((name) => {
    const fromConfig = config.get(name);
    const facts = { config: fromConfig, credentials: credentials.get(name), configPath, credentialsPath };
    return {
      name,
      ...(fromConfig?.region ? { region: fromConfig.region } : {}),
      sso: fromConfig?.sso === true,
      source: describeProfileSource(facts, env),
    };
  });
}
