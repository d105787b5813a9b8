// Which request dynalite's code is running for, so that an error thrown deep in one of its callbacks answers that
// request (a 500 naming its operation, its locks released) instead of ending the process. The context is carried by
// hand, not by AsyncLocalStorage: its async hooks run on every promise LevelDB creates and cost the engine about a
// fifth more CPU per written item. Every way dynalite continues asynchronously goes through the store (item, index
// and table reads and writes, value streams, item locks), and store-instrument.js binds each to the request that
// started it; what runs inside is the request's synchronous code, where `current` names it.
let current;

/** Requests being served (for an error that reaches the process without a context: with one in flight, it is that one). */
export const inFlight = new Set();

export function currentRequest() {
  return current;
}

/**
 * A context whose fail(error) releases every lock the request still holds, then calls onFail once; done() marks the
 * request answered.
 */
export function createRequestContext(operation, onFail) {
  const releases = new Set();
  let finished = false;
  const context = {
    operation,
    releases,
    done() {
      finished = true;
      inFlight.delete(context);
    },
    fail(error) {
      if (finished) return;
      finished = true;
      inFlight.delete(context);
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
  inFlight.add(context);
  return context;
}

/** Runs fn for the request: `current` names it meanwhile, and an error thrown synchronously fails that request. */
export function runInRequest(context, fn, ...args) {
  const previous = current;
  current = context;
  try {
    return fn(...args);
  } catch (error) {
    if (!context) throw error;
    process.stderr.write(`[engine] ${context.operation} failed inside dynalite: ${error?.stack ?? error}\n`);
    context.fail(error);
    return undefined;
  } finally {
    current = previous;
  }
}

/** fn bound to the request running now (unchanged when none is). */
export function bindToCurrent(fn) {
  const context = current;
  if (!context || typeof fn !== 'function') return fn;
  return (...args) => runInRequest(context, fn, ...args);
}
