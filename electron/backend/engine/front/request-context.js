// The request being served, carried through dynalite's callbacks: its operation, the locks it holds, and how to
// answer it if dynalite throws somewhere asynchronous (the error then reaches process 'uncaughtException').
import { AsyncLocalStorage } from 'node:async_hooks';

export const requestContext = new AsyncLocalStorage();

/** A context whose fail(error) releases every lock the request still holds, then calls onFail once. */
export function createRequestContext(operation, onFail) {
  const releases = new Set();
  let failed = false;
  return {
    operation,
    releases,
    fail(error) {
      if (failed) return;
      failed = true;
      for (const release of [...releases]) {
        try {
          release();
        } catch {
          // a lock already gone: nothing to release
        }
      }
      releases.clear();
      onFail(error);
    },
  };
}
