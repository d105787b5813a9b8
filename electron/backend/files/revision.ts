import { createHash } from 'node:crypto';

/** What a file's content was when the caller saw it: the SHA-256 of its bytes, in hex. */
export function revisionOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
