import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { MonotableError } from '../../../shared/errors/monotable-error.js';
import { sleep } from '../retry/backoff.js';
import { configFile } from './aws-profiles.js';

/** Where a profile signs in: its sso-session (or the legacy keys in the profile itself). */
export interface SsoTarget {
  profile: string;
  /** The cache file is named after the session name, or after the start URL for a legacy profile. */
  sessionName?: string;
  startUrl: string;
  region: string;
  scopes?: string[];
}

/** What the user opens to approve the sign-in (the device authorization of IAM Identity Center). */
export interface DeviceCode {
  verificationUri: string;
  verificationUriComplete?: string;
  userCode: string;
  expiresInSeconds: number;
}

function sectionsOf(text: string): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  let current: Record<string, string> | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      current = {};
      out.set(header[1]!.replace(/\s+/g, ' '), current);
      continue;
    }
    const entry = /^([A-Za-z0-9_]+)\s*=\s*(.*)$/.exec(line);
    if (current && entry) current[entry[1]!] = entry[2]!.trim();
  }
  return out;
}

/** The SSO settings of a profile from the config file; undefined when it is not an SSO profile. */
export async function ssoTarget(profile: string, env: NodeJS.ProcessEnv = process.env): Promise<SsoTarget | undefined> {
  const text = await readFile(configFile(env), 'utf8').catch(() => '');
  const all = sectionsOf(text);
  const section = all.get(profile === 'default' ? 'default' : `profile ${profile}`);
  if (!section) return undefined;
  if (section.sso_session) {
    const session = all.get(`sso-session ${section.sso_session}`);
    if (!session?.sso_start_url || !session.sso_region) return undefined;
    const scopes = session.sso_registration_scopes?.split(',').map((s) => s.trim());
    return {
      profile,
      sessionName: section.sso_session,
      startUrl: session.sso_start_url,
      region: session.sso_region,
      ...(scopes?.length ? { scopes } : {}),
    };
  }
  if (section.sso_start_url && section.sso_region)
    return { profile, startUrl: section.sso_start_url, region: section.sso_region };
  return undefined;
}

/** The OIDC service of IAM Identity Center, or the endpoint the environment names (as the SDKs honour it). */
function oidcEndpoint(region: string, env: NodeJS.ProcessEnv): string {
  return env.AWS_ENDPOINT_URL_SSO_OIDC ?? env.AWS_ENDPOINT_URL ?? `https://oidc.${region}.amazonaws.com`;
}

async function post<T>(base: string, path: string, body: unknown, signal: AbortSignal): Promise<T> {
  const response = await fetch(new URL(path, base.endsWith('/') ? base : `${base}/`), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal,
  });
  const value = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    const type = String(value.error ?? value.__type ?? response.headers.get('x-amzn-errortype') ?? response.status);
    throw Object.assign(new Error(String(value.error_description ?? value.message ?? type)), { type });
  }
  return value as T;
}

/** The SSO token cache file the AWS CLI v2 and the SDKs read (`~/.aws/sso/cache/<sha1>.json`). */
export function tokenCacheFile(target: SsoTarget, env: NodeJS.ProcessEnv = process.env): string {
  const key = createHash('sha1')
    .update(target.sessionName ?? target.startUrl)
    .digest('hex');
  return join(env.HOME ?? homedir(), '.aws', 'sso', 'cache', `${key}.json`);
}

/**
 * Signs a profile in again the way `aws sso login` does: registers a public OIDC client, starts a device
 * authorization (`onCode` tells the user where to approve it), polls for the token, and writes it to the SSO cache
 * file the CLI and the SDKs read. Tokens and client secrets go only into that file, never into a message.
 */
export async function signInSso(
  target: SsoTarget,
  onCode: (code: DeviceCode) => void,
  signal: AbortSignal,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ expiresAt: string }> {
  const base = oidcEndpoint(target.region, env);
  const fail = (what: string, error: unknown): MonotableError =>
    new MonotableError(
      'CREDENTIALS',
      `Signing in profile "${target.profile}" failed: ${what} (${(error as Error).message}).`,
      {
        profile: target.profile,
        hint: `Try again, or run \`aws sso login --profile ${target.profile}\` in a terminal (AWS CLI v2) and then retry.`,
      },
    );
  let client: { clientId: string; clientSecret: string; clientSecretExpiresAt?: number };
  let device: {
    deviceCode: string;
    userCode: string;
    verificationUri: string;
    verificationUriComplete?: string;
    expiresIn: number;
    interval?: number;
  };
  try {
    client = await post(
      base,
      'client/register',
      {
        clientName: 'monotable',
        clientType: 'public',
        ...(target.scopes ? { scopes: target.scopes } : {}),
      },
      signal,
    );
    device = await post(
      base,
      'device_authorization',
      {
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        startUrl: target.startUrl,
      },
      signal,
    );
  } catch (error) {
    if (signal.aborted)
      throw new MonotableError('CANCELLED', 'Sign-in cancelled.', { hint: 'Sign in again when ready.' });
    throw fail(`IAM Identity Center at ${base} did not start a sign-in`, error);
  }
  onCode({
    verificationUri: device.verificationUri,
    ...(device.verificationUriComplete ? { verificationUriComplete: device.verificationUriComplete } : {}),
    userCode: device.userCode,
    expiresInSeconds: device.expiresIn,
  });
  const deadline = Date.now() + device.expiresIn * 1000;
  let interval = Math.max(1, device.interval ?? 5) * 1000;
  for (;;) {
    if (signal.aborted)
      throw new MonotableError('CANCELLED', 'Sign-in cancelled.', { hint: 'Sign in again when ready.' });
    if (Date.now() > deadline)
      throw new MonotableError(
        'CREDENTIALS',
        `The sign-in code for profile "${target.profile}" expired before it was approved.`,
        {
          profile: target.profile,
          hint: 'Sign in again and approve the code in the browser within its time.',
        },
      );
    let token: { accessToken: string; expiresIn: number; refreshToken?: string };
    try {
      token = await post(
        base,
        'token',
        {
          clientId: client.clientId,
          clientSecret: client.clientSecret,
          grantType: 'urn:ietf:params:oauth:grant-type:device_code',
          deviceCode: device.deviceCode,
        },
        signal,
      );
    } catch (error) {
      const type = (error as { type?: string }).type ?? '';
      if (/AuthorizationPending|authorization_pending/.test(type)) {
        await sleep(interval, signal);
        continue;
      }
      if (/SlowDown|slow_down/.test(type)) {
        interval += 5000;
        await sleep(interval, signal);
        continue;
      }
      if (signal.aborted) continue;
      throw fail('the code was not approved', error);
    }
    const expiresAt = new Date(Date.now() + token.expiresIn * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const file = tokenCacheFile(target, env);
    await mkdir(join(file, '..'), { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(
      temp,
      JSON.stringify({
        startUrl: target.startUrl,
        region: target.region,
        accessToken: token.accessToken,
        expiresAt,
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        ...(client.clientSecretExpiresAt
          ? { registrationExpiresAt: new Date(client.clientSecretExpiresAt * 1000).toISOString() }
          : {}),
        ...(token.refreshToken ? { refreshToken: token.refreshToken } : {}),
      }),
      { mode: 0o600 },
    );
    await rename(temp, file);
    return { expiresAt };
  }
}
