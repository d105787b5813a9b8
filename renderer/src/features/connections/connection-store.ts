import type { z } from 'zod';
import type { ConnectionInfoSchema, ConnectionSpecSchema } from '../../../../shared/api/methods/connection.js';
import { callApi, failureText } from '../../files/api-call.js';
import { createStore, useStore } from '../../state/store.js';

export type ConnectionInfo = z.output<typeof ConnectionInfoSchema>;
export type ConnectionSpec = z.input<typeof ConnectionSpecSchema>;

export interface ConnectionsState {
  connections: readonly ConnectionInfo[];
  activeId?: string;
  /** The embedded engine is being started / a connection is being opened. */
  busy?: string;
  error?: string;
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

/** The active connection; on first use, the embedded engine (see ensureEmbeddedConnection). */
export function ensureConnection(): Promise<ConnectionInfo> {
  const active = getActiveConnection();
  if (active) return Promise.resolve(active);
  return ensureEmbeddedConnection();
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
