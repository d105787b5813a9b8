import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  type PartitionedEndpoint,
  SCAN_ITEMS,
  SSO_ACCESS_KEY_ID,
  startPartitionedEndpoint,
} from '../test/support/partitioned-endpoint.js';
import { type BrowserHandle, describeInBrowser, launchBrowser } from './support/browser.js';
import { type ServeHandle, startServe } from './support/serve.js';
import { bannerCount, collectPageErrors } from './support/ui.js';

const SHOTS = process.env.MONOTABLE_SCREENSHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

// A real secret access key is 40 characters; it must never reach the page.
const SECRET = 'wJalrXUtnFEMIK7MDENGbPxRfiCYzzSECRETKEY0';

describeInBrowser('connections: where credentials come from, and an endpoint that lists no tables', () => {
  let folder: string;
  let endpoint: PartitionedEndpoint;
  let server: ServeHandle;
  let browser: BrowserHandle;
  let ssoCache: string;

  /** The SSO token cache file as `aws sso login` writes it (named after the sso-session). */
  async function writeSsoToken(accessToken: string, expiresAt: string): Promise<void> {
    await writeFile(
      ssoCache,
      JSON.stringify({ startUrl: 'https://team.awsapps.com/start', region: 'eu-west-1', accessToken, expiresAt }),
    );
  }

  beforeAll(async () => {
    folder = await realpath(await mkdtemp(join(tmpdir(), 'monotable-e2e-connections-')));
    const home = join(folder, 'home');
    await mkdir(join(home, '.aws'), { recursive: true });
    await writeFile(
      join(home, '.aws', 'config'),
      [
        '[profile dev]',
        'region = eu-west-1',
        '',
        '[profile team-sso]',
        'sso_session = team',
        'sso_account_id = 123456789012',
        'sso_role_name = Developer',
        '',
        '[sso-session team]',
        'sso_start_url = https://team.awsapps.com/start',
        'sso_region = eu-west-1',
        '',
      ].join('\n'),
    );
    await writeFile(
      join(home, '.aws', 'credentials'),
      ['[dev]', 'aws_access_key_id = AKIAEXAMPLEEXAMPLE12', `aws_secret_access_key = ${SECRET}`, ''].join('\n'),
    );
    // DynamoDB Local without -sharedDb: the tables live under another key and region than the form's defaults.
    endpoint = await startPartitionedEndpoint({
      'fakeMyKeyId/us-west-2': ['orders', 'customers', 'audit'],
      'AKIAEXAMPLEEXAMPLE12/eu-west-1': ['cruddur-messages'],
      [`${SSO_ACCESS_KEY_ID}/eu-west-1`]: ['cruddur-messages'],
    });
    await mkdir(join(home, '.aws', 'sso', 'cache'), { recursive: true });
    ssoCache = join(home, '.aws', 'sso', 'cache', `${createHash('sha1').update('team').digest('hex')}.json`);
    endpoint.ssoTokens.add('first-token');
    await writeSsoToken('first-token', '2099-01-01T00:00:00Z');
    browser = await launchBrowser();
    server = await startServe({
      root: folder,
      env: {
        HOME: home,
        AWS_CONFIG_FILE: join(home, '.aws', 'config'),
        AWS_SHARED_CREDENTIALS_FILE: join(home, '.aws', 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
        // Every AWS service the server calls goes to the loopback stand-in: nothing leaves the machine.
        AWS_ENDPOINT_URL: endpoint.endpoint,
      },
    });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    await endpoint?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('no tables under the default key and region: the probe finds them, one click switches the connection', async () => {
    const { page } = browser;
    await page.setViewportSize({ width: 1400, height: 900 });
    const errors = collectPageErrors(page);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Cruddur messaging', exact: true }).click();
    await page.getByRole('button', { name: 'Connections', exact: true }).click();
    await page.getByLabel('Endpoint URL').fill(endpoint.endpoint);
    await page.getByRole('button', { name: 'Connect to endpoint' }).click();
    await page.getByRole('button', { name: /^Connection: Endpoint · us-east-1 · key local/ }).waitFor();
    await page.getByRole('button', { name: 'Data', exact: true }).click();

    const note = page.getByRole('note', { name: 'No tables' });
    await note.waitFor({ timeout: 30_000 });
    expect(await note.textContent()).toContain(
      'This endpoint lists no tables for access key id local in region us-east-1. DynamoDB Local keeps a separate set of tables for each access key id and region unless it was started with -sharedDb.',
    );
    const fix = note.getByRole('button', { name: 'Use access key fakeMyKeyId, region us-west-2 (3 tables)' });
    await fix.waitFor({ timeout: 30_000 });
    await shot(page, 'data-no-tables-fix');
    await fix.click();
    await page.getByRole('button', { name: /^Connection: Endpoint · us-west-2 · key fakeMyKeyId/ }).waitFor();
    for (const table of ['orders', 'customers', 'audit']) {
      await page.getByRole('button', { name: `Table ${table}`, exact: true }).waitFor({ timeout: 30_000 });
    }
    expect(await note.count()).toBe(0);
    // One connection to the endpoint: the old one was closed when the new pair replaced it.
    await page.getByRole('button', { name: 'Connections', exact: true }).click();
    expect(await page.getByRole('listitem', { name: /^Endpoint \(DynamoDB Local, LocalStack\)/ }).count()).toBe(1);
    expect(errors).toEqual([]);
  }, 120_000);

  it('an AWS profile shows where its credentials come from, from the resolution, never the secret', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Connections', exact: true }).click();
    const profile = page.getByRole('combobox', { name: /^Profile/ });
    await profile.fill('team-sso');
    await page
      .getByText(
        'Credentials: IAM Identity Center (SSO) session team, account 123456789012, role Developer; the token comes from `aws sso login`',
      )
      .waitFor();
    await profile.fill('dev');
    await page.getByText('Credentials: static access keys in ~/.aws/credentials').waitFor();
    expect(await page.getByLabel('Region', { exact: true }).last().inputValue()).toBe('eu-west-1');
    await page.getByRole('button', { name: 'Connect to AWS' }).click();
    const card = page.getByRole('listitem', { name: /^AWS: AWS profile dev, region eu-west-1/ });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.locator('[data-fact="credential-source"]').textContent()).toBe(
      'profile dev: static access keys in ~/.aws/credentials',
    );
    await shot(page, 'connections-aws-profile');
    const html = await page.content();
    expect(html).not.toContain(SECRET);
    expect(html).not.toContain('AKIAEXAMPLEEXAMPLE12');
    // The table of that key and region, through the same (loopback) endpoint.
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('button', { name: 'Table cruddur-messages', exact: true }).waitFor({ timeout: 30_000 });
  }, 120_000);

  it('an expired SSO sign-in: the UI says so, Sign in again renews it in place, and the open results stay', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Connections', exact: true }).click();
    await page.getByRole('combobox', { name: /^Profile/ }).fill('team-sso');
    await page.getByLabel('Region', { exact: true }).last().fill('eu-west-1');
    await page.getByLabel('Production', { exact: true }).last().uncheck();
    await page.getByRole('button', { name: 'Connect to AWS' }).click();
    const card = page.getByRole('listitem', { name: /^AWS: AWS profile team-sso, region eu-west-1/ });
    await card.waitFor({ timeout: 30_000 });
    expect(await card.locator('[data-fact="credential-source"]').textContent()).toBe(
      'profile team-sso: IAM Identity Center (SSO) session team, account 123456789012, role Developer; the token comes from `aws sso login`',
    );

    // A first page of a Scan is on screen, with more to load.
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('button', { name: 'Table cruddur-messages', exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole('tab', { name: 'Scan' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const results = page.locator('section.results');
    await expect.poll(() => results.getAttribute('data-status'), { timeout: 30_000 }).not.toBe('running');
    await page.getByLabel('Rows per load').selectOption('100');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => results.getAttribute('data-status'), { timeout: 30_000 }).toBe('more');
    expect(await bannerCount(page)).toBe(100);

    // The session ends (token revoked, and expired in the cache): Load more fails, and the page says why.
    endpoint.expire();
    await writeSsoToken('first-token', '2020-01-01T00:00:00Z');
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => results.getAttribute('data-status'), { timeout: 30_000 }).toBe('failed');
    expect(await results.getByRole('alert').textContent()).toMatch(
      /IAM Identity Center \(SSO\) sign-in of profile team-sso has expired or was revoked .*ExpiredTokenException/,
    );
    const offer = page.getByRole('alert', { name: 'Sign-in expired' });
    await offer.waitFor({ timeout: 30_000 });
    expect(await offer.textContent()).toMatch(/sign-in of profile team-sso has expired/);
    expect(await offer.textContent()).toContain('aws sso login --profile team-sso');
    expect(await bannerCount(page)).toBe(100);
    await shot(page, 'data-sso-expired');

    // Sign in again: the device code flow against IAM Identity Center (the loopback stand-in approves it).
    await offer.getByRole('button', { name: 'Sign in again' }).click();
    await page.getByRole('note', { name: 'Signed in' }).waitFor({ timeout: 60_000 });
    const cached = JSON.parse(await readFile(ssoCache, 'utf8')) as { accessToken: string; expiresAt: string };
    expect(cached.accessToken).toBe('stand-in-token-1');
    expect(Date.parse(cached.expiresAt)).toBeGreaterThan(Date.now());
    expect(await page.content()).not.toContain('stand-in-token-1');
    // The open results are still there, and Load more goes on from where it stopped.
    expect(await bannerCount(page)).toBe(100);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => results.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await bannerCount(page)).toBe(SCAN_ITEMS);
  }, 120_000);
});
