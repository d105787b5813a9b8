// Entry of the engine process in the desktop app (an Electron utilityProcess started by main.ts for the backend).
// The engine script (electron/backend/engine/engine-child.js) talks to its parent with process.send, which a
// utilityProcess does not have: here process.send posts on process.parentPort instead, then the script runs as is.
const parentPort = process.parentPort;
if (!parentPort) {
  process.stderr.write('engine-host runs only as an Electron utilityProcess (process.parentPort is missing).\n');
  process.exit(2);
}
process.send = (message: unknown): boolean => {
  parentPort.postMessage(message);
  return true;
};
// A URL, not a literal specifier: the script is plain JavaScript without type declarations.
await import(new URL('../../backend/engine/engine-child.js', import.meta.url).href);
