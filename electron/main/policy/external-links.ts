/**
 * The one way a URL leaves the app for the user's browser: https only, on a short list of hosts (the project's
 * pages and AWS documentation), without credentials or an unusual port. Everything else is refused.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'github.com',
  'docs.aws.amazon.com',
  'aws.amazon.com',
  'console.aws.amazon.com',
];

export function isVettedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    hosts.includes(parsed.hostname)
  );
}

/**
 * Wraps the opener (Electron's `shell.openExternal`, passed in by main.ts, the only place that names it) so that it
 * is called only for vetted URLs. Resolves to whether the URL was opened.
 */
export function createExternalOpener(
  open: (url: string) => Promise<void>,
  hosts: readonly string[] = EXTERNAL_HOSTS,
): (url: string) => Promise<boolean> {
  return async (url) => {
    if (!isVettedExternalUrl(url, hosts)) return false;
    await open(new URL(url).href);
    return true;
  };
}
