import type { StoredJournal } from '../page/api';
import type { Journal } from '../harness/data';
import type { Device } from '../harness/device';
import { describeDiff, diff, fingerprints, OWNER_KEY, total, type Difference } from '../harness/journal';
import type { Findings, ScenarioContext } from '../harness/scenario';
import { settle } from '../harness/settle';
import type { Operator, ServerDoc, SyncServerProcess } from '../harness/syncServer';
import { journalUsable, setUpSync, syncStatusText } from '../ui';

export const PASSPHRASE = 'fault suite passphrase';
export const NEW_PASSPHRASE = 'a brand new fault suite passphrase';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A device whose database holds `journal` before the app first opens there; the app is then opened. */
export async function deviceWith(ctx: ScenarioContext, name: string, journal?: Journal): Promise<Device> {
  const device = await ctx.device(name);
  if (journal) await device.insert(journal);
  await device.openApp();
  return device;
}

/** Sets up sync on an open device and waits until it is in sync. Returns the status then. */
export async function syncAndSettle(
  ctx: ScenarioContext,
  device: Device,
  server: SyncServerProcess,
  passphrase: string,
  timeoutMs = 180_000,
): Promise<string> {
  await setUpSync(device.page, ctx.syncSetup(server, passphrase));
  return settle(device.page, ctx.operator(server), { timeoutMs });
}

/**
 * A device with `journal` syncing to a new server and in sync with it, and the journal as the device
 * holds it then (read by the probe; the app is opened again afterwards).
 */
export async function syncedDevice(
  ctx: ScenarioContext,
  journal: Journal,
  passphrase: string,
): Promise<{ server: SyncServerProcess; operator: Operator; device: Device; before: StoredJournal }> {
  const server = await ctx.server();
  const operator = ctx.operator(server);
  const device = await deviceWith(ctx, 'A', journal);
  ctx.log(`A holds ${total(journal).toLocaleString('en-US')} documents; setting up sync`);
  await syncAndSettle(ctx, device, server, passphrase);
  ctx.log('A is in sync');
  const before = await device.read();
  await device.openApp();
  await settle(device.page, operator);
  return { server, operator, device, before };
}

export interface Joined {
  device: Device;
  journal: StoredJournal;
  /** The sync status once it settled (or the last one seen). */
  status: string;
  settled: boolean;
}

/**
 * A fresh device joins with `passphrase` and syncs until quiet; then its journal is read. Whatever
 * it could read and apply is what another device of this person would get.
 */
export async function join(
  ctx: ScenarioContext,
  server: SyncServerProcess,
  passphrase: string,
  name = 'fresh device',
  timeoutMs = 180_000,
): Promise<Joined> {
  const device = await deviceWith(ctx, name);
  let settled = true;
  let status: string;
  try {
    status = await syncAndSettle(ctx, device, server, passphrase, timeoutMs);
  } catch {
    settled = false;
    status = await syncStatusText(device.page).catch(() => '(unreadable)');
  }
  const journal = await device.read();
  await device.close();
  return { device, journal, status, settled };
}

/**
 * Counts a difference against what must be there: missing and changed documents are lost, extra ones
 * are wrongly accepted (kept though nothing acknowledged them). The owner may differ in content.
 */
export function countDifference(
  findings: Findings,
  reference: StoredJournal | Journal,
  actual: StoredJournal,
  what: string,
): Difference {
  const d = diff(fingerprints(reference), fingerprints(actual), [OWNER_KEY]);
  findings.lost = (findings.lost ?? 0) + d.missing.length + d.changed.length;
  findings.wronglyAccepted = (findings.wronglyAccepted ?? 0) + d.extra.length;
  findings.note(what, describeDiff(d));
  findings.check(d.missing.length + d.changed.length + d.extra.length === 0, `${what}: ${describeDiff(d)}`);
  return d;
}

