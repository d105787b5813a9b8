import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppUrl, resolveAppAsset } from '../../electron/main/policy/app-origin.js';
import { CSP_DIRECTIVES, contentSecurityPolicy, securityHeaders } from '../../electron/main/policy/csp.js';
import {
  createExternalOpener,
  EXTERNAL_HOSTS,
  isVettedExternalUrl,
} from '../../electron/main/policy/external-links.js';
import { navigationDecision, windowOpenDecision } from '../../electron/main/policy/navigation.js';
import {
  devicePermissionDecision,
  permissionCheckDecision,
  permissionRequestDecision,
} from '../../electron/main/policy/permissions.js';
import { isTrustedSender } from '../../electron/main/policy/sender-check.js';
import { mainWindowOptions, secureWebPreferences } from '../../electron/main/policy/window-options.js';
import { HELP_LINKS } from '../../electron/main/menu-template.js';

describe('window options', () => {
  const prefs = secureWebPreferences('/app/preload.cjs', { devTools: false });

  it('isolate the page: context isolation, sandbox and web security on; no Node anywhere', () => {
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('the main window uses them, with the remembered bounds, hidden until ready', () => {
    const options = mainWindowOptions({
      preloadPath: '/p.cjs',
      bounds: { x: 10, y: 20, width: 1200, height: 800 },
      devTools: true,
    });
    expect(options).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, show: false, title: 'Monotable' });
    expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs', { devTools: true }));
  });
});

