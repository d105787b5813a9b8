import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import type { DocumentState, SavePathRequest } from '../../../shared/api/ipc-bridge.js';
import { checkSavePathRequest } from '../../preload/bridge.js';
import { IPC_CHANNELS } from '../../preload/channels.js';
import { type IpcSender, isTrustedSender } from '../policy/sender-check.js';
import type { Relay } from './relay.js';

/** Who sent an IPC message: the webContents id and the sending frame (null once it navigated or was destroyed). */
export function senderOf(event: Pick<IpcMainEvent | IpcMainInvokeEvent, 'sender' | 'senderFrame'>): IpcSender {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frame: frame ? { url: frame.url, isMainFrame: frame.parent === null } : null,
  };
}

/**
 * The four channels main listens on, each message's sender checked: calls and cancels go to the relay (which
 * checks the sender itself), document reports and save dialogs to the window manager only from a trusted sender.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'on'>,
  relay: Pick<Relay, 'call' | 'cancel'>,
  windows: {
    ids(): ReadonlySet<number>;
    setDocument(webContentsId: number, state: DocumentState): void;
    chooseSavePath(webContentsId: number, request: SavePathRequest): Promise<string | undefined>;
  },
): void {
  ipcMain.handle(IPC_CHANNELS.call, (event, payload: unknown) => relay.call(senderOf(event), payload));
  ipcMain.handle(IPC_CHANNELS.savePath, async (event, payload: unknown) => {
    if (!isTrustedSender(senderOf(event), windows.ids())) return null;
    let request: SavePathRequest;
    try {
      request = checkSavePathRequest(payload);
    } catch {
      return null;
    }
    return (await windows.chooseSavePath(event.sender.id, request)) ?? null;
  });
  ipcMain.on(IPC_CHANNELS.cancel, (event, payload: unknown) => relay.cancel(senderOf(event), payload));
  ipcMain.on(IPC_CHANNELS.document, (event, payload: unknown) => {
    if (!isTrustedSender(senderOf(event), windows.ids())) return;
    const state = payload as DocumentState | null;
    if (typeof state?.dirty !== 'boolean') return;
    windows.setDocument(event.sender.id, {
      dirty: state.dirty,
      ...(typeof state.path === 'string' ? { path: state.path } : {}),
      ...(typeof state.title === 'string' ? { title: state.title.slice(0, 200) } : {}),
    });
  });
}
