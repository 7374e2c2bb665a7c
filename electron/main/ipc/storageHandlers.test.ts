import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, ipcMain, resetFakeElectron, type FakeFrame } from '../../testing/fakeElectron';
import { createIpcHandlers, registerIpcHandlers } from './handlers';
import { freeDiskBytes, type Statfs } from './storageHandlers';

vi.mock('electron', () => import('../../testing/fakeElectron'));

const appFrame: FakeFrame = { url: 'app://kith/index.html', parent: null };
const MiB = 1024 * 1024;

let statfs: ReturnType<typeof vi.fn<Statfs>>;

beforeEach(() => {
  resetFakeElectron();
  app.userData = '/home/ada/.config/Kith';
  statfs = vi.fn<Statfs>(async () => ({ bavail: 12 * 256, bsize: 4096 }));
  registerIpcHandlers(ipcMain, createIpcHandlers({ version: '1.2.3', platform: 'linux', statfs }));
});

describe('the free disk bytes', () => {
  it('are the blocks available to the user times the block size, on the disk of the user data folder', async () => {
    expect(await ipcMain.invoke('storage:free-bytes', appFrame, undefined)).toEqual({
      ok: true,
      value: 12 * MiB,
    });
    expect(statfs).toHaveBeenCalledWith('/home/ada/.config/Kith');
  });

  it('are a full disk’s 0, not unknown', async () => {
    await expect(freeDiskBytes(async () => ({ bavail: 0, bsize: 4096 }), '/')).resolves.toBe(0);
  });

  it('are unknown (null) when the OS does not say, never an error answer', async () => {
    statfs.mockRejectedValue(
      Object.assign(new Error('ENOSYS: function not implemented'), { code: 'ENOSYS' }),
    );
    expect(await ipcMain.invoke('storage:free-bytes', appFrame, undefined)).toEqual({
      ok: true,
      value: null,
    });
    await expect(freeDiskBytes(async () => ({ bavail: Number.NaN, bsize: 4096 }), '/')).resolves.toBeNull();
  });

  it('are asked for with no payload: anything else is refused before the disk is asked', async () => {
    const result = await ipcMain.invoke('storage:free-bytes', appFrame, { path: '/etc' });
    expect(result).toEqual({
      ok: false,
      error: 'storage:free-bytes: payload: Invalid input: expected undefined, received object',
    });
    expect(statfs).not.toHaveBeenCalled();
  });

  it('are refused to a page that is not the app', async () => {
    const result = await ipcMain.invoke(
      'storage:free-bytes',
      { url: 'https://evil.example/', parent: null },
      undefined,
    );
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^storage:free-bytes: refused, /) });
    expect(statfs).not.toHaveBeenCalled();
  });

  it('come from the real statfs of this machine by default', async () => {
    resetFakeElectron();
    app.userData = process.cwd();
    registerIpcHandlers(ipcMain, createIpcHandlers({ version: '1.2.3', platform: 'linux' }));
    const result = await ipcMain.invoke('storage:free-bytes', appFrame, undefined);
    expect(result).toEqual({ ok: true, value: expect.any(Number) });
  });
});