describe('content security policy', () => {
  const csp = contentSecurityPolicy();
  const directive = (name: string): string[] =>
    csp
      .split('; ')
      .find((d) => d.startsWith(`${name} `))
      ?.split(' ')
      .slice(1) ?? [];

  it('allows scripts and connections only from the app itself: no inline script, no eval, no remote host', () => {
    expect(directive('default-src')).toEqual(["'none'"]);
    expect(directive('script-src')).toEqual(["'self'"]);
    expect(directive('connect-src')).toEqual(["'self'"]);
    expect(directive('style-src')).toEqual(["'self'", "'unsafe-inline'"]); // injected <style> of the dialog library
    expect(csp.replace("style-src 'self' 'unsafe-inline'", '')).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('forbids plugins, frames, forms and base changes', () => {
    for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action', 'frame-ancestors'])
      expect(directive(name)).toEqual(["'none'"]);
  });

  it('every directive is in the header string, and the header set carries it with nosniff', () => {
    expect(csp.split('; ')).toHaveLength(Object.keys(CSP_DIRECTIVES).length);
    expect(securityHeaders()).toMatchObject({ 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' });
  });
});

describe('the app origin and its files', () => {
  const root = mkdtempSync(join(tmpdir(), 'monotable-renderer-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('only monotable://app is the app', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('monotable://app/assets/x.js#h')).toBe(true);
    for (const url of [
      'monotable://other/index.html',
      'monotable://user@app/index.html',
      'monotable://app:8080/',
      'https://app/index.html',
      'file:///index.html',
      'not a url',
    ])
      expect(isAppUrl(url), url).toBe(false);
  });

  it('maps app URLs to files inside the renderer folder, with a content type', () => {
    expect(resolveAppAsset(root, 'monotable://app/')).toEqual({
      path: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppAsset(root, 'monotable://app/assets/index-abc.js?v=1')).toEqual({
      path: join(root, 'assets', 'index-abc.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  it('refuses escapes, encoded separators, dot-files, unknown types and other origins', () => {
    // The URL parser already folds `..` and `%2e%2e` segments, so these stay inside the folder:
    for (const url of ['monotable://app/../../secret.html', 'monotable://app/%2e%2e/%2E%2E/secret.html'])
      expect(resolveAppAsset(root, url)?.path, url).toBe(join(root, 'secret.html'));
    for (const url of [
      'monotable://app/assets%2f..%2f..%2fsecret.js',
      'monotable://app/assets/..%5c..%5csecret.js',
      'monotable://app/.env.json',
      'monotable://app/a//b.js',
      'monotable://app/%00.js',
      'monotable://app/tool.exe',
      'monotable://evil/index.html',
      'https://example.com/index.html',
    ])
      expect(resolveAppAsset(root, url), url).toBeNull();
  });
});

describe('navigation and new windows', () => {
  it('the page may move only within the app', () => {
    expect(navigationDecision('monotable://app/index.html#/items')).toEqual({ allow: true, openExternally: false });
    expect(navigationDecision('https://evil.example/')).toEqual({ allow: false, openExternally: false });
    expect(navigationDecision('file:///etc/passwd')).toEqual({ allow: false, openExternally: false });
  });

  it('a vetted link clicked in the page opens in the browser instead of navigating', () => {
    expect(navigationDecision('https://docs.aws.amazon.com/amazondynamodb/')).toEqual({
      allow: false,
      openExternally: true,
    });
  });

  it('new windows are always denied; vetted links go to the browser', () => {
    expect(windowOpenDecision('https://github.com/architect/dynalite')).toEqual({
      action: 'deny',
      openExternally: true,
    });
    expect(windowOpenDecision('monotable://app/index.html')).toEqual({ action: 'deny', openExternally: false });
    expect(windowOpenDecision('javascript:alert(1)')).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('permissions', () => {
  it('every request, check and device picker is denied, whatever the origin', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'hid',
      'serial',
      'openExternal',
    ])
      expect(permissionRequestDecision(permission, 'monotable://app/index.html')).toBe(false);
    expect(permissionCheckDecision('clipboard-sanitized-write', 'monotable://app')).toBe(false);
    expect(devicePermissionDecision()).toBe(false);
  });
});

describe('open external', () => {
  it('only https links to allow-listed hosts, without credentials or ports', () => {
    expect(isVettedExternalUrl('https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/')).toBe(true);
    for (const url of [
      'http://docs.aws.amazon.com/',
      'https://docs.aws.amazon.com.evil.example/',
      'https://evil.example/?https://github.com',
      'https://user:pw@github.com/',
      'https://github.com:8443/',
      'file:///etc/passwd',
      'smb://github.com/share',
      'javascript:alert(1)',
      '',
    ])
      expect(isVettedExternalUrl(url), url).toBe(false);
  });

  it('the opener calls the real opener only for vetted URLs, with the normalised URL', async () => {
    const opened: string[] = [];
    const open = createExternalOpener(async (url) => {
      opened.push(url);
    });
    expect(await open('https://github.com/architect/dynalite')).toBe(true);
    expect(await open('https://evil.example/')).toBe(false);
    expect(await open('ms-settings:')).toBe(false);
    expect(opened).toEqual(['https://github.com/architect/dynalite']);
  });

  it('every Help menu link passes the allow-list', () => {
    for (const { url } of HELP_LINKS) expect(isVettedExternalUrl(url), url).toBe(true);
    expect(EXTERNAL_HOSTS.length).toBeGreaterThan(0);
  });
});

describe('IPC sender check', () => {
  const windows = new Set([7]);
  const app = { url: 'monotable://app/index.html', isMainFrame: true };

  it('accepts the main frame of an app window showing the app', () => {
    expect(isTrustedSender({ webContentsId: 7, frame: app }, windows)).toBe(true);
  });

  it('refuses unknown webContents, subframes, foreign pages and vanished frames', () => {
    expect(isTrustedSender({ webContentsId: 8, frame: app }, windows)).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frame: { ...app, isMainFrame: false } }, windows)).toBe(false);
    expect(
      isTrustedSender({ webContentsId: 7, frame: { url: 'https://evil.example/', isMainFrame: true } }, windows),
    ).toBe(false);
    expect(isTrustedSender({ webContentsId: 7, frame: { url: 'file:///x.html', isMainFrame: true } }, windows)).toBe(
      false,
    );
    expect(isTrustedSender({ webContentsId: 7, frame: null }, windows)).toBe(false);
  });
});
