// Binds every asynchronous continuation of dynalite's store to the request that started it (see request-context.js),
// and records the per-item locks a request holds so that a failed request releases them: dynalite takes one inside
// PutItem/UpdateItem/DeleteItem, and an error while holding it would leave the item locked forever.
import { bindToCurrent, currentRequest, runInRequest } from './request-context.js';

function bindStream(stream) {
  const context = currentRequest();
  if (!context) return stream;
  const emit = stream.emit;
  stream.emit = function (...args) {
    return runInRequest(context, () => emit.apply(this, args));
  };
  return stream;
}

function trackedLock(lock) {
  return (key, exec) => {
    const context = currentRequest();
    lock(key, (release) => {
      let released = false;
      const forceRelease = () => {
        if (released) return;
        released = true;
        release(() => undefined)();
      };
      context?.releases.add(forceRelease);
      // The lock library resumes a waiter from inside the releasing request: run it as its own request again.
      runInRequest(context, exec, (callback) => {
        const inner = release(callback);
        return (...args) => {
          if (released) return callback?.(...args);
          released = true;
          context?.releases.delete(forceRelease);
          return inner(...args);
        };
      });
    });
  };
}

function instrument(sub) {
  if (!sub || sub.monotableInstrumented) return sub;
  for (const method of ['get', 'put', 'del', 'batch']) {
    const original = sub[method];
    sub[method] = (...args) => {
      const last = args.length - 1;
      if (typeof args[last] === 'function') args[last] = bindToCurrent(args[last]);
      return original.apply(sub, args);
    };
  }
  for (const method of ['createValueStream', 'createKeyStream']) {
    const original = sub[method];
    sub[method] = (options) => bindStream(original.call(sub, options));
  }
  if (typeof sub.lock === 'function') sub.lock = trackedLock(sub.lock);
  sub.monotableInstrumented = true;
  return sub;
}

/** Instruments the store's sub-databases (as dynalite creates them lazily) in place. */
export function instrumentStore(store) {
  for (const getter of ['getItemDb', 'getIndexDb', 'getTagDb']) {
    const original = store[getter];
    store[getter] = (...args) => instrument(original(...args));
  }
  instrument(store.tableDb);
  return store;
}
