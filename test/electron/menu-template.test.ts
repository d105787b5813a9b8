import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, HELP_LINKS, type MenuActions } from '../../electron/main/menu-template.js';

function recordingActions() {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) =>
      calls.push([name, ...args].join(' '));
  const actions: MenuActions = {
    newFromTemplate: record('newFromTemplate'),
    open: record('open'),
    openRecent: record('openRecent'),
    save: record('save'),
    saveAs: record('saveAs'),
    import: record('import'),
    export: record('export'),
    setTheme: record('setTheme'),
    openHelp: record('openHelp'),
    about: record('about'),
  };
  return { actions, calls };
}

function find(items: MenuItemConstructorOptions[], ...labels: string[]): MenuItemConstructorOptions {
  let current: MenuItemConstructorOptions | undefined;
  let list = items;
  for (const label of labels) {
    current = list.find((i) => i.label?.replace('&', '') === label);
    if (!current) throw new Error(`no menu item ${labels.join(' > ')}`);
    list = (current.submenu as MenuItemConstructorOptions[]) ?? [];
  }
  return current!;
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as () => void)();
}

const input = (platform: NodeJS.Platform, recent: string[] = []) => {
  const { actions, calls } = recordingActions();
  const template = buildMenuTemplate({
    platform,
    templates: [{ name: 'cruddur-messaging', title: 'Cruddur messaging' }],
    recent,
    theme: 'dark',
    devTools: false,
    actions,
  });
  return { template, calls };
};

describe('native menus', () => {
  it('File, Edit, View and Help on Linux and Windows; the app menu first on macOS', () => {
    expect(input('linux').template.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    expect(input('darwin').template.map((m) => m.label)).toEqual(['Monotable', '&File', '&Edit', '&View', '&Help']);
  });

  it('File has New from Template, Open, Open Recent, Save, Save As, Import and Export, each wired', () => {
    const { template, calls } = input('linux', ['/m/shop.monotable.json']);
    click(find(template, 'File', 'New from Template', 'Cruddur messaging'));
    click(find(template, 'File', 'Open…'));
    click(find(template, 'File', 'Open Recent', 'shop.monotable.json'));
    click(find(template, 'File', 'Save'));
    click(find(template, 'File', 'Save As…'));
    click(find(template, 'File', 'Import…'));
    click(find(template, 'File', 'Export…'));
    expect(calls).toEqual([
      'newFromTemplate cruddur-messaging',
      'open',
      'openRecent /m/shop.monotable.json',
      'save',
      'saveAs',
      'import',
      'export',
    ]);
    expect(find(template, 'File', 'Save').accelerator).toBe('CmdOrCtrl+S');
  });

  it('an empty Open Recent says so', () => {
    const item = find(input('linux').template, 'File', 'Open Recent', 'No recent models');
    expect(item.enabled).toBe(false);
  });

  it('View has the theme choice (current one checked) and zoom; no developer tools in a packaged build', () => {
    const { template, calls } = input('linux');
    const themes = find(template, 'View', 'Theme').submenu as MenuItemConstructorOptions[];
    expect(themes.map((t) => [t.label, t.checked])).toEqual([
      ['System', false],
      ['Light', false],
      ['Dark', true],
    ]);
    click(themes[1]!);
    expect(calls).toEqual(['setTheme light']);
    const roles = (find(template, 'View').submenu as MenuItemConstructorOptions[]).map((i) => i.role).filter(Boolean);
    expect(roles).toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom']));
    expect(roles).not.toContain('toggleDevTools');
  });

  it('Help opens its pages through the external opener action', () => {
    const { template, calls } = input('linux');
    click(find(template, 'Help', HELP_LINKS[0]!.label));
    expect(calls).toEqual([`openHelp ${HELP_LINKS[0]!.url}`]);
  });
});
