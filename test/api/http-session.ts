import WebSocket from 'ws';
import { createHttpClient, type HttpApiClient, type WebSocketConstructor } from '../../renderer/src/api/http-client.js';

/** What a browser holds after opening the printed url: the session cookie, and fetch / WebSocket that send it. */
export interface HttpSession {
  cookie: string;
  fetch: typeof fetch;
  WebSocketImpl: WebSocketConstructor;
  client: HttpApiClient;
}

/** Exchanges the launch token for the session cookie the way a browser does (GET, 303 + Set-Cookie), outside a browser. */
export async function openHttpSession(url: string): Promise<HttpSession> {
  const origin = new URL(url).origin;
  const response = await fetch(url, { redirect: 'manual' });
  const setCookie = response.headers.get('set-cookie');
  if (response.status !== 303 || !setCookie) throw new Error(`token exchange failed: HTTP ${response.status}`);
  const cookie = setCookie.split(';')[0]!;
  const withCookie: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Cookie', cookie);
    return fetch(input, { ...init, headers });
  };
  class CookieWebSocket extends WebSocket {
    constructor(address: string) {
      super(address, { headers: { Cookie: cookie } });
    }
  }
  const WebSocketImpl = CookieWebSocket as unknown as WebSocketConstructor;
  return {
    cookie,
    fetch: withCookie,
    WebSocketImpl,
    client: createHttpClient({ baseUrl: origin, fetchImpl: withCookie, WebSocketImpl }),
  };
}
