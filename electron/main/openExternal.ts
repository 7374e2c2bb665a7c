import { shell } from 'electron';
import { checkExternalUrl } from '../../shared/security/externalUrl';

/**
 * The only call to shell.openExternal in Kith. Refused links reject with the reason, so a caller
 * can show it; nothing is opened half-checked.
 */
export async function openExternalSafely(raw: string): Promise<void> {
  const check = checkExternalUrl(raw);
  if (!check.ok) throw new Error(`Refused to open the link: ${check.reason}.`);
  // electronegativity-justified: OPEN_EXTERNAL_JS_CHECK — the link passed checkExternalUrl just above (https: or mailto:, no credentials), and this is the only call
  await shell.openExternal(check.url);
}
