import type { z } from 'zod';
import type { ConnectionInfoSchema, ConnectionSpecSchema } from '../../../../shared/api/methods/connection.js';
import { ApiFailure, callApi, failureText } from '../../files/api-call.js';
import { createStore, useStore } from '../../state/store.js';

export type ConnectionInfo = z.output<typeof ConnectionInfoSchema>;
export type ConnectionSpec = z.input<typeof ConnectionSpecSchema>;

export interface ConnectionsState {
  connections: readonly ConnectionInfo[];
  activeId?: string;
  /** The embedded engine is being started / a connection is being opened. */
  busy?: string;
  error?: string;
  /** Something that happened on its own and the user should know (the embedded engine was started again). */
  notice?: string;
  /** An SSO connection whose sign-in expired: what failed, for the "Sign in again" offer. */
  signIn?: { connectionId: string; profile: string; message: string };
}

const ACTIVE_KEY = 'monotable.activeConnection';

const store = createStore<ConnectionsState>({ connections: [] });

export function useConnections(): ConnectionsState {
  return useStore(store);
}

export function useActiveConnection(): ConnectionInfo | undefined {
  const state = useStore(store);
  return state.connections.find((c) => c.connectionId === state.activeId);
}

export function getActiveConnection(): ConnectionInfo | undefined {
  const state = store.get();
  return state.connections.find((c) => c.connectionId === state.activeId);
}

function remember(id: string | undefined): void {
  try {
    if (id) localStorage.setItem(ACTIVE_KEY, id);
    else localStorage.removeItem(ACTIVE_KEY);
  } catch {
    // storage may be unavailable (private mode): the choice then lasts for this page only
  }
}

