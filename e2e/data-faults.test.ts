import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../test/support/fault-proxy.js';
import { describeInBrowser } from './support/browser.js';
import { engineStatus, killEngine } from './support/page-api.js';
import { servedBrowser } from './support/served-browser.js';
import { bannerCount, collectPageErrors, cruddurTableOnData } from './support/ui.js';

const SHOTS = process.env.MONOTABLE_SCREENSHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Waits for a text in the dialog; on timeout the error carries what the dialog showed instead. */
async function waitForText(dialog: Locator, text: string, timeout: number): Promise<void> {
  try {
    await dialog.getByText(text, { exact: true }).waitFor({ timeout });
  } catch (error) {
    throw new Error(`"${text}" did not appear; the dialog shows: ${await dialog.textContent().catch(() => '?')}`, {
      cause: error,
    });
  }
}

/** A figure of the seed summary (`Written`, `Skipped as existing`, …). */
async function figure(dialog: Locator, name: string): Promise<number> {
  const text = await dialog.locator(`dt:text-is("${name}") + dd`).textContent();
  return Number((text ?? '').replaceAll(',', ''));
}

function resultsStatus(page: Page): Promise<string | null> {
  return page.locator('section.results').getAttribute('data-status');
}

/** Counts the selected table's items with the tables panel's Count (a Scan with Select COUNT). */
async function countedItems(page: Page, table: string): Promise<string> {
  await page.getByRole('button', { name: `Count the items of ${table}` }).click();
  return (
    (await page
      .getByRole('button', { name: `Table ${table}`, exact: true })
      .locator('..')
      .textContent()) ?? ''
  );
}

/** Opens Seed…, sets the counts (and seed number), starts it; returns the dialog. */
async function startSeed(page: Page, counts: { conversations: number; messages: number; seed?: number }) {
  await page.getByRole('button', { name: 'Seed…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Seed cruddur-messages' });
  await waitForText(dialog, 'Conversation', 30_000);
  await dialog.getByLabel('Conversation count').fill(String(counts.conversations));
  await dialog.getByLabel('Message count', { exact: true }).fill(String(counts.messages));
  if (counts.seed !== undefined) await dialog.getByLabel('Seed number').fill(String(counts.seed));
  const planned = 2 * counts.conversations + counts.messages;
  await expect.poll(() => dialog.textContent()).toContain(`${planned.toLocaleString('en-US')} items planned`);
  await dialog.getByRole('button', { name: 'Seed', exact: true }).click();
  await dialog.getByRole('progressbar').waitFor();
  return dialog;
}