/** The app opens and shows its journal (after a reload, or a relaunch). */
export async function checkUsable(findings: Findings, device: Device, when: string): Promise<void> {
  const problem = await journalUsable(device.page);
  findings.check(problem === null, `${when}: ${problem ?? ''}`);
}

/**
 * The current key of a server's key document: format 2 (`kith: 2`) keeps it in `current`
 * (shared/sync/keyDoc.ts); the first format kept one `salt` at the top, its key id the first 8
 * characters. Null when there is no key document or no current key.
 */
function currentKeyOf(keyDoc: ServerDoc | null): { kid: string; salt: string } | null {
  if (!keyDoc) return null;
  if (keyDoc.kith === 2) {
    const current = keyDoc.current as { kid?: unknown; salt?: unknown } | null | undefined;
    return typeof current?.kid === 'string' && typeof current.salt === 'string'
      ? { kid: current.kid, salt: current.salt }
      : null;
  }
  return typeof keyDoc.salt === 'string' ? { kid: keyDoc.salt.slice(0, 8), salt: keyDoc.salt } : null;
}

/** The key id of a server's key document (what every ciphertext names in `kid`). */
export function keyIdOf(keyDoc: ServerDoc | null): string | null {
  return currentKeyOf(keyDoc)?.kid ?? null;
}

/** The salt of a server's key document's current key (a new salt is a new key: a forked journal). */
export function saltOf(keyDoc: ServerDoc | null): string | null {
  return currentKeyOf(keyDoc)?.salt ?? null;
}

/** Envelopes on the server that are plaintext, and those sealed with another key than the key document's. */
export async function serverHealth(
  operator: Operator,
): Promise<{ plaintext: number; otherKey: number; total: number; kid: string | null }> {
  const kid = keyIdOf(await operator.get('kith-key'));
  const envelopes = await operator.envelopes();
  return {
    plaintext: envelopes.filter((e) => e.enc !== true).length,
    otherKey: envelopes.filter((e) => e.enc === true && e.kid !== kid).length,
    total: envelopes.length,
    kid,
  };
}

/** Changes on the server since `since` (ids and revisions), e.g. to see how far a push got. */
export async function changesSince(operator: Operator, since: unknown): Promise<{ id: string }[]> {
  const seq = encodeURIComponent(typeof since === 'string' ? since : JSON.stringify(since ?? 0));
  const res = await operator.request('GET', `_changes?since=${seq}`);
  return (res.body as { results?: { id: string }[] } | null)?.results ?? [];
}

/**
 * Which of two consistent states a journal is in after an interrupted all-or-nothing write: exactly
 * `before`, exactly `after`, or neither (then counted against the nearer one: its missing and changed
 * documents are lost, its extra ones wrongly accepted).
 */
export function judgeAllOrNothing(
  findings: Findings,
  states: { before: StoredJournal | Journal; after: StoredJournal | Journal | null },
  actual: StoredJournal,
): 'before' | 'after' | 'partial' {
  const now = fingerprints(actual);
  const size = (d: Difference) => d.missing.length + d.changed.length + d.extra.length;
  const toBefore = diff(fingerprints(states.before), now, [OWNER_KEY]);
  const toAfter = states.after ? diff(fingerprints(states.after), now, [OWNER_KEY]) : null;
  const state = size(toBefore) === 0 ? 'before' : toAfter && size(toAfter) === 0 ? 'after' : 'partial';
  const nearest = toAfter && size(toAfter) < size(toBefore) ? toAfter : toBefore;
  findings.lost ??= 0;
  findings.wronglyAccepted ??= 0;
  findings.note(
    'afterTheRestart',
    state === 'partial' ? `partial: ${describeDiff(nearest)} against the nearer state` : `exactly ${state}`,
  );
  if (state === 'partial') {
    findings.lost = (findings.lost ?? 0) + nearest.missing.length + nearest.changed.length;
    findings.wronglyAccepted = (findings.wronglyAccepted ?? 0) + nearest.extra.length;
  }
  findings.check(state !== 'partial', `partial state: ${describeDiff(nearest)}`);
  return state;
}
