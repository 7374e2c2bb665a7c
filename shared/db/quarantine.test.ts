import { firstValueFrom, filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import {
  discardAllQuarantined,
  discardQuarantined,
  listQuarantined,
  MAX_COPIES_KEPT,
  MAX_LISTED,
  quarantine$,
  quarantinedRaw,
  release,
  setAside,
  type SetAside,
} from './quarantine';
import { databasesClosedAfterEach, openTestDatabase } from './testing';

const journal = databasesClosedAfterEach();

const item = (docId: string, reason = 'Date “2026-02-30” is not a real day.'): SetAside => ({
  source: 'sync',
  collection: 'encounters',
  docId,
  reason,
  issues: [{ path: 'date', message: reason }],
  origin: `encounters:${docId} (revision 2-abc)`,
  raw: { id: docId, date: '2026-02-30' },
});

describe('quarantine', () => {
  it('keeps what arrived with its reason, replaces an entry when a newer bad version arrives, and lists it live', async () => {
    const db = await journal();
    const seen = firstValueFrom(quarantine$(db).pipe(filter((q) => q.entries.length === 2)));
    await setAside(db, [item('e1'), item('e2')], 1000);
    await setAside(db, [item('e1', 'Date “not-a-date” is not a real day.')], 2000);
    const { entries } = await seen.then(() => listQuarantined(db));
    expect(entries.map((e) => [e.docId, e.reason, e.at])).toEqual([
      ['e2', 'Date “2026-02-30” is not a real day.', 1000],
      ['e1', 'Date “not-a-date” is not a real day.', 2000],
    ]);
    expect(JSON.parse((await quarantinedRaw(db, entries[1]!.key)) ?? '')).toEqual({
      id: 'e1',
      date: '2026-02-30',
    });
  });

  it('forgets an entry when a valid version arrives from the same source, or when the person discards it', async () => {
    const db = await journal();
    await setAside(db, [item('e1'), item('e2'), { ...item('e3'), source: 'backup' }]);
    await release(db, 'sync', 'encounters', ['e1', 'e3']);
    expect((await listQuarantined(db)).entries.map((e) => e.docId)).toEqual(['e2', 'e3']);
    const e2 = (await listQuarantined(db)).entries[0]!;
    await discardQuarantined(db, [e2.key]);
    expect(await quarantinedRaw(db, e2.key)).toBeNull();
    await discardAllQuarantined(db);
    expect(await listQuarantined(db)).toEqual({ entries: [], dropped: 0 });
  });

  it('lists at most MAX_LISTED entries and counts the oldest it had to drop, so a flood cannot fill the disk', async () => {
    const db = await journal();
    const flood = Array.from({ length: MAX_LISTED + 5 }, (_, i) => ({ ...item(`e${i}`), raw: undefined }));
    await setAside(db, flood);
    const index = await listQuarantined(db);
    expect(index.entries).toHaveLength(MAX_LISTED);
    expect(index.dropped).toBe(5);
    expect(index.entries[0]?.docId).toBe('e5');
  }, 60_000);

  it('keeps the copy of what arrived for the newest entries only, and lists the older ones without it', async () => {
    const db = await journal();
    const many = Array.from({ length: MAX_COPIES_KEPT + 3 }, (_, i) => item(`e${i}`));
    await setAside(db, many);
    const { entries } = await listQuarantined(db);
    expect(entries).toHaveLength(MAX_COPIES_KEPT + 3);
    expect(entries.slice(0, 3).map((e) => e.copyKept)).toEqual([false, false, false]);
    for (const e of entries.slice(0, 3)) expect(await quarantinedRaw(db, e.key)).toBeNull();
    expect(JSON.parse((await quarantinedRaw(db, entries[3]!.key)) ?? '')).toMatchObject({ id: 'e3' });
  }, 60_000);

  it('serialises concurrent writers so no entry is lost', async () => {
    const db = await journal();
    await Promise.all(Array.from({ length: 20 }, (_, i) => setAside(db, [item(`e${i}`)])));
    expect((await listQuarantined(db)).entries).toHaveLength(20);
  });

  it('ends the live list quietly when the journal closes while it is read', async () => {
    const db = await openTestDatabase();
    const closing = db.close();
    // A view subscribing as its window closes: no error reaches it, the list just ends.
    const ended = await new Promise<string>((resolve) =>
      quarantine$(db).subscribe({
        complete: () => resolve('complete'),
        error: (e: unknown) => resolve(String(e)),
      }),
    );
    await closing;
    expect(ended).toBe('complete');
  });
});
