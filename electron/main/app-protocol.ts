import { protocol } from 'electron';
import { APP_SCHEME } from './policy/app-origin.js';
import { appResponse } from './policy/app-response.js';

/** Before `ready`: the app scheme is standard (real origin, relative URLs) and secure (like https). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After `ready`: serves the built renderer (policy/app-response.ts). */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(rendererRoot, request));
}
