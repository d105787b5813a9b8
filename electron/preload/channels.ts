/**
 * The six fixed IPC channels between the preload and main. The page never names a channel: the preload's bridge
 * functions each use one of these, and main handles nothing else.
 */
export const IPC_CHANNELS = {
  /** renderer → main (invoke): `{ callId, method, input }` → Envelope. */
  call: 'monotable:call',
  /** renderer → main (send): `{ callId }`. */
  cancel: 'monotable:cancel',
  /** main → renderer: `{ callId, event }`. */
  event: 'monotable:event',
  /** main → renderer: a HostEvent. */
  host: 'monotable:host',
  /** renderer → main (send): a DocumentState. */
  document: 'monotable:document',
  /** renderer → main (invoke): a SavePathRequest → the path chosen in the native save dialog, or null. */
  savePath: 'monotable:save-path',
} as const;
