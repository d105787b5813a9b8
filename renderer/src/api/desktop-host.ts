import type { HostCommand, HostEvent, ThemeChoice } from '../../../shared/api/ipc-bridge.js';
import { onHostEvent } from './ipc-client.js';

/** What the page does for each native menu command of the desktop app (paths come from native dialogs). */
export interface DesktopCommandHandlers {
  newFromTemplate(template: string): void | Promise<void>;
  open(path: string): void | Promise<void>;
  import(path: string): void | Promise<void>;
  /** Saves the open model to `path`; then the page reports `{ dirty: false }` (reportDocument), which lets a pending close go on. */
  save(path: string): void | Promise<void>;
  export(): void;
  theme(theme: ThemeChoice): void;
  /** Engine crashed / restarted, backend restarted: a notice for the status bar. */
  notice(event: Exclude<HostEvent, { kind: 'command' }>): void;
}

function run(command: HostCommand, handlers: DesktopCommandHandlers): void | Promise<void> {
  switch (command.name) {
    case 'new-from-template':
      return handlers.newFromTemplate(command.template);
    case 'open':
      return handlers.open(command.path);
    case 'import':
      return handlers.import(command.path);
    case 'save':
      return handlers.save(command.path);
    case 'export':
      return handlers.export();
    case 'theme':
      return handlers.theme(command.theme);
  }
}

/**
 * Connects the desktop app's menus and process notices to the page (a no-op in a browser). Call once at start-up;
 * returns the function that disconnects. Errors of a handler are logged, never thrown into the bridge.
 */
export function installDesktopHost(handlers: DesktopCommandHandlers): () => void {
  return onHostEvent((event) => {
    if (event.kind !== 'command') {
      handlers.notice(event);
      return;
    }
    void Promise.resolve()
      .then(() => run(event.command, handlers))
      .catch((error: unknown) => console.error(`[monotable] menu command ${event.command.name} failed`, error));
  });
}
