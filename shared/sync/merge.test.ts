import type { RxConflictHandler } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { makeStamp } from '../db/fieldTimes';
import { conflictHandlerFor, mergeVersions } from './merge';

const s = (ms: number, device: string) => makeStamp(ms, device);

function person(fields: Record<string, unknown>, times: Record<string, string>, deleted = false) {
  return {
    id: 'p1',
    createdAt: 1,
    updatedAt: 1,
    name: 'Ada',
    notes: 'base notes',
    role: '',
    ...fields,
    fieldTimes: { name: s(1, 'a'), notes: s(1, 'a'), role: s(1, 'a'), ...times },
    _deleted: deleted,
  };
}

const base = person({}, {});

/** The notes a conflict handler keeps when this device ('me') and the server ('them') both changed them. */
async function resolvedNotes(handler: RxConflictHandler<Record<string, unknown>>): Promise<string> {
  const resolved = await handler.resolve(
    {
      newDocumentState: person({ notes: 'mine' }, { notes: s(3, 'me') }),
      realMasterState: person({ notes: 'theirs' }, { notes: s(4, 'them') }),
      assumedMasterState: base,
    },
    '',
  );
  return String(resolved.notes);
}

describe('sync merge', () => {
  it('takes each field from the side that changed it last', () => {
    const a = person({ name: 'Ada L.' }, { name: s(5, 'laptop') });
    const b = person({ role: 'Mathematician' }, { role: s(6, 'desktop') });
    const merged = mergeVersions('people', a, b, base);
    expect(merged).toMatchObject({ name: 'Ada L.', role: 'Mathematician', notes: 'base notes' });
    expect(merged.fieldTimes).toMatchObject({ name: s(5, 'laptop'), role: s(6, 'desktop') });
  });

  it('breaks a same-millisecond tie by device id, the same way on both devices', () => {
    const a = person({ name: 'From a' }, { name: s(5, 'a') });
    const b = person({ name: 'From b' }, { name: s(5, 'b') });
    expect(mergeVersions('people', a, b, base).name).toBe('From b');
    expect(mergeVersions('people', b, a, base).name).toBe('From b');
  });

  it('keeps the losing text of a free-text field as a visible section, commutatively', () => {
    const a = person({ notes: 'Laptop wrote this' }, { notes: s(5, 'laptop') });
    const b = person({ notes: 'Desktop wrote that' }, { notes: s(9, 'desktop') });
    const ab = mergeVersions('people', a, b, base);
    expect(ab.notes).toBe(
      'Desktop wrote that\n\n---\nConflicting edit from another device (laptop) at 1970-01-01 00:00 UTC:\nLaptop wrote this',
    );
    expect(mergeVersions('people', b, a, base)).toEqual(ab);
  });

  it('names the other device as the person named it, at a time a person reads', () => {
    const laptopId = 'b5c0e1c2-93a4-4f1e-8a3b-0d9d3c8f7a61';
    const at = Date.UTC(2026, 11, 7, 14, 3, 27);
    const a = person({ notes: 'Laptop wrote this' }, { notes: s(at, laptopId) });
    const b = person({ notes: 'Desktop wrote that' }, { notes: s(at + 60_000, 'desktop-id') });
    const names = new Map([[laptopId, 'Laptop']]);
    const merged = mergeVersions('people', a, b, base, (id) => names.get(id));
    expect(merged.notes).toBe(
      'Desktop wrote that\n\n---\nConflicting edit from Laptop at 2026-12-07 14:03 UTC:\nLaptop wrote this',
    );
    // A device missing from the directory is named by the start of its id, never the whole UUID.
    const unnamed = mergeVersions('people', a, b, base, () => undefined);
    expect(unnamed.notes).toContain('Conflicting edit from another device (b5c0e1) at 2026-12-07 14:03 UTC:');
  });

  it('as a conflict handler, names devices through the lookup it was given', async () => {
    const names = new Map([['me', 'Office PC']]);
    expect(await resolvedNotes(conflictHandlerFor('people', (id) => names.get(id)))).toBe(
      'theirs\n\n---\nConflicting edit from Office PC at 1970-01-01 00:00 UTC:\nmine',
    );
  });

  it('is idempotent: merging again, or with either side, appends nothing more', () => {
    const a = person({ notes: 'Laptop text' }, { notes: s(5, 'laptop') });
    const b = person({ notes: 'Desktop text' }, { notes: s(9, 'desktop') });
    const once = mergeVersions('people', a, b, base);
    expect(mergeVersions('people', once, once, base)).toEqual(once);
    expect(mergeVersions('people', once, a, base)).toEqual(once);
    expect(mergeVersions('people', b, once, base)).toEqual(once);
    expect(mergeVersions('people', once, b)).toEqual(once);
  });

  it('does not append a side that did not change the text', () => {
    const a = person({ name: 'Ada L.' }, { name: s(5, 'laptop') });
    const b = person({ notes: 'new notes' }, { notes: s(6, 'desktop') });
    expect(mergeVersions('people', a, b, base).notes).toBe('new notes');
  });

  it('keeps a concurrent edit over a delete, and a delete over what the deleter had seen', () => {
    const deleted = person({}, {}, true);
    const edited = person({ role: 'Poet' }, { role: s(7, 'desktop') });
    expect(mergeVersions('people', deleted, edited, base)).toMatchObject({ _deleted: false, role: 'Poet' });
    expect(mergeVersions('people', edited, deleted, base)).toMatchObject({ _deleted: false, role: 'Poet' });
    const seenThenDeleted = { ...edited, _deleted: true };
    expect(mergeVersions('people', seenThenDeleted, edited, base)._deleted).toBe(true);
    expect(mergeVersions('people', deleted, { ...deleted }, base)._deleted).toBe(true);
  });

  it('keeps within the schema limit, marking a shortened losing text', () => {
    const long = 'x'.repeat(1900);
    const a = person({ howWeMet: long }, { howWeMet: s(9, 'a') });
    const b = person({ howWeMet: 'y'.repeat(50) }, { howWeMet: s(5, 'b') });
    const merged = mergeVersions('people', a, b, base).howWeMet as string;
    expect(merged.length).toBeLessThanOrEqual(2000);
    expect(merged.startsWith(long)).toBe(true);
    expect(merged.endsWith('[… shortened to fit]')).toBe(true);
    expect(merged).toContain('Conflicting edit from another device (b)');
  });

  it('as a conflict handler, calls documents equal ignoring RxDB bookkeeping', async () => {
    const handler = conflictHandlerFor<Record<string, unknown>>('people');
    expect(
      handler.isEqual({ ...base, _meta: { lwt: 1 } } as never, { ...base, _rev: '2-x' } as never, ''),
    ).toBe(true);
    expect(handler.isEqual(base as never, { ...base, name: 'B' } as never, '')).toBe(false);
    expect(await resolvedNotes(handler)).toContain(
      'theirs\n\n---\nConflicting edit from another device (me)',
    );
  });

  it('merges settings one by one, so changes of different settings on two devices both stay', () => {
    const settings = (value: Record<string, unknown>, times: Record<string, string>) => ({
      id: 'strength',
      createdAt: 1,
      updatedAt: 1,
      value,
      fieldTimes: times,
      _deleted: false,
    });
    const laptop = settings(
      { halfLifeDays: 30, channelWeights: { video: 0.5 } },
      { 'value.halfLifeDays': s(5, 'laptop'), 'value.channelWeights.video': s(2, 'laptop') },
    );
    const phone = settings(
      { channelWeights: { video: 0.9, call: 0.4 } },
      { 'value.channelWeights.video': s(6, 'phone'), 'value.channelWeights.call': s(6, 'phone') },
    );
    const merged = mergeVersions('settings', laptop, phone);
    expect(merged.value).toEqual({ halfLifeDays: 30, channelWeights: { video: 0.9, call: 0.4 } });
    expect(mergeVersions('settings', phone, laptop)).toEqual(merged);

    // An undo on the phone restored the whole value at time 9: it covers every setting inside.
    const undone = settings({}, { value: s(9, 'phone'), 'value.halfLifeDays': s(1, 'phone') });
    expect(mergeVersions('settings', laptop, undone).value).toEqual({});
  });
});
