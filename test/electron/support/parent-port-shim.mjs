// Gives a plain Node child process the `process.parentPort` of an Electron utilityProcess, over Node's IPC channel
// (fork with serialization: 'advanced', which is structured clone like Electron's ports). Lets the tests run the
// built utilityProcess entries (backend-host.js, engine-host.js) as real processes without the Electron binary.
const send = process.send.bind(process);
const listeners = [];
process.on('message', (data) => {
  for (const listener of listeners) listener({ data });
});
Object.defineProperty(process, 'parentPort', {
  value: {
    postMessage: (message) => send(message),
    on: (event, listener) => {
      if (event === 'message') listeners.push(listener);
    },
  },
});
