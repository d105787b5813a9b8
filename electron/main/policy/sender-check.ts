import { isAppUrl } from './app-origin.js';

/** What main knows about who sent an IPC message (`event.senderFrame`, `event.sender.id`). */
export interface IpcSender {
  /** The webContents id of the sender. */
  webContentsId: number;
  /** The sending frame; null when it navigated away or was destroyed before the message was handled. */
  frame: { url: string; isMainFrame: boolean } | null;
}

/**
 * An IPC message is handled only when it comes from the main frame of one of the app's own windows showing the
 * app's own page: not from a subframe, not from a page that navigated elsewhere, not from an unknown webContents.
 */
export function isTrustedSender(sender: IpcSender, appWebContentsIds: ReadonlySet<number>): boolean {
  if (!appWebContentsIds.has(sender.webContentsId)) return false;
  if (!sender.frame?.isMainFrame) return false;
  return isAppUrl(sender.frame.url);
}
