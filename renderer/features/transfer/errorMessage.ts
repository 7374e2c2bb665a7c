/**
 * An error as a sentence for the person: the desktop bridge prefixes its messages with the IPC
 * channel ("backup:write: …"), which means nothing to them.
 */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/^[a-z]+:[a-z-]+: /, '');
}
