/**
 * crypto.randomUUID exists as a global in browsers (secure contexts) and Node 20, but shared/ has
 * neither DOM nor node types, so it is reached through a narrow typed view of globalThis.
 */
export function newId(): string {
  return (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID();
}

/** The owner ("me") has a fixed id, so two devices that each create "me" end up with one person. */
export const OWNER_ID = 'owner';
