// Renders build/icon.svg to build/icon.png (1024x1024, transparent corners) with Debian chromium:
// `node scripts/render-icon.mjs build/icon.svg build/icon.png`. The PNG is committed; electron-builder derives
// the .icns/.ico and the Linux sizes from it.
import { readFileSync } from 'node:fs';
import { launchChromium } from './served-ui.mjs';
const svg = readFileSync(process.argv[2], 'utf8');
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: process.argv[3], omitBackground: true });
await browser.close();