describeInBrowser('faults the data screens survive', () => {
  const served = servedBrowser('faults');
  let proxy: FaultProxy | undefined;
  let errors: string[] = [];
  afterAll(async () => {
    await proxy?.close();
  });

  it('the engine killed during a seed: what was written, Seed again continues, and the count is the plan', async () => {
    const { page } = served.browser;
    await page.setViewportSize({ width: 1400, height: 900 });
    errors = collectPageErrors(page);
    await cruddurTableOnData(page, served.server.url);

    const dialog = await startSeed(page, { conversations: 200, messages: 19_600 });
    const bar = dialog.getByRole('progressbar');
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000, interval: 50 })
      .toBeGreaterThan(1000);
    const killed = await killEngine(page);

    // The dialog says what happened, what was written, and how to go on; the page is not left "running".
    await waitForText(dialog, 'Seed stopped', 60_000);
    const summary = (await dialog.getByRole('status').textContent()) ?? '';
    expect(summary).toMatch(/the embedded engine does not answer .*it stopped or was killed/);
    expect(summary).toMatch(/\d+ of 20000 items were written/);
    expect(summary).toContain('or Seed… again in the app): it continues, skipping the items that exist');
    const written = await figure(dialog, 'Written');
    expect(written).toBeGreaterThan(1000);
    expect(written).toBeLessThan(20_000);
    expect(await dialog.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
    await shot(page, 'data-fault-seed-killed');

    // Seed again: the engine comes back (another process), existing items are skipped, the rest written.
    await dialog.getByRole('button', { name: 'Seed again' }).click();
    await waitForText(dialog, 'Seed finished', 240_000);
    expect((await engineStatus(page)).pid).not.toBe(killed);
    const skipped = await figure(dialog, 'Skipped as existing');
    expect(skipped).toBeGreaterThanOrEqual(written);
    expect((await figure(dialog, 'Written')) + skipped).toBe(20_000);
    expect(await figure(dialog, 'Failed')).toBe(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const restarted = page
      .getByRole('note')
      .filter({ hasText: 'The embedded engine had stopped: it was started again' });
    await restarted.getByRole('button', { name: 'Dismiss' }).click();
    await expect
      .poll(() => countedItems(page, 'cruddur-messages'), { interval: 1000, timeout: 60_000 })
      .toContain('20,000 items');
  }, 420_000);

  it('the engine killed during Load all: the rows read stay, the message says so, and Load all continues', async () => {
    const { page } = served.browser;
    await page.getByRole('tab', { name: 'Scan' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.getByLabel('Rows per load').selectOption('100');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => bannerCount(page), { timeout: 30_000 }).toBe(100);
    await expect.poll(() => resultsStatus(page)).toBe('more');

    await page.getByRole('button', { name: 'Load all' }).click();
    await expect.poll(() => bannerCount(page), { timeout: 60_000, interval: 20 }).toBeGreaterThan(100);
    await killEngine(page);
    await expect.poll(() => resultsStatus(page), { timeout: 60_000 }).toBe('failed');
    const alert = page.locator('section.results').getByRole('alert');
    expect(await alert.textContent()).toMatch(/the embedded engine does not answer .*it stopped or was killed/);
    expect(await alert.textContent()).toContain('What was read stays here; Load more continues from the last page.');
    const kept = await bannerCount(page);
    expect(kept).toBeGreaterThan(100);
    expect(kept).toBeLessThan(20_000);
    expect(await page.getByRole('grid', { name: 'Results' }).locator('tbody tr').count()).toBeGreaterThan(0);
    await shot(page, 'data-fault-scan-killed');

    // The page starts the engine again by itself and says so; Load all goes on from the last page, no row twice.
    await page.getByRole('note').filter({ hasText: 'The embedded engine had stopped: it was started again' }).waitFor();
    await page.getByRole('button', { name: 'Load all' }).click();
    await expect.poll(() => resultsStatus(page), { timeout: 120_000 }).toBe('done');
    expect(await bannerCount(page)).toBe(20_000);
    expect(await page.locator('section.results').getByRole('alert').count()).toBe(0);
  }, 240_000);

  it('bad credentials: the connection and a run say which key the endpoint rejected and what to do', async () => {
    const { page } = served.browser;
    const engine = await engineStatus(page);
    proxy = await startFaultProxy(engine.endpoint!, { rules: [{ fault: 'reject-credentials' }] });

    await page.getByRole('button', { name: 'Connections', exact: true }).click();
    await page.getByLabel('Endpoint URL').fill(proxy.endpoint);
    await page.getByRole('button', { name: 'Connect to endpoint' }).click();
    const refused = page.locator('.screen-body > [role="alert"]');
    await expect
      .poll(() => refused.textContent(), { timeout: 30_000 })
      .toMatch(
        /rejected the request signed with access key id "local" in region us-east-1 \(UnrecognizedClientException/,
      );
    expect(await refused.textContent()).toContain('add an AWS profile connection instead');
    await shot(page, 'connections-bad-credentials');

    // The same endpoint accepts the key now; then starts refusing the signature in the middle of the work.
    proxy.setFaults({ rules: [] });
    await page.getByRole('button', { name: 'Connect to endpoint' }).click();
    await page.getByRole('button', { name: /^Connection: Endpoint · us-east-1 · key local/ }).waitFor();
    expect(await refused.count()).toBe(0);
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    await page.getByRole('button', { name: 'Table cruddur-messages', exact: true }).waitFor({ timeout: 30_000 });
    proxy.setFaults({ rules: [{ fault: 'reject-credentials', errorType: 'InvalidSignatureException' }] });
    await page.getByRole('tab', { name: 'Scan' }).click();
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(() => resultsStatus(page), { timeout: 30_000 }).toBe('failed');
    const alert = page.locator('section.results').getByRole('alert');
    expect(await alert.textContent()).toMatch(
      /rejected the request signed with access key id "local" in region us-east-1 \(InvalidSignatureException/,
    );
    expect(await alert.textContent()).toContain('DynamoDB Local and the embedded engine accept any key');
    proxy.setFaults({ rules: [] });
  }, 120_000);

  it('a throttling endpoint: the seed retries with backoff and writes every item; endless throttling fails clearly', async () => {
    const { page } = served.browser;
    const current = proxy!;
    await page.getByRole('button', { name: 'Refresh tables' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Table cruddur-messages', exact: true }).textContent())
      .toContain('ACTIVE');
    current.setFaults({
      seed: 7,
      rules: [
        { fault: 'throttle', operations: ['BatchWriteItem'], probability: 0.4, errorType: 'ThrottlingException' },
      ],
    });
    const dialog = await startSeed(page, { conversations: 20, messages: 960, seed: 7 });
    await waitForText(dialog, 'Seed finished', 180_000);
    expect(await figure(dialog, 'Written')).toBe(1000);
    expect(await figure(dialog, 'Failed')).toBe(0);
    const retries = dialog.locator('.seed-retries');
    expect(Number(await retries.getAttribute('data-retries'))).toBeGreaterThan(0);
    expect(await retries.textContent()).toMatch(/requests? retried with backoff/);
    expect(current.stats.throttled).toBeGreaterThan(0);
    await shot(page, 'data-fault-throttled-seed');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect
      .poll(() => countedItems(page, 'cruddur-messages'), { interval: 1000, timeout: 60_000 })
      .toContain('21,000 items');

    // Throttling that never stops: every batch gives up after its attempts, and the summary says why and what next.
    current.setFaults({ rules: [{ fault: 'throttle', operations: ['BatchWriteItem'] }] });
    const endless = await startSeed(page, { conversations: 1, messages: 48, seed: 8 });
    await waitForText(endless, 'Seed finished: 50 items failed', 240_000);
    expect(await figure(endless, 'Written')).toBe(0);
    const why = (await endless.getByRole('list', { name: 'Why items failed' }).textContent()) ?? '';
    expect(why).toMatch(/throttled the request .*ProvisionedThroughputExceededException.*gave up after 10 attempts/);
    expect(await endless.textContent()).toContain('Seed again runs the same plan');
    expect(await endless.getByRole('button', { name: 'Seed again' }).isEnabled()).toBe(true);
    await shot(page, 'data-fault-throttled-endless');
    current.setFaults({ rules: [] });
    await endless.getByRole('button', { name: 'Close' }).click();
    expect(errors).toEqual([]);
  }, 420_000);
});
