import { bridgeWith } from './bridge';

/**
 * Free bytes on the disk that holds the journal, as the desktop's OS reports them; null in a
 * browser (a page cannot ask the OS) and when the shell cannot tell.
 */
export async function freeDiskBytes(): Promise<number | null> {
  const bridge = bridgeWith(['freeDiskBytes'] as const);
  return bridge ? bridge.freeDiskBytes() : null;
}