function remembered(): string | undefined {
  try {
    return localStorage.getItem(ACTIVE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Reads the backend's open connections (they outlive a page reload) and keeps the remembered active one. */
export async function refreshConnections(): Promise<void> {
  const { connections } = await callApi('connection.list', {});
  store.update((s) => {
    const wanted = s.activeId ?? remembered();
    const activeId = connections.some((c) => c.connectionId === wanted)
      ? wanted
      : connections.find((c) => c.kind === 'embedded')?.connectionId;
    return { ...s, connections, ...(activeId ? { activeId } : { activeId: undefined }) };
  });
}

let starting: Promise<ConnectionInfo> | undefined;

/**
 * The active connection; on first use, the embedded engine (see ensureEmbeddedConnection). An embedded engine that
 * stopped or was killed is started again first (same data folder), so running an action again after a crash just
 * works: the connection follows the engine to its new port, and open results keep their connection.
 */
export function ensureConnection(): Promise<ConnectionInfo> {
  const active = getActiveConnection();
  if (active?.kind === 'embedded' && engineSuspect) return reviveEmbeddedEngine(active);
  if (active) return Promise.resolve(active);
  return ensureEmbeddedConnection();
}

let reviving: Promise<ConnectionInfo> | undefined;
/** A call could not reach the embedded engine: the next action checks it (and starts it again) first. */
let engineSuspect = false;

/** Called when a call failed because the embedded engine did not answer (CONNECTION_FAILED). */
export function suspectEngine(): void {
  engineSuspect = true;
}

/**
 * Reaches the embedded engine again, starting it when it stopped or was killed (same folder, same connection id, so
 * open results go on with Load more); concurrent callers share the one check. A notice says when it was restarted.
 */
export function reviveEmbeddedEngine(active: ConnectionInfo): Promise<ConnectionInfo> {
  reviving ??= (async () => {
    try {
      const { restarted, connection } = await callApi('connection.revive', { connectionId: active.connectionId });
      engineSuspect = false;
      store.update((s) => ({
        ...s,
        connections: s.connections.map((c) => (c.connectionId === connection.connectionId ? connection : c)),
        ...(restarted ? { notice: 'The embedded engine had stopped: it was started again, with its data.' } : {}),
      }));
      return connection;
    } catch (error) {
      store.update((s) => ({ ...s, error: failureText(error) }));
      throw error;
    } finally {
      reviving = undefined;
    }
  })();
  return reviving;
}

/**
 * Resolves once a restart of the embedded engine under way has ended (at once when none is), so that a read asked for
 * meanwhile (Load more just after a kill) goes to the engine's new port instead of failing once more.
 */
export function engineRevived(): Promise<void> {
  return (reviving ?? Promise.resolve()).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * After a call failed on an AWS connection: resolves its credentials again in place. When the SSO sign-in itself
 * expired, remembers it so the screens offer "Sign in again"; when only the role credentials had run out, the
 * refresh renews them and the next call works.
 */
export async function checkAwsCredentials(active: ConnectionInfo): Promise<void> {
  try {
    const info = await callApi('connection.refresh', { connectionId: active.connectionId });
    store.update((s) => ({
      ...s,
      connections: s.connections.map((c) => (c.connectionId === info.connectionId ? info : c)),
      signIn: undefined,
    }));
  } catch (error) {
    if (error instanceof ApiFailure && error.details.signIn === 'sso') {
      const profile = String(error.details.profile ?? active.ssoProfile ?? '');
      store.update((s) => ({ ...s, signIn: { connectionId: active.connectionId, profile, message: error.message } }));
    }
  }
}

/** The sign-in was renewed (or dismissed): the offer goes away, the connection's facts are updated. */
export function signedIn(info: ConnectionInfo | undefined): void {
  store.update((s) => ({
    ...s,
    signIn: undefined,
    ...(info ? { connections: s.connections.map((c) => (c.connectionId === info.connectionId ? info : c)) } : {}),
  }));
}

/** Forgets the notice of the last restart (its Dismiss). */
export function dismissNotice(): void {
  store.update((s) => ({ ...s, notice: undefined }));
}

/**
 * Makes the embedded engine the active connection: the one already open in the backend, or the engine started
 * (engine.start) and connected, with nothing to set up. Concurrent callers share the one start.
 */
export function ensureEmbeddedConnection(): Promise<ConnectionInfo> {
  starting ??= (async () => {
    try {
      await refreshConnections().catch(() => undefined);
      const found = store.get().connections.find((c) => c.kind === 'embedded');
      if (found) {
        activateConnection(found.connectionId);
        return found;
      }
      store.update((s) => ({ ...s, busy: 'Starting the embedded engine…', error: undefined }));
      try {
        await callApi('engine.start', {});
      } catch (error) {
        // e.g. a damaged data folder: the report (what could be read, what could not) goes to the status display.
        store.update((s) => ({ ...s, error: failureText(error) }));
        throw error;
      }
      return await openConnection({ kind: 'embedded' });
    } finally {
      starting = undefined;
      store.update((s) => ({ ...s, busy: undefined }));
    }
  })();
  return starting;
}

/** Opens a connection and makes it the active one. */
export async function openConnection(spec: ConnectionSpec): Promise<ConnectionInfo> {
  store.update((s) => ({ ...s, busy: 'Connecting…', error: undefined }));
  try {
    const info = await callApi('connection.open', spec);
    store.update((s) => ({ ...s, connections: [...s.connections, info], activeId: info.connectionId }));
    remember(info.connectionId);
    return info;
  } catch (error) {
    store.update((s) => ({ ...s, error: failureText(error) }));
    throw error;
  } finally {
    store.update((s) => ({ ...s, busy: undefined }));
  }
}

export function activateConnection(connectionId: string): void {
  store.update((s) => ({ ...s, activeId: connectionId }));
  remember(connectionId);
}

export async function closeConnection(connectionId: string): Promise<void> {
  await callApi('connection.close', { connectionId });
  store.update((s) => {
    const connections = s.connections.filter((c) => c.connectionId !== connectionId);
    return { ...s, connections, activeId: s.activeId === connectionId ? undefined : s.activeId };
  });
  if (store.get().activeId === undefined) remember(undefined);
}

/**
 * Opens the same target again with other marks (production, read-only) or another access key / region, and closes
 * the old one: the backend fixes the marks when a connection opens.
 */
export async function reopenConnection(old: ConnectionInfo, spec: ConnectionSpec): Promise<ConnectionInfo> {
  const info = await openConnection(spec);
  await closeConnection(old.connectionId).catch(() => undefined);
  return info;
}

/** The endpoint url of an endpoint connection (its label starts with it). */
export function endpointUrl(info: ConnectionInfo): string | undefined {
  return info.kind === 'endpoint' ? /^endpoint (\S+)/.exec(info.label)?.[1] : undefined;
}

/** The AWS profile of an AWS connection (its label names it). */
export function awsProfile(info: ConnectionInfo): string | undefined {
  return info.kind === 'aws' ? /^AWS profile ([^,]+),/.exec(info.label)?.[1] : undefined;
}

/** The spec a connection was opened with, rebuilt from its info, with `change` applied (for reopening). */
export function specOf(info: ConnectionInfo, change: Partial<{ production: boolean; readOnly: boolean }> = {}) {
  const marks = { production: info.production, readOnly: info.readOnly, ...change };
  if (info.kind === 'embedded') return { kind: 'embedded', ...marks } satisfies ConnectionSpec;
  const url = endpointUrl(info);
  if (info.kind === 'endpoint' && url) {
    return {
      kind: 'endpoint',
      url,
      region: info.region,
      ...(info.accessKeyId ? { accessKeyId: info.accessKeyId } : {}),
      ...marks,
    } satisfies ConnectionSpec;
  }
  const profile = awsProfile(info);
  return { kind: 'aws', region: info.region, ...(profile ? { profile } : {}), ...marks } satisfies ConnectionSpec;
}

export function setConnectionError(error: string | undefined): void {
  store.update((s) => ({ ...s, error }));
}
