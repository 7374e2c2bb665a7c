import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/ipc';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Reload and developer tools are for development builds only. */
  isPackaged: boolean;
  /** Delivers a command to the renderer (which owns undo, find, forms and preferences). */
  send: (command: MenuCommand) => void;
}

/**
 * The native menus. Undo and Redo are commands rather than Electron's edit roles because the
 * journal has its own undo (deleted encounters come back); the renderer falls back to text undo
 * when a text field has focus. Cut, copy, paste and select all stay native roles.
 */
export function buildMenuTemplate({
  appName,
  isMac,
  isPackaged,
  send,
}: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => send(name),
  });
  const preferences = command(isMac ? 'Settings…' : 'Preferences…', 'CmdOrCtrl+,', 'preferences');

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      preferences,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New encounter', 'CmdOrCtrl+N', 'new-encounter'),
      { type: 'separator' },
      ...(isMac
        ? [{ role: 'close' } as const]
        : [preferences, { type: 'separator' } as const, { role: 'quit', accelerator: 'Ctrl+Q' } as const]),
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      command('Undo', 'CmdOrCtrl+Z', 'undo'),
      command('Redo', 'CmdOrCtrl+Shift+Z', 'redo'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find…', 'CmdOrCtrl+K', 'find'),
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(isPackaged
        ? []
        : [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = { role: 'windowMenu' };

  return [...(isMac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
