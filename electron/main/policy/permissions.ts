import { isAppUrl } from './app-origin.js';

/**
 * The one permission the app uses: writing text to the clipboard (the Copy buttons of the export and code views,
 * `navigator.clipboard.writeText`), and only from the app's own page. Everything else (camera, microphone,
 * notifications, geolocation, clipboard reads, HID, serial, MIDI, …) is denied, whatever the origin.
 */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionRequestDecision(permission: string, requestingUrl: string): boolean {
  return APP_PERMISSIONS.has(permission) && isAppUrl(requestingUrl);
}

export function permissionCheckDecision(permission: string, requestingOrigin: string): boolean {
  return APP_PERMISSIONS.has(permission) && isAppUrl(requestingOrigin);
}

/** Device pickers (`select-hid-device`, `select-serial-port`, `select-usb-device`, bluetooth): never grant. */
export function devicePermissionDecision(): boolean {
  return false;
}
