import { shell } from 'electron';
import { createExternalOpener } from './policy/external-links.js';

/**
 * The only caller of `shell.openExternal` in the app (the static check in test/electron fails on any other): https
 * links to allow-listed hosts, everything else refused and logged.
 */
const opener = createExternalOpener((url) => shell.openExternal(url));

export async function openExternalVetted(url: string): Promise<boolean> {
  const opened = await opener(url).catch(() => false);
  if (!opened) console.warn(`[monotable] refused to open ${JSON.stringify(url.slice(0, 200))} outside the app`);
  return opened;
}
