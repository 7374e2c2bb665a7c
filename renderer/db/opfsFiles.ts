import type { CopyFiles } from '../../shared/transfer';

/**
 * Files in the origin private file system (navigator.storage.getDirectory()), where the journal's
 * safety copy is kept during imports and restores. Chromium keeps these files apart from IndexedDB,
 * so they outlive an IndexedDB store the browser drops when the disk fills (measured by the fault
 * suite's storage-full-import). Null where the browser has no such file system or cannot write to it
 * from a page (createWritable), which then keeps no copy.
 */
export async function opfsFiles(): Promise<CopyFiles | null> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.getDirectory) return null;
  let dir: FileSystemDirectoryHandle;
  try {
    dir = await storage.getDirectory();
  } catch {
    return null;
  }
  // Feature-detected on the prototype: writing a probe file at every start would be I/O for nothing.
  if (typeof globalThis.FileSystemFileHandle?.prototype.createWritable !== 'function') return null;

  const missing = (err: unknown) => (err as { name?: string } | null)?.name === 'NotFoundError';
  return {
    async read(name) {
      try {
        return await (await (await dir.getFileHandle(name)).getFile()).text();
      } catch (err) {
        if (missing(err)) return null;
        throw err;
      }
    },
    async write(name, text) {
      // A writable stream writes to a scratch file that replaces the file only when closed.
      const stream = await (await dir.getFileHandle(name, { create: true })).createWritable();
      try {
        await stream.write(text);
        await stream.close();
      } catch (err) {
        await stream.abort().catch(() => undefined);
        throw err;
      }
    },
    async remove(name) {
      try {
        await dir.removeEntry(name);
      } catch (err) {
        if (!missing(err)) throw err;
      }
    },
  };
}
