import { expect, it } from 'vitest';
import { describeInBrowser } from './support/browser.js';
import { servedBrowser } from './support/served-browser.js';
import { cruddurTableOnData } from './support/ui.js';

describeInBrowser('a seed outlives a page reload', () => {
  const served = servedBrowser('reload');

  it('the seed goes on in the backend while the page reloads, and the page finds its progress again', async () => {
    const { page } = served.browser;
    await page.setViewportSize({ width: 1400, height: 900 });
    await cruddurTableOnData(page, served.server.url);
    await page.getByRole('button', { name: 'Seed…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Seed cruddur-messages' });
    await dialog.getByLabel('Conversation count').fill('200');
    await dialog.getByLabel('Message count', { exact: true }).fill('19600');
    await expect.poll(() => dialog.textContent()).toContain('20,000 items planned');
    await dialog.getByRole('button', { name: 'Seed', exact: true }).click();
    const bar = dialog.getByRole('progressbar');
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
      .toBeGreaterThan(0);

    // Reload: the model comes back from the autosave journal is not needed here; the seed's progress must.
    await page.reload();
    await page.getByRole('button', { name: 'Data', exact: true }).click();
    const again = page.getByRole('progressbar', { name: 'Seeding cruddur-messages' });
    await again.waitFor({ timeout: 30_000 });
    const after = Number(await again.getAttribute('aria-valuenow'));
    expect(after).toBeGreaterThan(0);
    await expect
      .poll(async () => Number(await again.getAttribute('aria-valuenow')), { timeout: 240_000, interval: 500 })
      .toBe(20_000);
  }, 360_000);
});
