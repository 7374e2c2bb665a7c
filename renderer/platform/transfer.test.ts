// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { automaticBackups, hasNativeFileDialogs, openFileNatively, pickedFile, saveFile } from './index';

const globals = window as unknown as Record<string, unknown>;
const filters = [{ name: 'vCard', extensions: ['vcf'] }];

afterEach(() => {
  delete globals.kith;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('files on the desktop', () => {
  it('go through the native dialogs of the shell', async () => {
    const bridge = {
      openFile: vi.fn(async () => ({ name: 'a.vcf', bytes: new Uint8Array([65]) })),
      saveFile: vi.fn(async () => ({ saved: true, name: 'people.vcf' })),
    };
    globals.kith = bridge;
    expect(hasNativeFileDialogs()).toBe(true);
    await expect(openFileNatively('Import', filters, 'import')).resolves.toEqual({
      name: 'a.vcf',
      size: 1,
      data: new Uint8Array([65]),
    });
    expect(bridge.openFile).toHaveBeenCalledWith({ title: 'Import', filters, purpose: 'import' });
    const saved = await saveFile({
      title: 'Export',
      suggestedName: 'people.vcf',
      filters,
      mimeType: 'text/vcard',
      content: 'BEGIN:VCARD',
    });
    expect(saved).toEqual({ saved: true, name: 'people.vcf' });
    // The mime type is for browser downloads; the shell gets only what its channel accepts.
    expect(bridge.saveFile).toHaveBeenCalledWith({
      title: 'Export',
      suggestedName: 'people.vcf',
      filters,
      content: 'BEGIN:VCARD',
    });
  });

  it('offer automatic backups', async () => {
    const view = { enabled: true, keep: 14 };
    globals.kith = {
      loadBackupSettings: vi.fn(async () => view),
      saveBackupSettings: vi.fn(),
      chooseBackupFolder: vi.fn(),
      writeBackup: vi.fn(),
    };
    await expect(automaticBackups()!.load()).resolves.toBe(view);
  });
});

describe('files in a browser', () => {
  it('come from the file input, handed on unread', async () => {
    const file = new File([new Uint8Array([0xef, 0xbb, 0xbf, 0x41])], 'contacts.csv', { type: 'text/csv' });
    expect(hasNativeFileDialogs()).toBe(false);
    await expect(openFileNatively('Import', filters, 'import')).rejects.toThrow('use the file input');
    expect(pickedFile(file)).toEqual({ name: 'contacts.csv', size: 4, data: file });
  });

  it('are saved as a download of a blob URL, which is released afterwards', async () => {
    vi.useFakeTimers();
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:kith/1';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });

    const result = await saveFile({
      title: 'Export',
      suggestedName: 'kith-backup.json',
      filters: [],
      mimeType: 'application/json',
      content: '{"format":"kith-backup"}',
    });
    expect(result).toEqual({ saved: true, name: 'kith-backup.json' });
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.download).toBe('kith-backup.json');
    expect(clicked[0]!.getAttribute('href')).toBe('blob:kith/1');
    expect(clicked[0]!.isConnected).toBe(false);
    expect(created[0]!.type).toBe('application/json');
    expect(await created[0]!.text()).toBe('{"format":"kith-backup"}');
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:kith/1');
  });

  it('have no automatic backups', () => {
    expect(automaticBackups()).toBeNull();
  });
});
