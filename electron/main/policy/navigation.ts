import { isAppUrl } from './app-origin.js';
import { isVettedExternalUrl } from './external-links.js';

/**
 * `will-navigate` / `will-redirect` / `will-frame-navigate`: the page may only move within the app itself (a reload,
 * a hash change). A vetted external link clicked in the page opens in the browser instead; anything else is dropped.
 */
export function navigationDecision(url: string): { allow: boolean; openExternally: boolean } {
  if (isAppUrl(url)) return { allow: true, openExternally: false };
  return { allow: false, openExternally: isVettedExternalUrl(url) };
}

/** `setWindowOpenHandler`: the app never opens a second window from a page; vetted links go to the browser. */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isVettedExternalUrl(url) };
}
