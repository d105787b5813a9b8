import type { MenuItemConstructorOptions } from 'electron';
import type { ThemeChoice } from '../../shared/api/ipc-bridge.js';

export interface MenuActions {
  newFromTemplate(template: string): void;
  open(): void;
  openRecent(path: string): void;
  save(): void;
  saveAs(): void;
  import(): void;
  export(): void;
  setTheme(theme: ThemeChoice): void;
  /** Opens one of HELP_LINKS in the browser (through the vetted external opener). */
  openHelp(url: string): void;
  about(): void;
}

export interface MenuInput {
  platform: NodeJS.Platform;
  templates: readonly { name: string; title: string }[];
  recent: readonly string[];
  theme: ThemeChoice;
  /** Development builds get Reload and the developer tools. */
  devTools: boolean;
  actions: MenuActions;
}

/** Help menu pages; all on allow-listed hosts of policy/external-links.ts (a test checks it). */
export const HELP_LINKS: readonly { label: string; url: string }[] = [
  {
    label: 'DynamoDB Developer Guide',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Introduction.html',
  },
  {
    label: 'Single-Table Design Best Practices',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-general-nosql-design.html',
  },
  {
    label: 'DynamoDB Quotas and Limits',
    url: 'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/ServiceQuotas.html',
  },
];

const THEMES: readonly { theme: ThemeChoice; label: string }[] = [
  { theme: 'system', label: 'System' },
  { theme: 'light', label: 'Light' },
  { theme: 'dark', label: 'Dark' },
];

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** The native menus (File, Edit, View, Help; the app menu on macOS) as Electron's template, built from plain data. */
export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const { actions } = input;
  const mac = input.platform === 'darwin';
  const recent: MenuItemConstructorOptions[] =
    input.recent.length === 0
      ? [{ label: 'No recent models', enabled: false }]
      : input.recent.map((path) => ({ label: baseName(path), toolTip: path, click: () => actions.openRecent(path) }));

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      {
        label: 'New from Template',
        submenu: input.templates.map((t) => ({ label: t.title, click: () => actions.newFromTemplate(t.name) })),
      },
      { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      { label: 'Open Recent', submenu: recent },
      { type: 'separator' },
      { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => actions.save() },
      { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveAs() },
      { type: 'separator' },
      { label: 'Import…', click: () => actions.import() },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.export() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      {
        label: 'Theme',
        submenu: THEMES.map(({ theme, label }) => ({
          label,
          type: 'radio',
          checked: input.theme === theme,
          click: () => actions.setTheme(theme),
        })),
      },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(input.devTools
        ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' }] as MenuItemConstructorOptions[])
        : []),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [
      ...HELP_LINKS.map(({ label, url }) => ({ label, click: () => actions.openHelp(url) })),
      ...(mac ? [] : ([{ type: 'separator' }, { label: 'About Monotable', click: () => actions.about() }] as const)),
    ],
  };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'Monotable',
          submenu: [
            { label: 'About Monotable', click: () => actions.about() },
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  return [...appMenu, file, edit, view, help];
}
