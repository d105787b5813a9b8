/**
 * The app needs no browser permission (camera, microphone, notifications, geolocation, clipboard-read, HID, serial,
 * MIDI…), so every request and every check is denied, whatever the origin. Copy and paste of text in inputs are
 * editing commands, not permission requests, and keep working.
 */
export function permissionRequestDecision(_permission: string, _requestingUrl: string): boolean {
  return false;
}

export function permissionCheckDecision(_permission: string, _requestingOrigin: string): boolean {
  return false;
}

/** Device pickers (`select-hid-device`, `select-serial-port`, `select-usb-device`, bluetooth): never grant. */
export function devicePermissionDecision(): boolean {
  return false;
}
