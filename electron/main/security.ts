import { app, type Session, type WebContents } from 'electron';
import { openExternalVetted } from './external.js';
import { navigationDecision, windowOpenDecision } from './policy/navigation.js';
import { devicePermissionDecision, permissionCheckDecision, permissionRequestDecision } from './policy/permissions.js';

/** Session-wide: every permission request and check is denied, device pickers never grant. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionRequestDecision(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionCheckDecision(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => devicePermissionDecision());
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('will-download', (event) => event.preventDefault());
}

function guardNavigation(contents: WebContents): void {
  const onNavigate = (event: { preventDefault(): void }, url: string): void => {
    const decision = navigationDecision(url);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternally) void openExternalVetted(url);
  };
  contents.on('will-navigate', (event) => onNavigate(event, event.url));
  contents.on('will-frame-navigate', (event) => onNavigate(event, event.url));
  contents.on('will-redirect', (event) => onNavigate(event, event.url));
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    if (decision.openExternally) void openExternalVetted(url);
    return { action: decision.action };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every webContents the app ever creates (windows, devtools excepted by Electron) gets the navigation guards. */
export function hardenAllWebContents(): void {
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
}
