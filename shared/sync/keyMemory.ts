/**
 * What this device remembers of the last key it synced a journal with: the journal's id on the server
 * and the key's id, in a local document (never synced). Only for telling the person what happened
 * when the key document no longer opens: "the passphrase was changed on another device" instead of a
 * bare "does not match", and a warning when an encrypted journal's key document claims encryption is
 * only being turned on. Nothing is refused on its account alone: losing it loses only the better words.
 */
import type { KithDatabase } from '../db/collections';
import { getDoc, JOURNAL_DOC_ID } from './unlock';
import type { SyncTransport } from './transport';

const MEMORY_ID = 'sync-key-memory';

interface KeyMemory {
  journal: string;
  kid: string;
}

/** The key id this device last synced the server's journal with, or null (another journal, or none). */
export async function rememberedKid(db: KithDatabase, transport: SyncTransport): Promise<string | null> {
  const memory = (await db.getLocal<KeyMemory>(MEMORY_ID).catch(() => null))?.toJSON().data;
  if (!memory || typeof memory.kid !== 'string') return null;
  // Read-only: the journal id is created later, and only once the passphrase is known to be right.
  const journal = (await getDoc(transport, JOURNAL_DOC_ID)) as { journalId?: unknown } | null;
  return journal?.journalId === memory.journal ? memory.kid : null;
}

export async function rememberKid(db: KithDatabase, journal: string, kid: string | null): Promise<void> {
  if (kid === null) await (await db.getLocal(MEMORY_ID))?.remove();
  else await db.upsertLocal<KeyMemory>(MEMORY_ID, { journal, kid });
}
