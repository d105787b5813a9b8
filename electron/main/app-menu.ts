import { app, dialog, Menu, nativeTheme } from 'electron';
import type { Envelope } from '../../shared/api/define.js';
import type { ThemeChoice } from '../../shared/api/ipc-bridge.js';
import { openExternalVetted } from './external.js';
import { buildMenuTemplate } from './menu-template.js';
import type { WindowManager } from './windows.js';

const MODEL_FILTERS = [{ name: 'Monotable model', extensions: ['json'] }];
const IMPORT_FILTERS = [
  { name: 'NoSQL Workbench model or CloudFormation template', extensions: ['json', 'yaml', 'yml', 'template'] },
];

/** The paths of a `file.recent` result (the backend keeps the list; newest first), at most ten. */
function recentPaths(envelope: Envelope<unknown>): string[] {
  return envelope.ok ? (envelope.value as { paths: string[] }).paths.slice(0, 10) : [];
}

/**
 * The native menus, wired to dialogs and to the page's commands. Template names come from `templates.list` and
 * recent files from `file.recent` (the backend keeps that list), both asked through the backend like any call.
 */
export function createAppMenu(input: {
  windows: WindowManager;
  callBackend(method: string, input: unknown): Promise<Envelope<unknown>>;
  devTools: boolean;
}) {
  const { windows } = input;
  let templates: { name: string; title: string }[] = [];
  let recent: string[] = [];
  let theme: ThemeChoice = 'system';

  function render(): void {
    const template = buildMenuTemplate({
      platform: process.platform,
      templates,
      recent,
      theme,
      devTools: input.devTools,
      actions: {
        newFromTemplate: (name) => withWindow((w) => windows.command(w, { name: 'new-from-template', template: name })),
        open: () =>
          withWindow(async (w) => {
            const result = await dialog.showOpenDialog(w.window, {
              title: 'Open Model',
              filters: MODEL_FILTERS,
              properties: ['openFile'],
            });
            const path = result.filePaths[0];
            if (!result.canceled && path) windows.command(w, { name: 'open', path });
          }),
        openRecent: (path) => withWindow((w) => windows.command(w, { name: 'open', path })),
        save: () =>
          withWindow(async (w) => {
            const path = w.document.path ?? (await windows.savePath(w));
            if (path) windows.command(w, { name: 'save', path, thenClose: false });
          }),
        saveAs: () =>
          withWindow(async (w) => {
            const path = await windows.savePath(w);
            if (path) windows.command(w, { name: 'save', path, thenClose: false });
          }),
        import: () =>
          withWindow(async (w) => {
            const result = await dialog.showOpenDialog(w.window, {
              title: 'Import Model',
              filters: IMPORT_FILTERS,
              properties: ['openFile'],
            });
            const path = result.filePaths[0];
            if (!result.canceled && path) windows.command(w, { name: 'import', path });
          }),
        export: () => withWindow((w) => windows.command(w, { name: 'export' })),
        setTheme: (choice) => {
          theme = choice;
          nativeTheme.themeSource = choice;
          windows.notifyAll({ kind: 'command', command: { name: 'theme', theme: choice } });
          render();
        },
        openHelp: (url) => void openExternalVetted(url),
        about: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: 'About Monotable',
            message: `Monotable ${app.getVersion()}`,
            detail:
              'A desktop workbench for DynamoDB single-table design.\nElectron ' +
              `${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}.\nApache-2.0`,
          }),
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function withWindow(action: (w: NonNullable<ReturnType<WindowManager['current']>>) => void | Promise<void>): void {
    const current = windows.current();
    if (current) void Promise.resolve(action(current)).catch((error) => console.error('[monotable] menu', error));
  }

  async function refresh(): Promise<void> {
    const list = await input.callBackend('templates.list', {});
    if (list.ok) templates = (list.value as { templates: { name: string; title: string }[] }).templates;
    recent = recentPaths(await input.callBackend('file.recent', {}));
    render();
  }

  render();
  return { refresh };
}
