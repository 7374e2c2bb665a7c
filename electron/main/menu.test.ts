import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../shared/ipc';
import { Menu, resetFakeElectron } from '../testing/fakeElectron';
import { buildMenuTemplate, installMenu } from './menu';

vi.mock('electron', () => import('../testing/fakeElectron'));

beforeEach(() => resetFakeElectron());

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function menu(options: { isMac?: boolean; isPackaged?: boolean } = {}) {
  const send = vi.fn<(command: MenuCommand) => void>();
  const template = buildMenuTemplate({ appName: 'Kith', isMac: false, isPackaged: true, send, ...options });
  const items = flatten(template);
  const byLabel = (label: string): MenuItemConstructorOptions => {
    const item = items.find((candidate) => candidate.label === label);
    if (!item) throw new Error(`no menu item "${label}"`);
    return item;
  };
  return { template, items, byLabel, send };
}

describe('the native menu', () => {
  it.each([
    ['New encounter', 'CmdOrCtrl+N', 'new-encounter'],
    ['Preferences…', 'CmdOrCtrl+,', 'preferences'],
    ['Undo', 'CmdOrCtrl+Z', 'undo'],
    ['Redo', 'CmdOrCtrl+Shift+Z', 'redo'],
    ['Find…', 'CmdOrCtrl+K', 'find'],
  ] as const)('"%s" has %s and sends %s to the renderer', (label, accelerator, command) => {
    const { byLabel, send } = menu();
    const item = byLabel(label);
    expect(item.accelerator).toBe(accelerator);
    (item.click as () => void)();
    expect(send).toHaveBeenCalledWith(command);
  });

  it('has File, Edit, View and Window menus; cut, copy, paste, select all and quit are native', () => {
    const { template, items } = menu();
    expect(template.map((item) => item.label ?? item.role)).toEqual(['File', 'Edit', 'View', 'windowMenu']);
    const roles = items.map((item) => item.role);
    expect(roles).toEqual(
      expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'quit', 'zoomIn', 'zoomOut', 'resetZoom']),
    );
    expect(items.find((item) => item.role === 'quit')?.accelerator).toBe('Ctrl+Q');
  });

  it('leaves out reload and developer tools in a packaged build', () => {
    expect(menu({ isPackaged: true }).items.some((item) => item.role === 'reload')).toBe(false);
    expect(menu({ isPackaged: true }).items.some((item) => item.role === 'toggleDevTools')).toBe(false);
    expect(menu({ isPackaged: false }).items.some((item) => item.role === 'toggleDevTools')).toBe(true);
    expect(menu({ isPackaged: false }).items.some((item) => item.role === 'reload')).toBe(true);
  });

  it('on macOS starts with the app menu, which holds Settings and Quit', () => {
    const { template, byLabel, send } = menu({ isMac: true });
    expect(template[0]?.label).toBe('Kith');
    const appItems = template[0]?.submenu as MenuItemConstructorOptions[];
    expect(appItems.map((item) => item.role)).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    const settings = byLabel('Settings…');
    expect(settings.accelerator).toBe('CmdOrCtrl+,');
    (settings.click as () => void)();
    expect(send).toHaveBeenCalledWith('preferences');
    const fileMenu = template.find((item) => item.label === 'File')?.submenu as MenuItemConstructorOptions[];
    expect(fileMenu.some((item) => item.role === 'quit')).toBe(false);
  });

  it('is installed as the application menu', () => {
    installMenu({ appName: 'Kith', isMac: false, isPackaged: true, send: () => undefined });
    expect(Menu.buildFromTemplate).toHaveBeenCalledTimes(1);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(Menu.buildFromTemplate.mock.results[0]?.value);
  });
});
